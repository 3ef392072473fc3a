"""An answers file's problems in Welsh: as many as in English, each in the core's Welsh
drafts (ras_core/i18n/locale/cy.po), naming the scheme's questions, areas and council in
the scheme's own Welsh (content/schemes/example.toml is in English and Welsh). The
English is unchanged (tests/test_answers.py, tests/hostile/expected.toml).

What stays as the file has it: ids, keys and values quoted from it, dotted paths, and
the JSON reader's own words for a file that is not JSON.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from conftest import EXAMPLE, SCHEMES, TEST_SCHEMES
from helpers import lowest_answers
from ras_core import load_scheme, web
from ras_core.i18n import Message
from ras_core.scheme import answers, answers_reader
from test_hostile import EXPECTED, HOSTILE, as_browser_reads

SCHEME = load_scheme(EXAMPLE)
CARERS = SCHEMES / "carers-example.toml"
# The answers files of the hostile corpus that the page refuses.
REFUSED = sorted(
    rel for rel, expected in EXPECTED.items() if rel.startswith("answers/") and expected["web"] == "refused"
)


def _json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False)


def _changed(**changes: Any) -> str:
    """The lowest answers with top-level keys changed (None removes the key)."""
    data = lowest_answers(SCHEME) | changes
    return _json({key: value for key, value in data.items() if value is not None})


def _built() -> Iterator[tuple[str, str]]:
    """Broken answers files reaching each problem an answers file can have."""
    data = lowest_answers(SCHEME)
    data["answers"] |= {"flying": "yes", "washing": "sometimes", "eating": 3, "toilet": 1.5, "dressing": None}
    del data["answers"]["moving"]
    data["unpaid_support"] |= {"home": "often", "garden": "none", "safety": {}}
    del data["unpaid_support"]["health"]
    yield "wrong and missing answers", _json(data)
    helped = lowest_answers(SCHEME)
    helped["unpaid_support"] |= {"home": "most", "personal-care": "some"}
    yield "nobody says whether the helpers will go on", _json(helped)
    yield (
        "helpers' answers wrong",
        _json(helped | {"helpers_willing": {"home": "maybe", "personal-care": True, "health": "yes", "flying": "no"}}),
    )
    yield "helpers' answers not a table", _json(helped | {"helpers_willing": True})
    older = {key: value for key, value in helped.items() if key != "format"}
    yield "an older file with nobody said to help", _json(older | {"helpers_willing": None})
    yield "an older file with text for the helpers", _json(older | {"helpers_willing": "yes"})
    yield "another version", _changed(scheme_version="2025.1")
    yield "another format", _changed(format=3)
    yield "no scheme and no answers", _changed(scheme=None, answers=None, colour="blue")
    yield "a scheme that is not text", _changed(scheme=5, answers=[])
    yield "an empty version", _changed(scheme_version="")
    yield "a control character", _changed(scheme_version="2026.1\x1b[31m")
    yield "too large", '{"scheme": "' + "x" * 300_000 + '"}'


BUILT = dict(_built())


def _text(case: str) -> str:
    return BUILT[case] if case in BUILT else as_browser_reads(HOSTILE / case)


def check(text: str, lang: str | None = None, scheme: str = EXAMPLE.read_text(encoding="utf-8")) -> dict[str, Any]:
    assert json.loads(web.load_scheme_text(scheme))["ok"]
    reply = web.check_answers_json(text) if lang is None else web.check_answers_json(text, lang)
    got: dict[str, Any] = json.loads(reply)
    return got


@pytest.mark.parametrize("case", [*REFUSED, *BUILT])
def test_every_problem_is_given_in_welsh_and_the_english_is_unchanged(case: str) -> None:
    text = _text(case)
    english, welsh = check(text), check(text, "cy")
    assert check(text, "en") == english
    assert not english["ok"] and not welsh["ok"]
    if case in EXPECTED and "problem" in EXPECTED[case]:
        assert english["problems"][0] == EXPECTED[case]["problem"]
    assert len(welsh["problems"]) == len(english["problems"])
    for own, theirs in zip(english["problems"], welsh["problems"], strict=True):
        assert theirs != own
    assert welsh.get("other_scheme") == english.get("other_scheme")


def test_the_estimate_gives_the_same_welsh_problems() -> None:
    text = BUILT["wrong and missing answers"]
    estimated = json.loads(web.estimate_json(text, "cy"))
    assert estimated["problems"] == check(text, "cy")["problems"]
    assert json.loads(web.estimate_json(text))["problems"] == check(text)["problems"]


def _welsh(english: str) -> str:
    welsh = SCHEME.say("cy", english)
    assert welsh != english, english
    return welsh


def test_questions_areas_and_the_council_are_named_in_the_schemes_welsh() -> None:
    problems = check(BUILT["wrong and missing answers"], "cy")["problems"]
    questions = {q.id: q for _, q in SCHEME.questions()}
    areas = {d.id: d for d in SCHEME.domains}
    said = "\n".join(problems)
    assert f'Nid yw "sometimes" yn ateb i "{_welsh(questions["washing"].text)}"; a ganiateir:' in said
    assert f'Mae ateb i "{_welsh(questions["moving"].text)}" ar goll.' in problems
    home, health = areas["home"], areas["health"]
    assert f'"{_welsh(SCHEME.support_question(home))}" ({_welsh(home.title)}); a ganiateir:' in said
    assert f'Mae ateb i "{_welsh(SCHEME.support_question(health))}" ({_welsh(health.title)}) ar goll.' in problems
    for _, question in SCHEME.questions():
        assert question.text not in said
    assert SCHEME.unpaid_support is not None
    willing = _welsh(SCHEME.unpaid_support.willing_question)
    said = "\n".join(check(BUILT["helpers' answers wrong"], "cy")["problems"])
    assert f'Nid yw "maybe" yn ateb i "{willing}" ({_welsh(home.title)}); a ganiateir: yes, no, not_sure.' in said
    assert f'gwir neu gau (true) yn ateb i "{willing}" ({_welsh(areas["personal-care"].title)})' in said
    assert f"Nid oes neb yn helpu gyda {_welsh(areas['health'].title)} heb gael ei dalu" in said
    version = check(BUILT["another version"], "cy")["problems"]
    assert version == [
        f"Cadwyd yr atebion hyn ar gyfer fersiwn 2025.1 o gynllun {_welsh(SCHEME.council)}; dyma fersiwn "
        "2026.1. Atebwch y cwestiynau eto i ddefnyddio'r fersiwn hon."
    ]


def test_where_a_problem_is_and_how_many_more_are_said_in_welsh() -> None:
    problems = check(BUILT["wrong and missing answers"], "cy")["problems"]
    assert "Nid oes gan unrhyw gwestiwn yn y cynllun hwn y dynodydd hwn (yn answers.flying)." in problems
    assert "Disgwylid dynodydd dewis (testun), ond cafwyd rhif cyfan (3) (yn answers.eating)." in problems
    many = check(_text("answers/unknown-keys-20000.json"), "cy")["problems"]
    assert many[-1] == "…a 19,980 problem arall fel y rhain."
    assert many[0].startswith("Allwedd anhysbys; yr allweddi a ganiateir yma: answers, contribution,")


def test_answers_for_someone_else_in_a_scheme_that_has_no_wording_for_them() -> None:
    carers = CARERS.read_text(encoding="utf-8")
    text = _json(lowest_answers(load_scheme(CARERS)) | {"for_someone_else": True})
    english, welsh = check(text, scheme=carers), check(text, "cy", scheme=carers)
    assert len(english["problems"]) == len(welsh["problems"]) == 1
    assert english["problems"][0].startswith("This scheme has no wording for someone answering for another person")
    assert welsh["problems"][0].startswith("Nid oes gan y cynllun hwn eiriad ar gyfer rhywun")


def test_a_scheme_in_english_only_is_refused_in_welsh() -> None:
    english_only = (TEST_SCHEMES / "no-unpaid.toml").read_text(encoding="utf-8")
    refused = check("{}", "cy", scheme=english_only)["problems"][0]
    assert refused.startswith("Mae'r cynllun ") and "felly ni ellir rhoi ei ganlyniad yn Gymraeg" in refused
    assert json.loads(web.estimate_json("{}", "cy"))["problems"] == check("{}", "cy", scheme=english_only)["problems"]


# Messages an answers file checked by `web` never reaches: every true-or-false answer is optional.
NEVER_SAID = {answers_reader._MISSING_BOOLEAN.key}


def test_every_problem_an_answers_file_can_have_is_said(monkeypatch: pytest.MonkeyPatch) -> None:
    said: set[tuple[str | None, str]] = set()
    say = Message.say

    def recording(self: Message, lang: str, /, **values: Any) -> str:
        said.add(self.key)
        return say(self, lang, **values)

    monkeypatch.setattr(Message, "say", recording)
    for case in [*REFUSED, *BUILT]:
        check(_text(case), "cy")
    test_answers_for_someone_else_in_a_scheme_that_has_no_wording_for_them()
    declared = {
        made.key for module in (answers, answers_reader) for made in vars(module).values() if isinstance(made, Message)
    }
    assert declared - NEVER_SAID - said == set()
