"""The Easy Read assessment (easy/assessment/) in the built site: its own words read very easily.

The page is site/theme/assessment.html with `easy` true: each question in its Easy Read
wording, and the page's own text (the start, the check page and the words around the
result) in short sentences. The core's result lines, which result.js puts in the page,
are not the template's and are left out here. The standard assessment keeps its words.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import textstat

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# The parts of the page that its scripts fill in: their words are not the template's.
FILLED_CLASSES = {
    "openras-voice",
    "openras-working",
    "openras-breakdown",
    "openras-failed__reason",
    "openras-made-on",
    "openras-waiting__step",
    "openras-upload__status",
    "openras-saved__date",
    "openras-summary__value",
    "openras-error-summary__list",
    "openras-status",
}
FILLED_TAGS = {"script", "style", "tbody", "progress"}


class _Section(HTMLParser):
    """The static text of the element with one id, without the parts scripts fill."""

    def __init__(self, wanted: str) -> None:
        super().__init__(convert_charrefs=True)
        self.wanted = wanted
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, inside the element, left out)
        self.words: list[str] = []
        self.found = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        attributes = {key: value or "" for key, value in attrs}
        outer = self.stack[-1] if self.stack else (None, False, False)
        here = attributes.get("id") == self.wanted
        self.found = self.found or here
        inside = outer[1] or here
        left_out = outer[2] or tag in FILLED_TAGS or bool(FILLED_CLASSES & set(attributes.get("class", "").split()))
        self.stack.append((tag, inside, left_out))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1][1] and not self.stack[-1][2]:
            self.words.append(data)


def section_text(page: Path, wanted: str) -> str:
    parser = _Section(wanted)
    parser.feed(page.read_text(encoding="utf-8"))
    assert parser.found, f"{page}: no id={wanted!r}"
    return re.sub(r"\s+", " ", " ".join(parser.words)).strip()


def easy_page(site: Path) -> Path:
    return site / "easy" / "assessment" / "index.html"


def standard_page(site: Path) -> Path:
    return site / "assessment" / "index.html"


@pytest.mark.parametrize("section", ["start", "result"])
def test_the_easy_read_assessment_reads_very_easily(built: Path, section: str) -> None:
    text = section_text(easy_page(built), section)
    score = textstat.flesch_reading_ease(text)
    assert score >= 80, f"easy/assessment #{section}: Flesch reading ease {score}, needs 80 or more"


def test_the_easy_read_assessment_keeps_what_matters(built: Path) -> None:
    start = section_text(easy_page(built), "start")
    result = section_text(easy_page(built), "result")
    for sentence in (
        "It is not a limit.",
        "It is not the final amount.",
        "This is called an assessment.",
        "This is called a support plan.",
        "Your final budget is agreed in your support plan.",
        "This is called a financial assessment.",
        "We do not send your answers anywhere.",
        "When you close this page, your answers are gone.",
    ):
        assert sentence in start, f"easy/assessment #start: {sentence!r} missing"
    for sentence in (
        "It is not a limit.",
        "Indicative means it is a rough amount.",
        "This is called a support plan.",
        "Your final budget is agreed in your support plan.",
        "This is called a financial assessment.",
        "This is called a review.",
        "You can also make a complaint.",
        "Ombudsman",
        "Your rights in ",
    ):
        assert sentence in result, f"easy/assessment #result: {sentence!r} missing"


def test_the_easy_read_assessment_keeps_what_the_scripts_use(built: Path) -> None:
    page = easy_page(built).read_text(encoding="utf-8")
    for hook in (
        'id="start"',
        'id="check"',
        'id="result"',
        'id="pay"',
        'class="md-button md-button--primary openras-button openras-start"',
        'class="md-button openras-button openras-pay-link"',
        'class="openras-plan-link"',
        'class="openras-save-device__off"',
        'class="openras-save-device__on" hidden',
        'class="openras-working openras-voice--short"',
        'class="openras-voice openras-voice--detail"',
        'class="admonition info openras-rights"',
        'id="your-rights"',
        'id="upload-start-hint"',
        'id="upload-check-hint"',
    ):
        assert hook in page, f"easy/assessment: {hook!r} missing"


def test_the_standard_assessment_keeps_its_words(built: Path) -> None:
    start = section_text(standard_page(built), "start")
    result = section_text(standard_page(built), "result")
    for sentence in (
        "It is a starting point for planning your support. It is not a limit.",
        "Your final budget is agreed in your support plan, after your assessment. "
        "It can be higher or lower than the estimate.",
        "A separate financial assessment decides if you pay anything towards your care.",
        "Think about a usual week, including your bad days.",
        "Nothing you type is sent anywhere. The sum is done in your browser. "
        "When you close this page, your answers are gone.",
    ):
        assert sentence in start, f"assessment #start: {sentence!r} missing"
    for sentence in (
        "Your indicative budget",
        "a starting point to plan your support, not a limit. It can go up or down.",
        "Your final budget is agreed in your support plan. It must be enough to meet your eligible needs.",
        "You plan your support with the council, using the indicative budget as a starting point.",
        "If you are still unhappy after the council's complaints process, you can ask the",
        "Source: ",
    ):
        assert sentence in result, f"assessment #result: {sentence!r} missing"
    for easy in (
        "This is called a support plan.",
        "Indicative means it is a rough amount.",
        "We do not send your answers anywhere.",
    ):
        assert easy not in start + result, f"assessment: Easy Read words {easy!r} on the standard page"
