"""A Welsh result says the law's words in Welsh too.

Each nation's rules (ras_core/eligibility/*.toml) give every text a person reads its
Welsh beside it (`text_cy` beside `text`), and a Welsh result says the law through them
(`NationRules.say`): the conditions, what "unable to achieve" means, where each is
written, the outcomes a scheme does not word itself, the carers' notice and the titles
of the law. The English result is unchanged (the golden tests, tests/test_golden.py).
"""

from __future__ import annotations

import tomllib
from decimal import Decimal
from importlib import resources
from typing import Any

import pytest

from conftest import EXAMPLE
from helpers import lowest_answers
from ras_core import Scheme, answers_from_dict, estimate, scheme_from_dict
from ras_core.eligibility import SAID, rules_for
from ras_core.estimate.words import as_text, lines
from ras_core.scheme.model import NationRules
from test_golden import _cases, _result

# Every rules file packaged with the core: (nation, person).
RULES = [("england", "adult"), ("wales", "adult"), ("england", "carer"), ("scotland", "adult")]
TABLES = ("law", "carers", "conditions", "unable", "outcomes", "bands")


def _file(nation: str, person: str) -> dict[str, Any]:
    name = nation if person == "adult" else f"{nation}-carer"
    text = resources.files("ras_core.eligibility").joinpath(f"{name}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _said(data: dict[str, Any]) -> list[tuple[str, dict[str, Any], str]]:
    """(where in the file, table, key) for each text a person reads in a rules file."""
    out = []
    for name in TABLES:
        found = data.get(name)
        tables = [found] if isinstance(found, dict) else (found or [])
        for i, table in enumerate(tables):
            place = name if isinstance(found, dict) else f"{name}[{i}]"
            out += [(f"{place}.{key}", table, key) for key in SAID if key in table]
    return out


def english_texts(rules: NationRules) -> set[str]:
    """Every English text of the law that a result may say."""
    texts = {rules.law.title, rules.carers}
    if rules.carers_law is not None:
        texts.add(rules.carers_law.title)
    for rule in (*rules.conditions, *rules.unable, *rules.outcomes):
        texts |= {rule.text, rule.where} | ({rule.text_them} if rule.text_them else set())
    for band in rules.bands:
        texts |= {band.label, band.label.lower(), band.text} | ({band.text_them} if band.text_them else set())
    return {text for text in texts if text}


@pytest.mark.parametrize(("nation", "person"), RULES)
def test_every_text_of_the_law_has_its_welsh_beside_it(nation: str, person: str) -> None:
    data = _file(nation, person)
    said = _said(data)
    assert len(said) > 10
    missing = [place for place, table, key in said if not str(table.get(f"{key}_cy", "")).strip()]
    assert missing == []
    rules = rules_for(nation, person)
    for place, table, key in said:
        assert rules.say("cy", table[key]) == table[f"{key}_cy"], place
        assert rules.say("cy", table[key]) != table[key], place
        assert rules.say("en", table[key]) == table[key], place


@pytest.mark.parametrize(("nation", "person"), RULES)
def test_the_welsh_fits_the_welsh_sentences_it_is_slotted_into(nation: str, person: str) -> None:
    """A condition follows "penderfynu a" (whether), a case of "unable" follows "pan"
    (when, with the soft mutation): ras_core/i18n/locale/cy.po."""
    rules = rules_for(nation, person)
    for condition in rules.conditions:
        for text in {condition.said(False), condition.said(True)}:
            assert rules.say("cy", text).split()[0].rstrip(",") in ("yw", "yw'r", "oes", "ydych", "ydynt"), text
    for case in rules.unable:
        for text in {case.said(False), case.said(True)}:
            assert rules.say("cy", text).split()[0] in ("allwch", "allant"), text


def _welsh(scheme: Scheme, answers: dict[str, Any]) -> str:
    result = estimate(scheme, answers_from_dict(answers, scheme))
    said = lines(result, "cy")
    return as_text(said, "cy") + "\n" + "\n".join(line.title or "" for line in said)


def _no_english_law(text: str, rules: NationRules) -> list[str]:
    return sorted(english for english in english_texts(rules) if english in text)


EXAMPLE_CASES = [case for case in _cases() if case.values[0]["scheme"] == "example"]


@pytest.mark.parametrize("case", EXAMPLE_CASES)
def test_a_welsh_result_of_the_example_says_none_of_the_law_in_english(case: dict[str, Any]) -> None:
    result = _result(case)
    text = as_text(lines(result, "cy"), "cy")
    assert _no_english_law(text, result.scheme.eligibility.rules) == []


# The example's England outcomes, in the Welsh law's outcomes, for a Welsh copy.
TO_WALES = {
    "nutrition": "self-care",
    "hygiene": "self-care",
    "toilet": "self-care",
    "clothing": "self-care",
    "home-safety": "self-care",
    "home-environment": "self-care",
    "relationships": "relationships",
    "work": "work-learning-leisure",
    "community": "community",
    "caring": "caring",
}


def _copy(nation: str) -> Scheme:
    """The bilingual example in `nation`, using the law's own outcomes and title (it words
    neither itself), so every text of the law in the result is the law's."""
    data = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"), parse_float=Decimal)
    data["scheme"]["nation"] = nation
    assert data["scheme"]["languages"] == ["en", "cy"]
    del data["eligibility"]
    del data["references"]["eligibility-regs"]
    if nation == "wales":
        for domain in data["domains"]:
            for question in domain["questions"]:
                question["outcomes"] = sorted({TO_WALES[o] for o in question.get("outcomes", [])})
    return scheme_from_dict(data, source=f"example-{nation}.toml")


def _answers(scheme: Scheme, *, highest: bool, them: bool) -> dict[str, Any]:
    """Every question's highest (or lowest) answer; someone helps in every area, willing."""
    data = lowest_answers(scheme)
    if highest:
        for _, question in scheme.questions():
            data["answers"][question.id] = max(question.options, key=lambda o: o.points).id
    assert scheme.unpaid_support is not None
    some = next(o for o in scheme.unpaid_support.options if 0 < o.keep < 1)
    data["unpaid_support"] = {area: some.id for area in data["unpaid_support"]}
    data["helpers_willing"] = {area: "yes" for area in data["unpaid_support"]}
    data["for_someone_else"] = them
    return data


@pytest.mark.parametrize("nation", ["wales", "england"])
@pytest.mark.parametrize("highest", [True, False], ids=["highest", "lowest"])
@pytest.mark.parametrize("them", [False, True], ids=["you", "them"])
def test_a_welsh_result_for_a_scheme_in_wales_says_none_of_the_law_in_english(
    nation: str, highest: bool, them: bool
) -> None:
    scheme = _copy(nation)
    rules = scheme.eligibility.rules
    assert rules.nation == nation and scheme.eligibility.reference is None
    text = _welsh(scheme, _answers(scheme, highest=highest, them=them))
    assert _no_english_law(text, rules) == []
    # The law's own Welsh is there: its title, its carers' notice, where it is written.
    assert rules.say("cy", rules.law.title) in text
    assert rules.say("cy", rules.carers) in text
    if highest:
        outcome = rules.outcomes[0]
        assert rules.say("cy", outcome.said(them)) in text


def test_the_welsh_result_for_wales_quotes_the_official_welsh_of_regulation_3() -> None:
    scheme = _copy("wales")
    text = _welsh(scheme, _answers(scheme, highest=True, them=False))
    assert "Rheoliadau Gofal a Chymorth (Cymhwystra) (Cymru) 2015" in text
    assert "- Gallu i gyflawni arferion hunanofal neu arferion domestig" in text
    assert "penderfynu a yw'r angen yn codi o'ch afiechyd corfforol neu feddyliol" in text
    assert "pan allwch ddiwallu'r angen, ond dim ond drwy ddioddef poen, gorbryder neu drallod sylweddol" in text
    assert "(rheoliad 6)" in text


def test_a_scheme_words_an_outcome_in_its_own_welsh_before_the_laws() -> None:
    data = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"), parse_float=Decimal)
    nutrition = next(o for o in data["eligibility"]["outcomes"] if o["id"] == "nutrition")
    nutrition["text_cy"] = "Bwyta'n dda"
    scheme = scheme_from_dict(data, source="example.toml")
    answers = _answers(scheme, highest=True, them=False)
    text = _welsh(scheme, answers)
    assert "- Bwyta'n dda" in text and "- Rheoli a chynnal maeth" not in text


def test_the_english_result_says_the_law_in_english() -> None:
    scheme = _copy("wales")
    result = estimate(scheme, answers_from_dict(_answers(scheme, highest=True, them=False), scheme))
    text = as_text(lines(result))
    rules = scheme.eligibility.rules
    assert rules.law.title in text and rules.carers in text
    assert lines(result) == lines(result, "en")
    assert "rheoliad" not in text and "Rheoliadau" not in text
