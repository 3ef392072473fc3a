"""The hostile-input corpus (tests/hostile/) through the pages, as a person uploads it.

Each file goes in by the page's own file field (and the council tools' own option
fields), one after another in the same page, as on a computer that someone is
trying to break. For every file: a plain message (the core's problem word for word,
or the page's own check for a file that is not a file of this kind at all), never a
traceback or an exception's name, at most 20 problems and a count, what the person
had entered is kept, and the page still works for the next file.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from ras_core import load_scheme

from .conftest import ROOT, Site, guarded_context
from .journey import choose

HOSTILE = ROOT / "tests" / "hostile"
EXPECTED: dict[str, dict[str, str]] = tomllib.loads((HOSTILE / "expected.toml").read_text(encoding="utf-8"))
# Words that only a traceback or an unhandled error would put on the page.
NOT_PLAIN = re.compile(r"Traceback|File \"|Error\b|Exception|InvalidOperation|DivisionUndefined|undefined|\[object ")
# The pages' own first checks, made before the core sees a file that is not even of the
# right kind: these are their messages (the core's would be about the same file).
PAGE_OWN = (
    "The file is not a file of answers from this site",
    "The file is too large to be a file of answers from this site.",
    "The file is not UTF-8 text.",
)


def corpus(folder: str) -> list[str]:
    return sorted(name for name in EXPECTED if name.startswith(folder + "/"))


def as_file(name: str) -> dict[str, Any]:
    path = HOSTILE / name
    return {"name": path.name, "mimeType": "application/octet-stream", "buffer": path.read_bytes()}


def problems_shown(page: Page, box: str) -> list[str]:
    summary = page.locator(f"{box} .openras-error-summary")
    expect(summary).to_be_visible()
    items = summary.locator("li").all_inner_texts()
    assert 1 <= len(items) <= 21
    return items


def assert_plain(texts: list[str]) -> None:
    for text in texts:
        assert not NOT_PLAIN.search(text), text


def first_problem_is(items: list[str], expected: dict[str, str]) -> None:
    if items[0].startswith(PAGE_OWN):
        return
    assert items[0] == expected["problem"]


class Watched:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.errors: list[str] = []
        page.on("pageerror", lambda error: self.errors.append(str(error)))


@pytest.fixture(scope="module")
def assessment(browser: Browser, site: Site) -> Iterator[Watched]:
    context = guarded_context(browser, site)
    watched = Watched(context.new_page())
    watched.page.goto(site.url + "assessment/")
    expect(watched.page.locator("#openras")).to_have_attribute("data-calculator", "ready", timeout=90_000)
    yield watched
    context.close()


@pytest.mark.parametrize("name", corpus("answers"))
def test_an_answers_file_on_the_assessment_page(assessment: Watched, name: str) -> None:
    page = assessment.page
    expected = EXPECTED[name]
    page.goto(page.url.split("#")[0] + "#step-1")
    choose(page, "washing", "some")  # what the person had entered before the upload
    page.goto(page.url.split("#")[0] + "#start")
    page.locator("#upload-start").set_input_files(as_file(name))
    if expected["web"] == "accepted":
        expect(page.locator(".openras-loaded")).to_contain_text(f"Your answers from {Path(name).name} are loaded.")
        expect(page.locator("#check h1")).to_be_visible()
    else:
        items = problems_shown(page, "#start")
        assert_plain(items)
        first_problem_is(items, expected)
        expect(page.locator('input[name="washing"][value="some"]')).to_be_checked()
    assert assessment.errors == []
    expect(page.locator("#openras")).to_have_attribute("data-calculator", "ready")


def test_after_the_whole_corpus_the_assessment_still_gives_an_estimate(assessment: Watched) -> None:
    page = assessment.page
    page.goto(page.url.split("#")[0] + "#start")
    page.locator("#upload-start").set_input_files(as_file("answers/valid.json"))
    expect(page.locator("#check h1")).to_be_visible()
    page.get_by_role("button", name="Get my estimate").click()
    band = page.locator(".openras-panel__band")
    expect(band).to_have_text("Your indicative budget: £150 to £175 a week", timeout=30_000)
    assert assessment.errors == []


@pytest.fixture(scope="module")
def tools(browser: Browser, site: Site) -> Iterator[Watched]:
    context = guarded_context(browser, site)
    watched = Watched(context.new_page())
    watched.page.goto(site.url + "council-tools/")
    expect(watched.page.locator("#openras-tools")).to_have_attribute("data-calculator", "ready", timeout=90_000)
    yield watched
    context.close()


def calibrate(page: Page, cases: str, options: dict[str, str] | None = None) -> None:
    fields = {"target_total": "#target-total", "contingency_percent": "#contingency", "fairness_threshold": "#fairness"}
    defaults = {"target_total": "", "contingency_percent": "0", "fairness_threshold": "20"}
    for key, selector in fields.items():
        page.locator(selector).fill((options or {}).get(key, defaults[key]))
    page.locator("#cases-file").set_input_files(as_file(cases))
    page.get_by_role("button", name="Calibrate").click()


def expect_outcome(tools: Watched, expected: dict[str, str]) -> None:
    page = tools.page
    status = page.locator(".openras-tools-status")
    if expected["web"] == "accepted":
        expect(status).to_contain_text("Done in", timeout=60_000)
        expect(page.locator(".openras-tools-form .openras-error-summary")).to_be_hidden()
        report = page.locator(".openras-tools-report-body")
        assert report.locator("script, iframe, object, embed, meta, link, [onerror], [onload]").count() == 0
        assert_plain([status.inner_text()])
    else:
        items = problems_shown(page, ".openras-tools-form")
        assert_plain(items)
        first_problem_is(items, expected)
    assert tools.errors == []


@pytest.mark.parametrize("name", corpus("cases"))
def test_a_cases_file_on_the_council_tools_page(tools: Watched, name: str) -> None:
    tools.page.locator(".openras-tools-status").evaluate("(element) => { element.textContent = ''; }")
    calibrate(tools.page, name)
    expect_outcome(tools, EXPECTED[name])


def typed_options(name: str) -> dict[str, str] | None:
    """Options a person can type in the page's fields (text in its three fields only)."""
    try:
        options = json.loads((HOSTILE / name).read_text(encoding="utf-8"))
    except ValueError:
        return None
    fields = {"target_total", "contingency_percent", "fairness_threshold"}
    if not isinstance(options, dict) or not set(options) <= fields:
        return None
    if not all(isinstance(value, str) and "\n" not in value for value in options.values()):
        return None
    return options


TYPED = [name for name in corpus("options") if typed_options(name) is not None]


def test_the_option_files_typed_in_are_some_of_them() -> None:
    # The rest are shapes the page cannot send (lists, numbers, a new version): the
    # core's own tests cover those.
    assert len(TYPED) >= 6


@pytest.mark.parametrize("name", TYPED)
def test_options_typed_on_the_council_tools_page(tools: Watched, name: str) -> None:
    tools.page.locator(".openras-tools-status").evaluate("(element) => { element.textContent = ''; }")
    calibrate(tools.page, "cases/valid.csv", typed_options(name))
    expect_outcome(tools, EXPECTED[name])
    expect(tools.page.locator("#target-total")).to_have_value((typed_options(name) or {}).get("target_total", ""))


def test_after_the_whole_corpus_council_tools_still_calibrate(tools: Watched) -> None:
    calibrate(tools.page, "cases/valid.csv")
    expect(tools.page.locator(".openras-tools-status")).to_contain_text("Done in", timeout=60_000)
    expect(tools.page.locator(".openras-tools-report-body")).to_contain_text("rate")
    assert tools.errors == []


@pytest.fixture(scope="module")
def review(browser: Browser, site: Site) -> Iterator[Watched]:
    context = guarded_context(browser, site)
    watched = Watched(context.new_page())
    watched.page.goto(site.url + "review/")
    yield watched
    context.close()


@pytest.mark.parametrize("name", corpus("review"))
def test_a_review_file_on_the_review_page(review: Watched, name: str) -> None:
    page = review.page
    expected = EXPECTED[name]
    page.locator("#housing-working").fill("Kept unless a good file is loaded.")
    page.locator("#review-upload").set_input_files(as_file(name))
    if expected["page"] == "accepted":
        expect(page.locator(".openras-review-status")).to_have_text(f"Your review from {Path(name).name} is loaded.")
    else:
        items = problems_shown(page, "#openras-review")
        assert_plain(items)
        expect(page.locator("#housing-working")).to_have_value("Kept unless a good file is loaded.")
    page.locator(".openras-review-status").evaluate("(element) => { element.textContent = ''; }")
    assert review.errors == []


def test_the_answers_corpus_is_for_the_scheme_the_site_is_built_with() -> None:
    scheme = load_scheme(ROOT / "content" / "schemes" / "example.toml")
    valid = json.loads((HOSTILE / "answers" / "valid.json").read_text(encoding="utf-8"))
    assert valid["scheme"] == scheme.id and valid["scheme_version"] == scheme.version
