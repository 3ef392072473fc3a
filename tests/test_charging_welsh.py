"""The charging rules files' own texts in Welsh: every rule and figure of England, Wales
and the council has its Welsh beside it (`text_cy`, `them_cy`, `label_cy`, ...), a
Welsh result says them in Welsh (none of their English is left), and a `_cy` without
its English is refused. The English result is unchanged (tests/test_contribution*.py).
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterator
from typing import Any

import pytest

from conftest import EXAMPLE, ROOT
from ras_core import web
from ras_core.contribution.rules import council_from_toml, nation_from_toml
from ras_core.scheme._reader import say
from ras_core.scheme.errors import InputError

RULES = ROOT / "content" / "charging"
ANSWERS = ROOT / "content" / "answers" / "example-contribution.json"
DAY = "2026-11-23"
SAID = ("text", "them", "label", "council", "other_support")  # the texts a person reads
TRANSLATED = ("england.toml", "wales.toml", "council.toml")
WALES_BANDS = ("up-to-limit", "over-limit")


def rules_text(name: str) -> str:
    return (RULES / name).read_text(encoding="utf-8")


def _tables(data: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(data, dict):
        yield path, data
        for key, value in data.items():
            yield from _tables(value, f"{path}.{key}" if path else key)
    elif isinstance(data, list):
        for i, item in enumerate(data):
            yield from _tables(item, f"{path}[{i}]")


def said_in(name: str) -> list[tuple[str, str, dict[str, Any]]]:
    """(dotted path, English, its table) for every text a person reads in a rules file."""
    data = tomllib.loads(rules_text(name))
    return [
        (f"{path}.{key}" if path else key, table[key], table)
        for path, table in _tables(data)
        for key in SAID
        if isinstance(table.get(key), str)
    ]


def english_with_welsh() -> set[str]:
    return {english for name in TRANSLATED for path, english, table in said_in(name) if _welsh_key(path) in table}


def _welsh_key(path: str) -> str:
    return f"{path.rsplit('.', 1)[-1]}_cy"


@pytest.mark.parametrize("name", TRANSLATED)
def test_every_text_of_englands_waless_and_the_councils_rules_has_its_welsh(name: str) -> None:
    missing = [path for path, _, table in said_in(name) if _welsh_key(path) not in table]
    assert missing == []
    assert "The Welsh (keys ending _cy) is a draft" in rules_text(name)


@pytest.mark.parametrize("name", ["england", "wales"])
def test_every_rule_and_figure_is_said_in_welsh_by_the_loader(name: str) -> None:
    rules = nation_from_toml(rules_text(f"{name}.toml"))
    for rule in rules.rules.values():
        for key in ("text", "them"):
            assert say(rule, key, "cy") != say(rule, key), (rule.id, key)
            assert say(rule, key, "en") == getattr(rule, key)
    for figure in rules.figures.values():
        assert say(figure, "label", "cy") != figure.label, figure.id
    council = council_from_toml(rules_text("council.toml"))
    assert say(council, "council", "cy") == "Cyngor Enghreifftiol"
    assert all(say(f, "label", "cy") != f.label for f in council.figures.values())


def test_without_welsh_a_text_is_said_in_english() -> None:
    rules = nation_from_toml(rules_text("scotland.toml").replace("text_cy = ", "# text_cy = "))
    rule = rules.rules["personal_care"]
    assert say(rule, "text", "cy") == rule.text and say(rule, "them", "cy") == rule.text


def _lines(scheme_text: str, nation: str, answers: dict[str, Any]) -> list[str]:
    web.load_scheme_text(scheme_text)
    got = json.loads(
        web.contribution_json(json.dumps(answers), rules_text(nation), rules_text("council.toml"), DAY, "cy")
    )
    assert got["ok"] is True, got
    return [part for line in got["result"]["lines"] for part in (line["text"], line["title"]) if part]


def _welsh_results() -> Iterator[tuple[str, list[str]]]:
    example = EXAMPLE.read_text(encoding="utf-8")
    wales = example.replace('nation = "england"', 'nation = "wales"', 1)
    assert wales != example
    data = json.loads(ANSWERS.read_text(encoding="utf-8"))
    for them in (False, True):
        answers = data | {"for_someone_else": them}
        yield f"england-{them}", _lines(example, "england.toml", answers)
        for band in WALES_BANDS:
            answers = data | {"for_someone_else": them, "contribution": data["contribution"] | {"savings": band}}
            yield f"wales-{band}-{them}", _lines(wales, "wales.toml", answers)


def test_a_welsh_result_says_none_of_the_rules_files_english_that_has_welsh() -> None:
    english = english_with_welsh()
    assert "Upper capital limit" in english and "Example Council" in english
    for case, lines in _welsh_results():
        for text in lines:
            left = [e for e in english if e in text]
            assert left == [], (case, text)
    # The Welsh rules are there, in the voice of the answers.
    results = dict(_welsh_results())
    assert "Mae eich costau tai yn cael eu tynnu o'ch incwm." in results["wales-up-to-limit-False"]
    assert "Mae eu costau tai yn cael eu tynnu o'u hincwm." in results["wales-up-to-limit-True"]


def test_a_welsh_text_without_its_english_is_refused_with_its_dotted_path() -> None:
    text = (
        rules_text("wales.toml")
        .replace('them = "Their housing costs are taken off their income."\n', "")
        .replace('them_cy = "Mae eu costau tai yn cael eu tynnu o\'u hincwm."\n', 'them_cy = "Mae eu costau tai."\n')
    )
    text = text.replace(
        'text = "Your housing costs are taken off your income."\n', 'text = "Housing costs are taken off."\n'
    )
    with pytest.raises(InputError) as raised:
        nation_from_toml(text, source="wales.toml")
    assert [str(p) for p in raised.value.problems] == [
        "rules.housing.them_cy: Welsh is given without the English (them)"
    ]
    council = rules_text("council.toml").replace('label = "Share of chargeable income the council takes"\n', "")
    with pytest.raises(InputError) as raised:
        council_from_toml(council)
    assert "figures.percentage_charged.label_cy: Welsh is given without the English (label)" in [
        str(p) for p in raised.value.problems
    ]


def test_welsh_said_of_them_must_not_say_chi() -> None:
    text = rules_text("wales.toml").replace(
        "ofyn iddynt dalu'r tâl safonol am eu gofal", "ofyn i chi dalu'r tâl safonol am eich gofal"
    )
    with pytest.raises(InputError) as raised:
        nation_from_toml(text)
    assert [str(p) for p in raised.value.problems] == [
        'rules.capital.them_cy: says "chi"; it is read when the answers were given for someone else'
    ]
