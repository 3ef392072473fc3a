""" "Estimate what you might pay" in Welsh: the same figures, lines and questions as the
English, in the core's Welsh drafts (ras_core/i18n/locale/cy.po), with a scheme written
in English and Welsh; a scheme in English only is refused in Welsh, as `ras estimate`
refuses it. The English is unchanged (tests/test_contribution*.py).

The charging rules' own texts (the rules, figures' names, sources) are data and are
still in English, so a ``rule`` line reads the same in both languages.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLE, ROOT, TEST_SCHEMES
from helpers import lowest_answers, ras
from ras_core import load_scheme, web
from ras_core.contribution.words import lines
from test_contribution import NATIONS, _cases, run

ANSWERS = ROOT / "content" / "answers" / "example-contribution.json"
RULES = ROOT / "content" / "charging"
DAY = "2026-11-23"
# Every sum of money and every other number a line says ("£1,234.50", "−£3.00", "100%", a date's day).
FIGURES = re.compile(r"−?£[\d,]+(?:\.\d+)?|\d+(?:[.,]\d+)*%?")
DATA_SLOTS = ("rule",)  # the charging rules' own words, in English for now


def figures(text: str) -> list[str]:
    return sorted(FIGURES.findall(text))


def rules_text(name: str) -> str:
    return (RULES / name).read_text(encoding="utf-8")


def reply(answers_text: str, lang: str) -> dict[str, Any]:
    web.load_scheme_text(EXAMPLE.read_text(encoding="utf-8"))
    got: dict[str, Any] = json.loads(
        web.contribution_json(answers_text, rules_text("england.toml"), rules_text("council.toml"), DAY, lang)
    )
    return got


def assert_same_figures_own_words(english: Sequence[Any], welsh: Sequence[Any]) -> None:
    """The same slots, the same figures line by line, and the core's own sentences in Welsh
    (lines as `Line`s or as the browser gets them)."""

    def parts(line: Any) -> tuple[str, str, str | None]:
        return (line["slot"], line["text"], line["title"]) if isinstance(line, dict) else line[:3]

    assert [parts(line)[0] for line in welsh] == [parts(line)[0] for line in english]
    for own, theirs in zip(map(parts, english), map(parts, welsh), strict=True):
        slot, text, title = own
        assert figures(theirs[1]) == figures(text), (slot, text, theirs[1])
        if slot not in DATA_SLOTS:
            assert theirs[1] != text, (slot, text)
        assert (theirs[2] is None) == (title is None)
        if title is not None:
            assert theirs[2] != title


@pytest.mark.parametrize("for_someone_else", [False, True], ids=["you", "them"])
def test_the_example_in_welsh_has_the_englishs_figures_and_lines_in_its_own_words(for_someone_else: bool) -> None:
    data = json.loads(ANSWERS.read_text(encoding="utf-8")) | {"for_someone_else": for_someone_else}
    english, welsh = reply(json.dumps(data), "en"), reply(json.dumps(data), "cy")
    assert english["ok"] is True and welsh["ok"] is True
    figures_only = {k: v for k, v in english["result"].items() if k != "lines"}
    assert {k: v for k, v in welsh["result"].items() if k != "lines"} == figures_only
    assert_same_figures_own_words(english["result"]["lines"], welsh["result"]["lines"])
    lead = welsh["result"]["lines"][1 if for_someone_else else 0]["text"]
    if for_someone_else:
        assert (
            lead == "Byddai'r cyngor yn talu tua £16.64 i £33.64 yr wythnos a hwythau tua £130.20 i £147.20 yr wythnos."
        )
    else:
        assert (
            lead == "Byddai'r cyngor yn talu tua £16.64 i £33.64 yr wythnos a chithau tua £130.20 i £147.20 yr wythnos."
        )


@pytest.mark.parametrize(("nation_name", "case"), _cases())
@pytest.mark.parametrize("for_someone_else", [False, True], ids=["you", "them"])
def test_every_golden_case_in_welsh_has_the_same_figures_and_slots(
    nation_name: str, case: dict[str, Any], for_someone_else: bool
) -> None:
    result = run(NATIONS[nation_name], case, for_someone_else=for_someone_else)
    assert_same_figures_own_words(lines(result), lines(result, "cy"))


def test_the_welsh_questions_have_the_same_ids_and_kinds_in_welsh_words() -> None:
    web.load_scheme_text(EXAMPLE.read_text(encoding="utf-8"))
    england, council = rules_text("england.toml"), rules_text("council.toml")
    english = json.loads(web.contribution_questions_json(england, council))
    welsh = json.loads(web.contribution_questions_json(england, council, "cy"))
    assert welsh["ok"] is True and (welsh["nation"], welsh["council"]) == (english["nation"], english["council"])

    def shape(question: dict[str, Any]) -> Any:
        options = [o["id"] for o in question["options"]]
        return (
            question["id"],
            question["kind"],
            options,
            question["not_said"]["id"],
            sorted(question["them"]["options"]),
        )

    assert [shape(q) for q in welsh["questions"]] == [shape(q) for q in english["questions"]]
    for own, theirs in zip(english["questions"], welsh["questions"], strict=True):
        for words in ("text", "hint"):
            assert theirs[words] != own[words] and theirs["them"][words] != own["them"][words]
        assert theirs["them"]["text"] != theirs["text"]
        for mine, other in zip(own["options"], theirs["options"], strict=True):
            assert figures(other["text"]) == figures(mine["text"]) and other["text"] != mine["text"]
    assert welsh["questions"][0]["text"] == "Faint yw eich oed?"
    assert welsh["questions"][0]["them"]["text"] == "Faint yw eu hoed?"
    assert all(q["not_said"]["text"] == "Byddai'n well gen i beidio â dweud" for q in welsh["questions"])


def test_a_problem_with_the_money_answers_is_said_in_welsh() -> None:
    data = json.loads(ANSWERS.read_text(encoding="utf-8"))
    data["contribution"]["age"] = "99"
    data["contribution"]["housing"] = True
    problems = reply(json.dumps(data), "cy")["problems"]
    assert problems[0].startswith('Rhaid iddo fod yn un o "18-24", "25-pension", "pension", "not_said"')
    assert problems[1].startswith('Disgwylid swm wythnosol fel "120.50" neu "not_said"')


def test_an_amount_that_is_not_money_is_said_in_welsh() -> None:
    data = json.loads(ANSWERS.read_text(encoding="utf-8"))
    data["contribution"]["housing"] = "-5"
    data["contribution"]["savings"] = "lots"
    welsh = " ".join(reply(json.dumps(data), "cy")["problems"])
    assert 'Mae "-5" yn llai na £0: rhaid i symiau fod yn £0 neu fwy' in welsh
    assert "less than" not in welsh
    english = " ".join(reply(json.dumps(data), "en")["problems"])
    assert '"-5" is less than £0: amounts must be £0 or more' in english


def test_ras_contribution_lang_cy_prints_welsh_with_the_same_figures() -> None:
    args = ("contribution", "--scheme", EXAMPLE, ANSWERS, "--date", DAY)
    english, welsh = ras(*args), ras(*args, "--lang", "cy")
    assert welsh.returncode == 0, welsh.stderr
    out = welsh.stdout.splitlines()
    assert (
        out[0] == "Byddai'r cyngor yn talu tua £16.64 i £33.64 yr wythnos a chithau tua £130.20 i £147.20 yr wythnos."
    )
    assert "Sut y gwnaethom gyfrifo hyn" in out
    assert (
        "10. Gyda chynilion o £14,250.01: yn weddill ar ôl y lwfansau: £400.65 + £1.00 incwm tariff − £241.45 "
        "isafswm incwm gwarantedig − £20.00 tai − £10.00 gwariant sy'n gysylltiedig ag anabledd = £130.20 yr "
        "wythnos." in out
    )
    assert out[-1].startswith("Amcangyfrif yw hwn, nid penderfyniad.")
    assert figures(welsh.stdout) == figures(english.stdout)
    as_json = ras(*args, "--lang", "cy", "--json")
    assert as_json.returncode == 0, as_json.stderr
    assert json.loads(as_json.stdout)["lines"][0]["text"] == out[0]


def _english_only(tmp_path: Path) -> tuple[Path, Path]:
    scheme = TEST_SCHEMES / "table.toml"
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(lowest_answers(load_scheme(scheme))), encoding="utf-8")
    return scheme, answers


def test_a_scheme_in_english_only_is_refused_in_welsh_as_ras_estimate_refuses_it(tmp_path: Path) -> None:
    scheme, answers = _english_only(tmp_path)
    estimate = ras("estimate", "--scheme", scheme, answers, "--lang", "cy")
    for extra in ((), ("--json",)):
        refused = ras("contribution", "--scheme", scheme, answers, "--lang", "cy", *extra)
        assert refused.returncode == 1 and refused.stdout == ""
        assert refused.stderr == estimate.stderr
    assert "wedi'i ysgrifennu yn Saesneg yn unig, felly ni ellir rhoi ei ganlyniad yn Gymraeg" in estimate.stderr
    assert ras("contribution", "--scheme", scheme, answers).returncode == 0


def test_the_browser_refuses_a_scheme_in_english_only_in_welsh_as_it_refuses_an_estimate(tmp_path: Path) -> None:
    scheme, answers = _english_only(tmp_path)
    web.load_scheme_text(scheme.read_text(encoding="utf-8"))
    text, england, council = answers.read_text(encoding="utf-8"), rules_text("england.toml"), rules_text("council.toml")
    estimate = json.loads(web.estimate_json(text, "cy"))
    assert estimate["ok"] is False
    assert json.loads(web.contribution_json(text, england, council, DAY, "cy")) == estimate
    assert json.loads(web.contribution_questions_json(england, council, "cy")) == estimate
    assert json.loads(web.contribution_json(text, england, council, DAY))["ok"] is True
