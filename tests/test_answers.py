"""Answers files: every problem named, with the question's own words where one is missing."""

from __future__ import annotations

import json
from typing import Any

import pytest

from conftest import lowest_answers
from ras_core import AnswersError, Scheme, answers_from_dict, answers_from_json


def problems(scheme: Scheme, data: Any) -> list[str]:
    with pytest.raises(AnswersError) as caught:
        answers_from_dict(data, scheme, source="answers.json")
    return caught.value.lines()


def test_lowest_answers_are_valid(example: Scheme) -> None:
    answers = answers_from_dict(lowest_answers(example), example)
    assert answers.choices["washing"] == "none"


def test_unknown_question_and_option(example: Scheme) -> None:
    data = lowest_answers(example)
    data["answers"] |= {"flying": "yes", "washing": "sometimes"}
    assert problems(example, data) == [
        'answers.json: answers.washing: "sometimes" is not an answer to "How much help do you need '
        'to wash and keep clean?"; allowed: none, some, daily, full',
        "answers.json: answers.flying: no question has this id in this scheme",
    ]


def test_missing_answers_are_named_by_question_text(example: Scheme) -> None:
    data = lowest_answers(example)
    del data["answers"]["toilet"]
    del data["unpaid_support"]["home"]
    assert problems(example, data) == [
        'answers.json: answers.toilet: missing an answer to "How much help do you need to use the toilet?"',
        'answers.json: unpaid_support.home: missing an answer to "Does someone help you with tasks at '
        'home without being paid?" (Practical tasks at home)',
    ]


def test_answers_for_another_scheme(example: Scheme) -> None:
    data = lowest_answers(example) | {"scheme": "elsewhere"}
    assert problems(example, data) == [
        'answers.json: scheme: these answers are for the scheme "elsewhere", not "example" (Example Council)'
    ]


def test_answers_for_an_older_version(example: Scheme) -> None:
    data = lowest_answers(example) | {"scheme_version": "2025.1"}
    assert problems(example, data) == [
        "answers.json: scheme_version: these answers were saved for version 2025.1 of the Example "
        "Council scheme; this is version 2026.1. Answer the questions again to use this version"
    ]


WILLING = "Have the people who help you with this said they are willing and able to keep doing it?"


def test_helpers_willing_is_asked_for_each_area_where_someone_helps(example: Scheme) -> None:
    data = lowest_answers(example)
    data["unpaid_support"] |= {"home": "most", "personal-care": "some"}
    assert problems(example, data) == [
        f'answers.json: helpers_willing.personal-care: missing an answer to "{WILLING}" (Personal care), '
        "needed because someone helps with this without being paid",
        f'answers.json: helpers_willing.home: missing an answer to "{WILLING}" (Practical tasks at home), '
        "needed because someone helps with this without being paid",
    ]
    data["helpers_willing"] = {"home": "maybe", "personal-care": True, "health": "yes", "flying": "no"}
    assert problems(example, data) == [
        f'answers.json: helpers_willing.home: "maybe" is not an answer to "{WILLING}" (Practical tasks at '
        "home); allowed: yes, no, not_sure",
        f'answers.json: helpers_willing.personal-care: true or false (true) is not an answer to "{WILLING}" '
        "(Personal care); allowed: yes, no, not_sure",
        "answers.json: helpers_willing.health: nobody helps with Health and medicines without being paid, so "
        "there is nothing to answer here; remove it",
        "answers.json: helpers_willing.flying: no area asks about unpaid help with this id",
    ]
    data["helpers_willing"] = {"home": "not_sure", "personal-care": "yes"}
    answers = answers_from_dict(data, example)
    assert answers.helpers_willing == {"home": "not_sure", "personal-care": "yes"}
    assert answers.willing("personal-care") and not answers.willing("home")


def test_helpers_willing_must_be_a_table_of_areas(example: Scheme) -> None:
    data = lowest_answers(example) | {"helpers_willing": True}
    assert problems(example, data) == [
        "answers.json: helpers_willing: expected an answer for each area where someone helps "
        "(yes, no, not_sure), got true or false (true)"
    ]


@pytest.mark.parametrize(
    ("older", "expected"),
    [(True, {"personal-care": "yes", "home": "yes"}), (False, {"personal-care": "no", "home": "no"})],
    ids=["true is yes for every helped area", "false is no for every helped area"],
)
def test_an_older_file_is_read_with_the_documented_mapping(
    example: Scheme, older: bool, expected: dict[str, str]
) -> None:
    data = lowest_answers(example)
    del data["format"]
    data["unpaid_support"] |= {"home": "most", "personal-care": "some"}
    data["helpers_willing"] = older
    answers = answers_from_dict(data, example)
    assert answers.helpers_willing == expected
    assert answers.to_dict()["format"] == 2
    assert answers.to_dict()["helpers_willing"] == expected


def test_an_older_file_with_null_means_nobody_helps(example: Scheme) -> None:
    data = lowest_answers(example)
    del data["format"]
    data["helpers_willing"] = None
    assert answers_from_dict(data, example).helpers_willing == {}
    data["unpaid_support"]["home"] = "most"
    assert problems(example, data) == [
        f'answers.json: helpers_willing: missing an answer to "{WILLING}" (Practical tasks at home), needed '
        "because someone helps without being paid"
    ]


def test_anything_else_in_an_older_file_is_refused_saying_what_to_do(example: Scheme) -> None:
    data = lowest_answers(example)
    del data["format"]
    data["helpers_willing"] = "yes"
    assert problems(example, data) == [
        "answers.json: helpers_willing: expected true, false or null in an answers file with no format (an "
        'older file), got text ("yes"). A file saved now starts with "format": 2 and answers for each area '
        '"yes", "no" or "not_sure". Answer the questions again, then save your answers'
    ]


@pytest.mark.parametrize(("fmt", "shown"), [(1, "1"), (3, "3"), ("2", '"2"'), (True, "true")])
def test_another_format_is_refused(example: Scheme, fmt: object, shown: str) -> None:
    data = lowest_answers(example) | {"format": fmt}
    assert problems(example, data) == [
        f"answers.json: format: this answers file is format {shown}; this calculator reads format 2 and older "
        "files with no format. Answer the questions again, then save your answers"
    ]


def test_a_scheme_without_unpaid_support_asks_nothing_about_it() -> None:
    from conftest import TEST_SCHEMES
    from ras_core import load_scheme

    scheme = load_scheme(TEST_SCHEMES / "no-unpaid.toml")
    assert scheme.unpaid_support is None
    data = lowest_answers(scheme)
    assert data["unpaid_support"] == {}
    assert answers_from_dict(data, scheme).helpers_willing == {}
    data["unpaid_support"] = {"care": "none"}
    assert problems(scheme, data) == ["answers.json: unpaid_support.care: no area asks about unpaid help with this id"]


def test_unpaid_support_for_an_area_that_does_not_ask(example: Scheme) -> None:
    data = lowest_answers(example)
    data["unpaid_support"] |= {"caring": "none"}
    assert problems(example, data) == [
        "answers.json: unpaid_support.caring: no area asks about unpaid help with this id"
    ]


def test_wrong_types_and_unknown_keys(example: Scheme) -> None:
    data = lowest_answers(example) | {"extra": 1}
    data["answers"]["washing"] = 3
    assert problems(example, data) == [
        "answers.json: answers.washing: expected an option id (text), got a whole number (3)",
        "answers.json: extra: unknown key; allowed keys here: answers, contribution, for_someone_else, format, "
        "helpers_willing, scheme, scheme_version, unpaid_support",
        'answers.json: answers.washing: missing an answer to "How much help do you need to wash and keep clean?"',
    ]
    assert problems(example, [1, 2]) == ["answers.json: expected a JSON object, got a list"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"scheme": ', "answers.json: line 1, column 12: not valid JSON: Expecting value"),
        ('{"scheme": NaN}', "answers.json: not valid JSON: NaN is not allowed"),
        ('{"a": 1, "a": 2}', 'answers.json: not valid here: the key "a" appears twice'),
        ("[" * 150_000 + "]" * 150_000, "answers.json: is too large for an answers file (more than 200 KB)"),
        ("[" * 50_000 + "]" * 50_000, "answers.json: is nested too deeply to be an answers file"),
        (
            '{"scheme": ' + "1" * 5001 + "}",
            "answers.json: has a number more than 30 digits long, which no answers file has",
        ),
        (
            '{"scheme": 0.' + "1" * 40 + "}",
            "answers.json: has a number more than 30 digits long, which no answers file has",
        ),
        (
            '{"a": 1, "a": 2}'.replace("a", "a" * 100),
            f'answers.json: not valid here: the key "{"a" * 17}..." appears twice',
        ),
    ],
    ids=["truncated", "NaN", "duplicate key", "too large", "too deep", "5,001 digits", "40 decimals", "long key"],
)
def test_malformed_answers_files(example: Scheme, text: str, message: str) -> None:
    with pytest.raises(AnswersError) as caught:
        answers_from_json(text, example, source="answers.json")
    assert caught.value.lines() == [message]


def test_round_trip_through_json(example: Scheme) -> None:
    answers = answers_from_dict(lowest_answers(example, washing="daily"), example)
    again = answers_from_json(json.dumps(answers.to_dict()), example)
    assert again == answers


def test_a_byte_order_mark_is_dropped_as_the_browser_does(example: Scheme) -> None:
    text = "\ufeff" + json.dumps(lowest_answers(example))
    assert answers_from_json(text, example) == answers_from_dict(lowest_answers(example), example)


def test_a_report_lists_the_first_20_problems_and_a_count(example: Scheme) -> None:
    data = lowest_answers(example) | {f"k{n}": 1 for n in range(25)}
    with pytest.raises(AnswersError) as caught:
        answers_from_dict(data, example, source="a.json")
    assert len(caught.value.lines()) == 25  # every problem is kept
    report = caught.value.report().splitlines()
    assert report[0] == "a.json: 25 problems found"
    assert report[1:] == [*caught.value.lines()[:20], "…and 5 more problems like these."]
