"""Guided sessions on a shared computer, and preparing for a review."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from helpers import random_answers
from ras_core import Scheme, load_scheme

from .conftest import ROOT, Site
from .journey import answer_everything, get_estimate, guided_with_a_clock

README_ANSWERS: dict[str, Any] = json.loads(
    (ROOT / "content" / "answers" / "example-answers.json").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def scheme() -> Scheme:
    return load_scheme(ROOT / "content" / "schemes" / "example.toml")


def storage(page: Page) -> dict[str, Any]:
    stored: dict[str, Any] = page.evaluate(
        """async () => ({
            local: localStorage.length,
            session: sessionStorage.length,
            databases: (await indexedDB.databases()).length,
        })"""
    )
    return stored


def expect_blank(page: Page) -> None:
    expect(page.locator("#start h1")).to_be_visible()
    expect(page.locator("#openras input[type=radio]:checked")).to_have_count(0)
    for area in page.locator("textarea").all():
        expect(area).to_have_value("")
    expect(page.locator(".openras-result")).to_be_hidden()
    expect(page.locator(".openras-working li")).to_have_count(0)
    expect(page.locator(".openras-your-answers tbody tr")).to_have_count(0)
    expect(page.locator("[data-answer-for]").first).to_be_empty()


def test_three_people_in_a_row_with_nothing_left_for_the_next(page: Page, site: Site, scheme: Scheme) -> None:
    page.goto(site.url + "assessment/")
    page.get_by_role("link", name="Start a guided session").click()
    expect(page.locator(".openras-guided-bar")).to_be_visible()
    expect(page.locator(".openras-save-device")).to_be_hidden()
    rng = random.Random(3)
    bands = []
    for person in range(3):
        answers = README_ANSWERS if person == 0 else random_answers(scheme, rng)
        page.get_by_role("link", name="Start now").click()
        guide = page.locator("#step-1 .openras-guide").first
        expect(guide).to_be_visible()
        expect(guide).to_contain_text("Ask how they wash on a bad day")
        page.locator("#notes-personal-care").fill(f"Person {person + 1} prefers a shower in the morning.")
        page.goto(page.url.split("#")[0] + "#start")
        answer_everything(page, scheme, answers)
        get_estimate(page)
        expect(page.locator(".openras-result-notes")).to_contain_text(f"Person {person + 1} prefers a shower")
        bands.append(page.locator(".openras-panel__band").inner_text())

        page.get_by_role("link", name="Finish and clear").click()
        expect(page.locator("#finish h1")).to_be_focused()
        expect(page.get_by_role("button", name="Print the result")).to_be_visible()
        expect(page.locator("#finish").get_by_role("button", name="Download my answers")).to_be_visible()
        page.get_by_role("button", name="Clear everything now").click()
        expect_blank(page)
        # The calculator stays loaded for the next person: no new start-up.
        expect(page.locator("#openras")).to_have_attribute("data-calculator", "ready")
        assert storage(page) == {"local": 0, "session": 0, "databases": 0}
        assert page.context.cookies() == []
    assert bands[0] == "Your indicative budget: £150 to £175 a week"


def test_the_idle_time_out_warns_then_clears(browser: Browser, site: Site, scheme: Scheme) -> None:
    context, page = guided_with_a_clock(browser, site, scheme, README_ANSWERS)
    dialog = page.locator(".openras-idle")
    page.clock.run_for("14:00")
    expect(dialog).to_be_hidden()
    page.clock.run_for("01:01")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("Are you still there?")
    page.get_by_role("button", name="I am still here").click()
    expect(dialog).to_be_hidden()
    expect(page.locator('input[name="washing"][value="daily"]')).to_be_checked()

    page.clock.run_for("15:01")
    expect(dialog).to_be_visible()
    page.clock.run_for("01:01")
    expect(dialog).to_be_hidden()
    expect_blank(page)
    context.close()


REVIEW = {
    "kind": "openras-review",
    "version": "1",
    "areas": {
        "support": {"working": "My PA is great.", "not_working": "Cover when she is off.", "priority": "high"},
        "money": {"working": "", "not_working": "Bills are hard.", "priority": "medium"},
    },
    "anything_else": "I would like to try a day course.",
    "closing": {"when": "Next month", "who": "Me and my social worker", "agree": "The council"},
}


def upload_review(page: Page, content: str) -> None:
    page.locator("#review-upload").set_input_files(
        {"name": "review.json", "mimeType": "application/json", "buffer": content.encode("utf-8")}
    )


def test_review_download_and_upload_round_trip(page: Page, site: Site) -> None:
    page.goto(site.url + "review/")
    expect(page.get_by_role("heading", name="Prepare for your review", level=1)).to_be_visible()
    upload_review(page, json.dumps(REVIEW))
    expect(page.locator(".openras-review-status")).to_have_text("Your review from review.json is loaded.")
    expect(page.locator("#support-working")).to_have_value("My PA is great.")
    expect(page.locator("#support-priority-high")).to_be_checked()
    page.locator("#housing-not-working").fill("The stairlift is slow.")
    page.get_by_label("Low: this is fine for now").nth(7).check(force=True)
    with page.expect_download() as info:
        page.get_by_role("button", name="Download to carry on later").click()
    saved = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert saved["areas"]["support"] == REVIEW["areas"]["support"]
    assert saved["areas"]["housing"] == {"working": "", "not_working": "The stairlift is slow.", "priority": "low"}
    assert saved["anything_else"] == REVIEW["anything_else"]
    assert saved["closing"] == REVIEW["closing"]
    assert sorted(saved["areas"]) == sorted(
        ["support", "relationships", "money", "health", "learning", "citizenship", "services", "housing"]
    )
    page.reload()
    upload_review(page, json.dumps(saved))
    expect(page.locator("#housing-not-working")).to_have_value("The stairlift is slow.")
    expect(page.locator("#housing-priority-low")).to_be_checked()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "it is not JSON"),
        (json.dumps(README_ANSWERS), "The file is not a review file from this site."),
        (json.dumps({**REVIEW, "version": "0"}), "saved with version 0 of the review form; this is version 1"),
        (json.dumps({**REVIEW, "areas": {"pets": {}}}), 'an area this form does not have ("pets")'),
        (
            json.dumps({**REVIEW, "areas": {"money": {"priority": "urgent"}}}),
            'The priority for area "money" must be one of: high, medium, low.',
        ),
        (json.dumps({**REVIEW, "areas": "x" * 150_000}), 'The file\'s "areas" are not a list of areas by name.'),
        (json.dumps({**REVIEW, "closing": ["when", "who"]}), 'The file\'s "closing" answers are not a list'),
        (json.dumps({**REVIEW, "areas": {f"a{n}": {} for n in range(5000)}}), "And 4980 more problems."),
    ],
    ids=[
        "not JSON",
        "an answers file",
        "another version",
        "unknown area",
        "bad priority",
        "long text for areas",
        "a list for closing",
        "5,000 unknown areas",
    ],
)
def test_a_bad_review_file_is_named_and_nothing_changes(page: Page, site: Site, content: str, message: str) -> None:
    page.goto(site.url + "review/")
    page.locator("#support-working").fill("Kept as it is.")
    upload_review(page, content)
    summary = page.locator(".openras-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary).to_contain_text(message)
    expect(summary.locator("li")).not_to_have_count(0)
    assert summary.locator("li").count() <= 21
    expect(page.locator("#support-working")).to_have_value("Kept as it is.")


def test_review_prints_with_what_was_written(page: Page, site: Site) -> None:
    page.goto(site.url + "review/")
    upload_review(page, json.dumps(REVIEW))
    page.emulate_media(media="print")
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".openras-upload")).to_be_hidden()
    expect(page.locator("#support-working")).to_be_visible()
    expect(page.get_by_text("High: this needs to change soon").first).to_be_visible()
    assert page.pdf().startswith(b"%PDF")


def test_funding_view_lists_the_areas_each_funding_needs(page: Page, site: Site) -> None:
    page.goto(site.url + "review/")
    page.get_by_text("Which areas each kind of funding needs").click()
    row = page.get_by_role("row", name="Access to Work")
    expect(row).to_contain_text("Information, education, training and work")
    expect(row).to_contain_text("Housing, equipment and transport")
