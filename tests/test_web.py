"""The browser's one boundary (`ras_core.web`): every reply is JSON with plain problems,
never a traceback, whatever the page sends."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from conftest import EXAMPLE
from helpers import lowest_answers
from ras_core import Scheme, scheme_from_toml, web

EXAMPLE_TEXT = EXAMPLE.read_text(encoding="utf-8")
HEADER = "case_id,points,current_weekly_cost\n"
NOT_MONEY = "is not an amount of money: write pounds and pence, like 1250 or 1,250.50."


def reply(text: str) -> dict[str, Any]:
    data = json.loads(text)
    assert isinstance(data, dict)
    return data


def problems(text: str) -> list[str]:
    data = reply(text)
    assert data["ok"] is False, data
    return list(data["problems"])


@pytest.fixture(autouse=True)
def loaded() -> None:
    assert reply(web.load_scheme_text(EXAMPLE_TEXT))["ok"]


def calibrate(cases: str, **options: object) -> str:
    return web.calibrate_json(cases, json.dumps(options))


@pytest.mark.parametrize(
    ("cases", "problem"),
    [
        (
            HEADER + "A,10,0\n",
            "The cases cost £0.00 in all, so a rate per point cannot be worked out. "
            "Check the current_weekly_cost column.",
        ),
        (HEADER + "A,0,10\n", "The cases have 0 points in all, so a rate per point cannot be worked out."),
        (
            HEADER + "A,1000,0.01\n",
            "The rate per point would be £0.00 (£0.01 / 1,000 points, rounded to 4 decimal places), and a rate "
            "must be more than £0. Check the current_weekly_cost column.",
        ),
    ],
    ids=["total cost 0", "total points 0", "rate 0.00"],
)
def test_calibration_refuses_cases_that_give_no_rate(cases: str, problem: str) -> None:
    assert problems(calibrate(cases)) == [problem]


@pytest.mark.parametrize(
    ("cell", "problem"),
    [
        ("10,1e40", f'row 2, column current_weekly_cost: "1e40" {NOT_MONEY}'),
        ("10,1_000", f'row 2, column current_weekly_cost: "1_000" {NOT_MONEY}'),
        ("10,5e2", f'row 2, column current_weekly_cost: "5e2" {NOT_MONEY}'),
        ('10,"£1,2,3,4"', f'row 2, column current_weekly_cost: "£1,2,3,4" {NOT_MONEY}'),
        ("10,١٢٣", f'row 2, column current_weekly_cost: "١٢٣" {NOT_MONEY}'),
        ("²,10", 'row 2, column points: "²" is not a number of points: write a whole number, like 12.'),
        (
            "9" * 40 + ",10",
            'row 2, column points: "99999999999999999..." is too many points: the most allowed is 1,000,000.',
        ),
        (
            "9" * 5000 + ",10",
            'row 2, column points: "99999999999999999..." is too many points: the most allowed is 1,000,000.',
        ),
    ],
    ids=["1e40", "1_000", "5e2", "£1,2,3,4", "Arabic-Indic", "superscript two", "40 digits", "5,000 digits"],
)
def test_numbers_in_the_cases_file_are_read_strictly(cell: str, problem: str) -> None:
    data = reply(calibrate(HEADER + f"A,{cell}\nB,10,50\n"))
    assert data["ok"], data
    assert data["summary"]["problems"] == [problem]
    assert data["summary"]["cases_used"] == 1


@pytest.mark.parametrize(
    ("options", "problem"),
    [
        ({"target_total": "1e40"}, f'Target total weekly budget: "1e40" {NOT_MONEY}'),
        ({"target_total": 1e40}, f'Target total weekly budget: "1e+40" {NOT_MONEY}'),
        ({"contingency_percent": "NaN"}, 'Contingency: "NaN" is not a percentage: write a number, like 5 or 12.5.'),
        ({"fairness_threshold": True}, "Fairness threshold: must be written as text, like 1250."),
        (
            {"target_total": "0.00"},
            "The rate per point would be £0.00 (£0.00 / 10 points, rounded to 4 decimal places), and a rate "
            "must be more than £0. Give a larger target total.",
        ),
        (
            {"new_version": '2026"2'},
            'New version: "2026"2" cannot be a version: use up to 40 letters, digits, dots, dashes or '
            "underscores, starting with a letter or digit, like 2026.2.",
        ),
        (
            {"new_version": "2026.1"},
            "The new version must differ from this scheme's version (2026.1), so that answers saved for each "
            "can be told apart.",
        ),
    ],
    ids=["target 1e40", "target as a JSON number", "NaN", "true", "rate 0.00", "quote in version", "same version"],
)
def test_calibration_options_are_read_strictly(options: dict[str, object], problem: str) -> None:
    assert problems(calibrate(HEADER + "A,10,50\n", **options)) == [problem]


def test_every_option_problem_is_reported_together() -> None:
    found = problems(calibrate(HEADER + "A,10,50\n", target_total="5e2", contingency_percent="-1"))
    assert found == [
        f'Target total weekly budget: "5e2" {NOT_MONEY}',
        'Contingency: "-1" is less than 0: a percentage must be 0 or more.',
    ]


@pytest.mark.parametrize(
    "options", ["", "{", "[]", "null", '"text"', "[" * 100_000], ids=["empty", "{", "[]", "null", "text", "deep"]
)
def test_options_that_are_not_a_json_object(options: str) -> None:
    found = problems(web.calibrate_json(HEADER + "A,10,50\n", options))
    assert found == ["The calibration options could not be read: they must be a JSON object."]


def multi_line_description(text: str) -> str:
    old = 'description = "What one point is worth each week: £47,023.26'
    start = text.index(old)
    end = text.index("\n", start)
    return text[:start] + 'description = """\nWhat one point is worth\neach week."""' + text[end:]


def test_a_multi_line_rate_description_gives_a_scheme_that_loads() -> None:
    assert reply(web.load_scheme_text(multi_line_description(EXAMPLE_TEXT)))["ok"]
    data = reply(calibrate(HEADER + "A,10,43.70\n"))
    assert data["ok"], data
    new = scheme_from_toml(data["scheme_toml"])
    assert new.version == "2026.2"
    assert new.allocation.rate_per_point is not None
    assert new.allocation.rate_per_point.value == Decimal("4.37")


def test_a_scheme_loaded_with_a_byte_order_mark() -> None:
    assert reply(web.load_scheme_text("\ufeff" + EXAMPLE_TEXT))["scheme"] == {"id": "example", "version": "2026.1"}


def test_a_5001_digit_number_in_an_answers_file(example: Scheme) -> None:
    text = json.dumps(lowest_answers(example)).replace('"helpers_willing": {}', '"helpers_willing": ' + "1" * 5001)
    expected = ["Has a number more than 30 digits long, which no answers file has."]
    assert problems(web.estimate_json(text)) == expected
    assert problems(web.check_answers_json(text)) == expected


def test_thousands_of_problems_are_shown_as_20_and_a_count(example: Scheme) -> None:
    data = lowest_answers(example) | {str(n): 1 for n in range(20_000)}
    found = problems(web.estimate_json(json.dumps(data, separators=(",", ":"))))
    assert len(found) == 21
    assert found[-1] == "…and 19,980 more problems like these."


def test_an_answers_file_with_a_byte_order_mark(example: Scheme) -> None:
    assert reply(web.estimate_json("\ufeff" + json.dumps(lowest_answers(example))))["ok"]


def test_an_unexpected_failure_is_a_plain_problem(monkeypatch: pytest.MonkeyPatch, example: Scheme) -> None:
    def broken(*args: object) -> object:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(web, "estimate", broken)
    assert problems(web.estimate_json(json.dumps(lowest_answers(example)))) == [web.UNEXPECTED]
    assert web.UNEXPECTED.startswith("Something went wrong in the calculator: ")


@pytest.mark.parametrize("entry", ["load_scheme_text", "check_answers_json", "estimate_json"])
def test_arguments_that_are_not_text(entry: str) -> None:
    assert problems(getattr(web, entry)(None)) == [web.UNEXPECTED]
    assert problems(web.calibrate_json(None, None)) == [web.UNEXPECTED]  # type: ignore[arg-type]


def test_checked_answers_come_back_as_format_2(example: Scheme) -> None:
    data = lowest_answers(example)
    del data["format"]
    data["unpaid_support"]["home"] = "most"
    data["helpers_willing"] = True  # an older file
    web.load_scheme_text(EXAMPLE_TEXT)
    answers = reply(web.check_answers_json(json.dumps(data)))["answers"]
    assert answers["format"] == 2
    assert answers["helpers_willing"] == {"home": "yes"}


def test_the_same_scheme_text_again_keeps_the_scheme_loaded_and_another_replaces_it() -> None:
    carers = (EXAMPLE.parent / "carers-example.toml").read_text(encoding="utf-8")
    first = web.load_scheme_text(EXAMPLE_TEXT)
    loaded = web._loaded[0]
    assert web.load_scheme_text(EXAMPLE_TEXT) == first
    assert web._loaded[0] is loaded  # not read again: a start from a snapshot has it
    assert reply(web.load_scheme_text(carers))["scheme"]["id"] == "carers-example"
    assert reply(web.load_scheme_text(EXAMPLE_TEXT)) == reply(first)
    assert web._loaded[0] is not loaded and web._loaded[0].id == "example"


def test_an_estimate_in_welsh_has_the_same_figures_and_welsh_words() -> None:
    from conftest import ROOT

    answers = (ROOT / "content" / "answers" / "example-answers.json").read_text(encoding="utf-8")
    english, welsh = reply(web.estimate_json(answers)), reply(web.estimate_json(answers, "cy"))
    assert welsh["result"] == english["result"]
    assert english["words"]["band"] == "£150 to £175 a week"
    assert welsh["words"]["band"] == "£150 i £175 yr wythnos"
    assert welsh["words"]["lines"][0]["text"] == "Eich cyllideb ddangosol: £150 i £175 yr wythnos"


def test_an_estimate_in_welsh_is_refused_for_a_scheme_in_english_only() -> None:
    from conftest import ROOT

    english_only = ROOT / "tests" / "schemes" / "table.toml"
    assert reply(web.load_scheme_text(english_only.read_text(encoding="utf-8")))["ok"]
    assert problems(web.estimate_json("{}", "cy")) == [
        "Mae'r cynllun 'table' wedi'i ysgrifennu yn Saesneg yn unig, felly ni ellir rhoi ei ganlyniad yn Gymraeg: "
        "nid oes cyfieithiad o'i gwestiynau a'i labeli (mae cynllun yn rhoi ei ieithoedd yn [scheme], fel "
        'languages = ["en", "cy"]).'
    ]
    assert problems(web.estimate_json("{}", "fr"))[0].endswith(
        "cannot be given in fr: its questions and labels "
        'have no translation (a scheme gives its languages in [scheme], such as languages = ["en", "cy"]).'
    )
