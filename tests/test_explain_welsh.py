"""The published method ("How the estimate is worked out", `ras explain`) in Welsh: the
same figures as the English, the scheme's texts in its own Welsh, the law's in the
Welsh packaged with the nation's rules, and the core's sentences and headings in its
Welsh drafts (ras_core/i18n/locale/cy.po); a scheme in English only is refused in
Welsh, as `ras estimate --lang cy` refuses it. The English is unchanged (the other
tests of the method pin it).

The rules' `note` has no Welsh in the rules files yet, so it is left out of what must
not be in English.
"""

from __future__ import annotations

import re

import pytest

from conftest import EXAMPLE, TEST_SCHEMES
from helpers import ras
from ras_core import Scheme, explain, load_scheme
from ras_core.estimate.words.screen import said_by_law
from ras_core.markdown import markdown_text
from ras_core.scheme.errors import SchemeError

# Every sum of money and every other number ("£5.12", "£47,023.26", "100%", "2026", "9").
FIGURES = re.compile(r"£[\d,]+(?:\.\d+)?|\d+(?:[.,]\d+)*%?")
MONEY = re.compile(r"£[\d,]+(?:\.\d+)?")
HEADING = re.compile(r"^#+ .*$", re.MULTILINE)


@pytest.fixture(scope="module")
def scheme() -> Scheme:
    return load_scheme(EXAMPLE)


@pytest.fixture(scope="module")
def english(scheme: Scheme) -> str:
    return explain(scheme)


@pytest.fixture(scope="module")
def welsh(scheme: Scheme) -> str:
    return explain(scheme, "cy")


def _without_titles(scheme: Scheme, text: str, lang: str) -> str:
    """The method without the titles of its sources: a Welsh title may name the law by its
    English title too ("… 2015 (The Care and Support … Regulations 2015) …")."""
    eligibility = scheme.eligibility
    references = [
        *scheme.references,
        eligibility.rules.law,
        *([eligibility.reference] if eligibility.reference else []),
    ]
    titles = {markdown_text(said_by_law(scheme, lang, reference.title)) for reference in references}
    for title in sorted(titles, key=len, reverse=True):
        text = text.replace(title, "")
    return text


def test_the_welsh_method_has_the_same_figures_in_the_same_order(scheme: Scheme, english: str, welsh: str) -> None:
    assert welsh != english
    assert MONEY.findall(welsh) == MONEY.findall(english)
    assert FIGURES.findall(_without_titles(scheme, welsh, "cy")) == FIGURES.findall(
        _without_titles(scheme, english, "en")
    )
    assert english.count("\n| ") == welsh.count("\n| ")  # every row of every table


def _english_said(entries: tuple[tuple[str, str, str], ...]) -> list[str]:
    """Each English text (as the method writes it) whose Welsh is not the same words."""
    return [
        markdown_text(text)
        for lang, text, translated in entries
        if lang == "cy" and markdown_text(text) not in markdown_text(translated)
    ]


def test_the_welsh_method_says_none_of_the_schemes_english_that_has_welsh(scheme: Scheme, welsh: str) -> None:
    english_texts = _english_said(scheme.translations.entries)
    assert len(english_texts) > 150
    assert [text for text in english_texts if text in welsh] == []


def test_the_welsh_method_says_none_of_the_laws_english_that_has_welsh(scheme: Scheme, welsh: str) -> None:
    rules = scheme.eligibility.rules
    assert rules.nation == "england"
    english_texts = _english_said(rules.translations.entries)
    assert len(english_texts) > 30
    assert [text for text in english_texts if text in welsh] == []
    assert "England" not in welsh and "Lloegr" in welsh  # the nation's name, from the core's Welsh


def test_the_welsh_methods_headings_are_welsh(english: str, welsh: str) -> None:
    own, theirs = HEADING.findall(english), HEADING.findall(welsh)
    assert len(theirs) == len(own) > 10
    for heading, said in zip(own, theirs, strict=True):
        assert said.split(" ")[0] == heading.split(" ")[0]  # the same level
        assert said != heading
    assert theirs[0].startswith("# Sut y cyfrifir yr amcangyfrif: ")
    assert "## Cam 1: pwyntiau ar gyfer pob ateb" in theirs
    assert not any(word in " ".join(theirs) for word in ("Step", "Thresholds", "Eligibility", "worked out"))


def test_the_welsh_methods_sentences_and_table_headers_are_welsh(welsh: str) -> None:
    for english in ("| Answer | Points |", "Source:", " a point", "The conditions:", "Contact:", "April", "Answers:"):
        assert english not in welsh
    assert "| Ateb | Pwyntiau |" in welsh and "Ffynhonnell: " in welsh and "1 Ebrill 2026" in welsh


def test_ras_explain_lang_cy_prints_the_welsh_method(welsh: str) -> None:
    done = ras("explain", EXAMPLE, "--lang", "cy")
    assert done.returncode == 0, done.stderr
    assert done.stdout == welsh + "\n"
    assert ras("explain", EXAMPLE, "--lang", "en").stdout == ras("explain", EXAMPLE).stdout


def test_an_english_only_scheme_is_refused_in_welsh_as_an_estimate_is() -> None:
    table = TEST_SCHEMES / "table.toml"
    refused = ras("explain", table, "--lang", "cy")
    estimated = ras("estimate", "--scheme", table, "--lang", "cy", "no-answers.json")
    assert refused.returncode == estimated.returncode == 1
    assert refused.stdout == ""
    assert refused.stderr == estimated.stderr
    assert "wedi'i ysgrifennu yn Saesneg yn unig" in refused.stderr
    with pytest.raises(SchemeError, match="wedi'i ysgrifennu yn Saesneg yn unig"):
        explain(load_scheme(table), "cy")
    assert explain(load_scheme(table)).startswith("# How the estimate is worked out: ")
