"""A shared computer: what one person entered must not reach the next.

A carers centre's computer is used by one person after another. A guided session
must not come back with Back (from the back/forward cache, which Chrome keeps on by
default, or from the browser's own restoring of form fields), the idle time-out must
go by the clock and not by timer ticks, and clearing must leave nothing behind, not
even hidden.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, expect

from ras_core import Scheme, load_scheme

from .conftest import CHROMIUM, CHROMIUM_ARGS, ROOT, Site, guarded_context
from .journey import answer_everything, get_estimate, guided_with_a_clock
from .test_guided import expect_blank

README_ANSWERS: dict[str, Any] = json.loads(
    (ROOT / "content" / "answers" / "example-answers.json").read_text(encoding="utf-8")
)
SECRET = "Mrs Example takes her tablets at 8."


@pytest.fixture(scope="module")
def scheme() -> Scheme:
    return load_scheme(ROOT / "content" / "schemes" / "example.toml")


@pytest.fixture(scope="module")
def chrome_as_shipped(playwright: Playwright) -> Iterator[Browser]:
    """Chromium with the back/forward cache on, as Chrome ships (Playwright turns it off)."""
    browser = playwright.chromium.launch(
        executable_path=CHROMIUM, args=CHROMIUM_ARGS, ignore_default_args=["--disable-back-forward-cache"]
    )
    yield browser
    browser.close()


def a_finished_guided_session(context: BrowserContext, site: Site, scheme: Scheme) -> Page:
    page = context.new_page()
    # Records whether the page came back from the back/forward cache.
    page.add_init_script("addEventListener('pageshow', (event) => { window.openrasRestored = event.persisted; })")
    page.goto(site.url + "assessment/?mode=guided")
    page.get_by_role("link", name="Start now").click()
    page.locator("#notes-personal-care").fill(SECRET)
    page.goto(page.url.split("#")[0] + "#start")
    answer_everything(page, scheme, README_ANSWERS)
    get_estimate(page)
    expect(page.locator(".openras-panel__band")).to_have_text("Your indicative budget: £150 to £175 a week")
    return page


def test_back_from_the_method_page_does_not_bring_a_guided_session_back(
    chrome_as_shipped: Browser, site: Site, scheme: Scheme
) -> None:
    context = guarded_context(chrome_as_shipped, site)
    page = a_finished_guided_session(context, site, scheme)
    page.get_by_role("link", name="how the estimate is worked out").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("How")
    page.go_back(wait_until="commit")
    expect(page.locator("#openras")).to_be_visible()
    assert page.evaluate("window.openrasRestored") is True, "the page did not come from the back/forward cache"
    expect_blank(page)
    expect(page.locator("#openras")).not_to_contain_text(SECRET)
    expect(page.locator("#openras")).not_to_contain_text("£150 to £175")
    context.close()


def test_back_without_the_cache_does_not_restore_the_form(browser: Browser, site: Site, scheme: Scheme) -> None:
    # Playwright's own Chromium has the back/forward cache off: the page is loaded
    # again, and the browser would put back what was typed in its fields.
    context = guarded_context(browser, site)
    page = a_finished_guided_session(context, site, scheme)
    page.get_by_role("link", name="how the estimate is worked out").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("How")
    page.go_back()
    assert page.evaluate("window.openrasRestored") is False
    expect(page.locator("#openras")).to_have_attribute("data-calculator", "ready", timeout=90_000)
    expect(page.locator("#openras input[type=radio]:checked")).to_have_count(0)
    for area in page.locator("textarea").all():
        expect(area).to_have_value("")
    context.close()


def test_an_idle_session_is_cleared_when_the_computer_wakes(browser: Browser, site: Site, scheme: Scheme) -> None:
    context, page = guided_with_a_clock(browser, site, scheme, README_ANSWERS)
    dialog = page.locator(".openras-idle")
    page.clock.run_for("15:01")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("cleared in 59 seconds")
    # The computer sleeps for two hours: timers do not run, then each due one fires
    # once when it wakes.
    page.clock.fast_forward("02:00:00")
    expect(dialog).to_be_hidden()
    expect_blank(page)
    context.close()


def test_a_background_tab_shows_the_seconds_left_by_the_clock(browser: Browser, site: Site, scheme: Scheme) -> None:
    context, page = guided_with_a_clock(browser, site, scheme, README_ANSWERS)
    page.clock.run_for("15:01")
    # Timers slowed to one a minute would count 1 second for every 60 that pass.
    page.clock.fast_forward("00:30")
    expect(page.locator(".openras-idle__seconds")).to_have_text("29")
    page.get_by_role("button", name="I am still here").click()
    expect(page.locator('input[name="washing"][value="daily"]')).to_be_checked()
    context.close()


def test_clearing_leaves_no_file_name_or_old_errors_in_the_page(page: Page, site: Site) -> None:
    page.goto(site.url + "assessment/?mode=guided")
    expect(page.locator("#openras")).to_have_attribute("data-calculator", "ready", timeout=90_000)
    upload = page.locator("#upload-start")
    upload.set_input_files({"name": "broken-answers.json", "mimeType": "application/json", "buffer": b"{"})
    expect(page.locator("#start .openras-error-summary")).to_contain_text("it is not JSON")
    upload.set_input_files(
        {"name": "mrs-example.json", "mimeType": "application/json", "buffer": json.dumps(README_ANSWERS).encode()}
    )
    expect(page.locator(".openras-loaded")).to_contain_text("mrs-example.json")
    page.get_by_role("link", name="Finish and clear").click()
    page.get_by_role("button", name="Clear everything now").click()
    expect_blank(page)
    html = page.locator("#openras").inner_html()
    assert "mrs-example.json" not in html
    assert "not JSON" not in html


@pytest.mark.parametrize(
    "stored",
    ['{"saved_at": "yesterday", "answers": "{}"}', "{not json", "[]", '{"saved_at": 5}', "null", '"text"'],
    ids=["bad date", "not JSON", "a list", "no answers", "null", "a string"],
)
def test_a_damaged_saved_entry_does_not_stop_the_page(page: Page, site: Site, stored: str) -> None:
    page.goto(site.url + "assessment/")
    page.evaluate("(value) => localStorage.setItem('openras:example:answers', value)", stored)
    page.reload()
    expect(page.locator("#openras")).to_have_attribute("data-calculator", "ready", timeout=90_000)
    page.get_by_role("link", name="Start now").click()
    expect(page.locator("#step-1 h1")).to_be_focused()
    page.goto(page.url.split("#")[0] + "#start")
    if stored == "null":  # the same as nothing saved
        expect(page.locator(".openras-saved")).to_be_hidden()
        return
    saved = page.locator(".openras-saved")
    expect(saved).to_be_visible()
    page.get_by_role("button", name="Use my saved answers").click()
    summary = page.locator("#start .openras-error-summary")
    expect(summary).to_contain_text("Your saved answers cannot be used.")
    expect(page.locator("#openras input[type=radio]:checked")).to_have_count(0)
    saved.get_by_role("button", name="Forget").click()
    expect(saved).to_be_hidden()
    assert page.evaluate("localStorage.length") == 0


def test_one_failed_request_does_not_stop_the_calculator(page: Page, site: Site, scheme: Scheme) -> None:
    page.goto(site.url + "assessment/")
    expect(page.locator("#openras")).to_have_attribute("data-calculator", "ready", timeout=90_000)
    # The next reply the worker reads fails, as if Python had raised.
    calculator = next(w for w in page.workers if w.url.endswith("/assets/openras/worker.js"))
    calculator.evaluate(
        """() => {
            const real = JSON.parse;
            JSON.parse = (...args) => {
                JSON.parse = real;
                throw new Error("Traceback (most recent call last): a fault put in by the test");
            };
        }"""
    )
    answer_everything(page, scheme, README_ANSWERS)
    page.get_by_role("button", name="Get my estimate").click()
    failed = page.locator(".openras-failed")
    expect(failed).to_be_visible()
    expect(failed).to_contain_text("Something went wrong inside the calculator. Nothing you entered is lost")
    expect(failed).not_to_contain_text("Traceback")
    expect(page.locator("#openras")).to_have_attribute("data-calculator", "ready")
    page.get_by_role("link", name="Go back to your answers").click()
    get_estimate(page)
    expect(page.locator(".openras-panel__band")).to_have_text("Your indicative budget: £150 to £175 a week")
