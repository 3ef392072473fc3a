""" "Cost your support plan" in Welsh: the same figures, in the same order, as the English,
in the core's Welsh drafts (ras_core/i18n/locale/cy.po), by `ras plan --lang cy` and
`web.plan_json(..., lang="cy")`; the plan file's own problems (plan/read.py) in Welsh.
The English is unchanged (tests/test_plan*.py).

What the person wrote (their name, outcomes, reasons, each line's name) and the sources'
titles are shown as they are, so an ``outcome`` or ``reasons`` line reads the same in
both languages. The figures' labels and the council's name (content/employment.toml,
content/plan-costs.toml) are said in Welsh where the file gives it (`label_cy`,
`council_cy`), else in English.
"""

from __future__ import annotations

import json
import re
import tomllib
from typing import Any

import pytest

import helpers
from conftest import ROOT
from ras_core import web
from ras_core.plan import PlanError, plan_from_json
from ras_core.plan.words import as_text, lines
from test_plan import _cases, costed, plan_dict

EXAMPLE_PLAN = ROOT / "content" / "plans" / "example-plan.json"
EMPLOYMENT = (ROOT / "content" / "employment.toml").read_text(encoding="utf-8")
COSTS = (ROOT / "content" / "plan-costs.toml").read_text(encoding="utf-8")
# Every sum of money and every other number a line says ("£1,234.50", "−£5.14", "12.07%", a date's day).
FIGURES = re.compile(r"−?£[\d,]+(?:\.\d+)?|\d+(?:[.,]\d+)*%?")
DATA_SLOTS = ("outcome", "reasons")  # the person's own words


def figures(text: str) -> list[str]:
    return FIGURES.findall(text)


def reply(lang: str | None) -> dict[str, Any]:
    text = EXAMPLE_PLAN.read_text(encoding="utf-8")
    said = web.plan_json(text, EMPLOYMENT, COSTS) if lang is None else web.plan_json(text, EMPLOYMENT, COSTS, lang)
    got: dict[str, Any] = json.loads(said)
    return got


def assert_same_figures_own_words(english: list[dict[str, Any]], welsh: list[dict[str, Any]]) -> None:
    """The same slots, the same figures line by line in the same order, and the core's own
    sentences in Welsh."""
    assert [line["slot"] for line in welsh] == [line["slot"] for line in english]
    for own, theirs in zip(english, welsh, strict=True):
        assert figures(theirs["text"]) == figures(own["text"]), (own["text"], theirs["text"])
        if own["slot"] not in DATA_SLOTS:
            assert theirs["text"] != own["text"], own["text"]
        assert (theirs["title"] is None) == (own["title"] is None)
        if own["title"] is not None:
            assert theirs["title"] != own["title"]
        assert theirs["reference"] == own["reference"]


def test_the_example_plan_in_welsh_has_the_englishs_figures_in_order_in_its_own_words() -> None:
    english, welsh = reply("en"), reply("cy")
    assert english["ok"] is True and welsh["ok"] is True
    assert reply(None) == english  # English unless another language is named

    def figures_only(plan: dict[str, Any]) -> dict[str, Any]:
        kept = {k: v for k, v in plan.items() if k not in ("words", "lines", "rounding")}
        return kept | {"lines": [{k: v for k, v in line.items() if k != "working"} for line in plan["lines"]]}

    assert figures_only(welsh["plan"]) == figures_only(english["plan"])
    assert_same_figures_own_words(english["plan"]["words"], welsh["plan"]["words"])
    every_english = " ".join(line["text"] for line in english["plan"]["words"])
    every_welsh = " ".join(line["text"] for line in welsh["plan"]["words"])
    assert figures(every_welsh) == figures(every_english)
    for own, theirs in zip(english["plan"]["lines"], welsh["plan"]["lines"], strict=True):
        assert [figures(step["text"]) for step in theirs["working"]] == [figures(s["text"]) for s in own["working"]]
    words = [line["text"] for line in welsh["plan"]["words"]]
    assert words[0] == "Cynllun cymorth wedi'i gostio ar gyfer Sam Example"
    assert "Cynorthwyydd personol: Morning personal assistant: £135.42 yr wythnos, £7,041.84 y flwyddyn." in words
    assert "Cyfanswm: £212.11 yr wythnos, £11,029.82 y flwyddyn." in words
    assert welsh["plan"]["rounding"] == "pob swm i'r geiniog, hanner i fyny, cyn ei adio"


@pytest.mark.parametrize("case", _cases())
def test_every_golden_plan_in_welsh_has_the_same_figures_and_slots(case: dict[str, Any]) -> None:
    rest = {k: case[k] for k in ("date", "band", "employment_allowance") if k in case}
    result = costed(plan_dict(case["lines"], **rest))
    english, welsh = lines(result), lines(result, "cy")
    assert_same_figures_own_words([line.to_dict() for line in english], [line.to_dict() for line in welsh])
    assert figures(as_text(welsh, "cy")) == figures(as_text(english))


def test_ras_plan_lang_cy_prints_welsh_with_the_same_figures() -> None:
    english = helpers.ras("plan", EXAMPLE_PLAN, cwd=ROOT)
    welsh = helpers.ras("plan", EXAMPLE_PLAN, "--lang", "cy", cwd=ROOT)
    assert welsh.returncode == 0, welsh.stderr
    out = welsh.stdout.splitlines()
    assert out[0] == "Cynllun cymorth wedi'i gostio ar gyfer Sam Example"
    assert "Dyddiad y cynllun: 23 Tachwedd 2026. Defnyddir y ffigurau sydd mewn grym ar y diwrnod hwnnw." in out
    assert "Sut y gwnaethom gyfrifo hyn" in out
    assert "1. Yn ystod y dydd ar ddyddiau'r wythnos: 7.5 awr × £15.50 yr awr = £116.25." in out
    assert out[-1].startswith("Gyda'r cynllun hwn y mae siarad â'r cyngor yn dechrau.")
    assert any(line.startswith("   Ffynhonnell: ") for line in out)
    assert figures(welsh.stdout) == figures(english.stdout)
    as_json = helpers.ras("plan", EXAMPLE_PLAN, "--lang", "cy", "--json", cwd=ROOT)
    assert as_json.returncode == 0, as_json.stderr
    data = json.loads(as_json.stdout)
    assert data["words"][0]["text"] == out[0]
    assert data["weekly_total"] == "212.11"


def test_a_plan_files_own_problems_are_said_in_welsh() -> None:
    bad = {
        "format": 2,
        "date": "23/11/2026",
        "result": {"band": {"low": "200", "high": "100", "period": "week"}},
        "lines": [
            {
                "kind": "pa",
                "name": "PA",
                "age_band": "age_21_and_over",
                "hours": {"weekday": "20", "evening": "2"},
                "rates": {"weekday": "abc"},
                "sleep_in_nights": 9,
            },
            {"kind": "contingency", "name": "c", "percent": "150"},
        ],
    }
    with pytest.raises(PlanError) as error:
        plan_from_json(json.dumps(bad), source="bad.json", lang="cy")
    assert error.value.lines() == [
        "bad.json: format: mae hwn yn darllen ffeiliau cynllun fformat 1, ond cafwyd rhif (2)",
        'bad.json: date: disgwylid dyddiad wedi\'i ysgrifennu fel YYYY-MM-DD, ond cafwyd "23/11/2026"',
        "bad.json: result.band.high: rhaid iddo beidio â bod yn llai na low",
        'bad.json: lines[0].rates.weekday: disgwylid swm mewn punnoedd, fel "13.00", ond cafwyd testun ("abc")',
        "bad.json: lines[0].rates.evening: ar goll; disgwylid punnoedd yr awr ar gyfer y 2 awr a roddwyd",
        "bad.json: lines[0].sleep_in_nights: disgwylid nifer cyfan o nosweithiau'r wythnos o 0 i 7, ond cafwyd 9",
        "bad.json: lines[1].percent: disgwylid canran o 0 i 100, ond cafwyd 150",
    ]
    with pytest.raises(PlanError) as error:
        plan_from_json('{"a": 1, "a": 2}', lang="cy")
    assert error.value.lines() == ["plan.json: nid yw'n ddilys yma: mae'r allwedd \"a\" yn ymddangos ddwywaith"]
    problems = json.loads(web.plan_json("[" * 5000 + "]" * 5000, EMPLOYMENT, COSTS, "cy"))["problems"]
    assert problems == ["Mae wedi'i nythu'n rhy ddwfn i fod yn ffeil cynllun."]


def _labels(text: str) -> list[dict[str, Any]]:
    data = tomllib.loads(text)
    return [row for group in data.values() if isinstance(group, dict) for rows in group.values() for row in rows]


@pytest.mark.parametrize("name", ["employment.toml", "plan-costs.toml"])
def test_every_figures_label_has_its_welsh(name: str) -> None:
    text = (ROOT / "content" / name).read_text(encoding="utf-8")
    missing = [row["label"] for row in _labels(text) if not row.get("label_cy", "").strip()]
    assert missing == []


def test_a_welsh_plan_says_no_english_label_and_the_councils_welsh_name() -> None:
    english_labels = {row["label"] for text in (EMPLOYMENT, COSTS) for row in _labels(text)}
    said = " ".join(line["text"] for line in reply("cy")["plan"]["words"])
    left = sorted(label for label in english_labels if label in said)
    assert left == []
    assert "Cyngor Enghreifftiol" in said and "Example Council" not in said.replace("Example Council decision", "")


def test_a_figures_file_without_welsh_says_the_english() -> None:
    bare = "\n".join(line for line in COSTS.splitlines() if not line.startswith(("label_cy", "council_cy")))
    said = json.loads(web.plan_json(EXAMPLE_PLAN.read_text(encoding="utf-8"), EMPLOYMENT, bare, "cy"))
    text = " ".join(line["text"] for line in said["plan"]["words"])
    assert "Gofal gartref gan asiantaeth, ar benwythnosau" not in text
    assert "Agency care at home, weekends, an hour: £27.50" in text
    assert "Example Council" in text


def test_a_label_in_welsh_without_its_english_is_refused_with_its_dotted_path() -> None:
    from ras_core.plan.figures import FiguresError, plan_costs

    broken = COSTS.replace('label = "Agency care at home, evenings, an hour"', 'label = ""', 1)
    with pytest.raises(FiguresError) as caught:
        plan_costs(broken)
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("agency.evening[0].label", "must not be empty"),
        ("agency.evening[0].label_cy", "Welsh is given without the English (label)"),
    ]
