"""Answering for someone else: the scheme's "them" wording (all of it or none), the answers
file that records it, and a result that speaks of "them" and says who it is for."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from hypothesis import given

from conftest import EXAMPLE, TEST_SCHEMES, lowest_answers
from ras_core import (
    AnswersError,
    Scheme,
    SchemeError,
    answers_from_dict,
    estimate,
    estimate_to_dict,
    scheme_from_toml,
    web,
)
from ras_core.estimate.words import as_text, lines
from test_properties import SETTINGS, scheme_and_answers

PENNY = (TEST_SCHEMES / "penny.toml").read_text(encoding="utf-8")
FIRST = "domains[0].questions[0].text_them"


def problems(text: str) -> list[str]:
    with pytest.raises(SchemeError) as caught:
        scheme_from_toml(text, source="broken.toml")
    return caught.value.lines()


def missing(path: str, key: str) -> str:
    return (
        f"broken.toml: {path}: missing; the scheme has wording for someone answering for another person "
        f"(first at {FIRST}), so every text needs it: give {key} here, or remove that wording everywhere"
    )


def test_the_example_scheme_has_every_text_for_someone_else(example: Scheme) -> None:
    assert example.speaks_of_them
    assert all(q.text_them and q.hint_them for _, q in example.questions())
    assert example.unpaid_support is not None and example.unpaid_support.willing_question_them


def test_a_scheme_with_no_them_wording_is_the_simple_case() -> None:
    assert not scheme_from_toml(PENNY).speaks_of_them


def test_one_question_with_them_wording_lists_every_text_still_without_it() -> None:
    text = PENNY.replace(
        'text = "How many thousands?"\n', 'text = "How many thousands?"\ntext_them = "How many thousands for them?"\n'
    )
    assert problems(text) == [
        missing("domains[0].questions[0].hint_them", "hint_them"),
        missing("domains[0].questions[1].text_them", "text_them"),
        missing("domains[0].questions[1].hint_them", "hint_them"),
        missing("domains[1].questions[0].text_them", "text_them"),
        missing("domains[1].questions[0].hint_them", "hint_them"),
        missing("domains[1].questions[1].text_them", "text_them"),
        missing("domains[1].questions[1].hint_them", "hint_them"),
        missing("unpaid_support.question_them", "question_them"),
        missing("unpaid_support.hint_them", "hint_them"),
        missing("unpaid_support.willing_question_them", "willing_question_them"),
        missing("unpaid_support.willing_hint_them", "willing_hint_them"),
    ]


def test_them_wording_without_its_text_is_refused() -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace('intro = "Washing, using the toilet and getting dressed."\n', "")
    text = text.replace('intro_cy = "Ymolchi, defnyddio\'r toiled a gwisgo."\n', "")
    assert problems(text) == [
        "broken.toml: domains[0].intro_them: only where intro is given (the same text for someone answering "
        "for another person); remove this"
    ]


def test_a_carers_scheme_outside_england_is_refused_with_its_place() -> None:
    text = PENNY.replace('nation = "england"', 'nation = "wales"\nperson = "carer"')
    assert problems(text)[0] == (
        "broken.toml: scheme.person: a carers' scheme can be checked against the carers' eligibility law of "
        "England only, so far; this scheme's nation is wales"
    )


def test_the_answers_file_records_answering_for_someone_else(example: Scheme) -> None:
    answers = answers_from_dict(lowest_answers(example) | {"for_someone_else": True}, example)
    assert answers.for_someone_else
    assert answers.to_dict()["for_someone_else"] is True
    assert answers_from_dict(lowest_answers(example), example).to_dict()["for_someone_else"] is False


def test_for_someone_else_must_be_true_or_false(example: Scheme) -> None:
    with pytest.raises(AnswersError) as caught:
        answers_from_dict(lowest_answers(example) | {"for_someone_else": "yes"}, example, source="answers.json")
    assert caught.value.lines() == ['answers.json: for_someone_else: expected true or false, got text ("yes")']


# "you" may stay only where it is the person answering: what they said or answered.
ANSWERER = re.compile(r"You answered|you said|you answered|you have not said|not yours")


@pytest.mark.parametrize("level", ["lowest", "middle", "highest"])
def test_a_result_for_someone_else_speaks_of_them_and_says_so_first(example: Scheme, level: str) -> None:
    data = lowest_answers(example)
    for _, question in example.questions():
        index = {"lowest": 0, "middle": len(question.options) // 2, "highest": -1}[level]
        data["answers"][question.id] = question.options[index].id
    data["unpaid_support"] = {d.id: "some" for d in example.domains if d.asks_unpaid_support}
    data["helpers_willing"] = {d.id: "yes" for d in example.domains if d.asks_unpaid_support}
    result = estimate(example, answers_from_dict(data | {"for_someone_else": True}, example))
    said = lines(result)
    assert said[0].slot == "for_whom"
    assert said[0].text == (
        "You answered these questions for someone else, so this estimate is about their needs and their budget, "
        "not yours."
    )
    text = as_text(said)
    assert re.search(r"\b[Yy]ou(rs?|rself)?\b", ANSWERER.sub("", text)) is None, text
    assert "Their indicative budget" in text or "Starting point for their budget" in text
    own = estimate(example, answers_from_dict(data, example))
    assert [line.slot for line in lines(own)] == [line.slot for line in said[1:]]


def test_a_scheme_with_no_wording_for_them_refuses_an_answers_file_for_someone_else() -> None:
    scheme = scheme_from_toml(PENNY)
    with pytest.raises(AnswersError) as caught:
        answers_from_dict(lowest_answers(scheme) | {"for_someone_else": True}, scheme, source="answers.json")
    assert caught.value.lines() == [
        "answers.json: for_someone_else: this scheme has no wording for someone answering for another person, "
        "so its answers are always the person's own: leave for_someone_else out, or set it to false"
    ]
    assert not answers_from_dict(lowest_answers(scheme) | {"for_someone_else": False}, scheme).for_someone_else


def test_answers_for_another_scheme_on_the_site_name_it_for_the_page() -> None:
    web.load_scheme_text(EXAMPLE.read_text(encoding="utf-8"))
    other = {"scheme": "carers-example", "scheme_version": "2026.1", "answers": {}}
    reply = json.loads(web.check_answers_json(json.dumps(other)))
    assert reply == {
        "ok": False,
        "problems": ['These answers are for the scheme "carers-example", not "example" (Example Council).'],
        "other_scheme": {"id": "carers-example", "version": "2026.1"},
    }
    estimate_reply = json.loads(web.estimate_json(json.dumps({"scheme": "carers-example", "answers": {}})))
    assert estimate_reply["other_scheme"] == {"id": "carers-example", "version": ""}


@SETTINGS
@given(scheme_and_answers())
def test_answering_for_someone_else_changes_the_words_never_the_figures(pair: tuple[Scheme, dict[str, Any]]) -> None:
    scheme, data = pair
    own = estimate(scheme, answers_from_dict(data, scheme))
    if not scheme.speaks_of_them:
        with pytest.raises(AnswersError):
            answers_from_dict(data | {"for_someone_else": True}, scheme)
        return
    theirs = estimate(scheme, answers_from_dict(data | {"for_someone_else": True}, scheme))
    mine, other = estimate_to_dict(own), estimate_to_dict(theirs)
    assert other["answers"].pop("for_someone_else") is True
    assert mine["answers"].pop("for_someone_else") is False
    # The working is words: the same steps, speaking of them.
    assert [step["kind"] for step in mine.pop("working")] == [step["kind"] for step in other.pop("working")]
    assert mine == other
    said = lines(theirs)
    assert said[0].slot == "for_whom"
    assert [line.slot for line in said[1:]] == [line.slot for line in lines(own)]
    text = ANSWERER.sub("", as_text(said))
    assert re.search(r"\b[Yy]ou(rs?|rself)?\b", text) is None, text
