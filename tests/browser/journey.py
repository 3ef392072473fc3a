"""Steps a person takes through the assessment, shared by the browser tests."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Browser, BrowserContext, Page, expect

from ras_core import Scheme

from .conftest import Site, guarded_context


def choose(page: Page, name: str, value: str) -> None:
    """Pick an answer by clicking its label, as a person does."""
    radio = page.locator(f'input[type=radio][name="{name}"][value="{value}"]')
    page.locator(f'label[for="{radio.get_attribute("id")}"]').click()


# The buttons and headings a person follows, in each language of the site.
WORDS = {
    "en": {"start": "Start now", "continue": "Continue", "check": "Check your answers", "get": "Get my estimate"},
    "cy": {"start": "Dechrau nawr", "continue": "Parhau", "check": "Gwirio eich atebion", "get": "Cael fy amcangyfrif"},
}


def answer_everything(page: Page, scheme: Scheme, answers: dict[str, Any], lang: str = "en") -> None:
    """From the start page to "Check your answers", answering with `answers` (answers file shape)."""
    words = WORDS[lang]
    page.get_by_role("link", name=words["start"]).click()
    for number, domain in enumerate(scheme.domains, start=1):
        step = page.locator(f"#step-{number}")
        expect(step).to_be_visible()
        for question in domain.questions:
            choose(page, question.id, answers["answers"][question.id])
        if domain.asks_unpaid_support:
            option = answers["unpaid_support"][domain.id]
            choose(page, f"unpaid_support.{domain.id}", option)
            support = scheme.support_option(option)
            if support is not None and support.keep < 1:
                choose(page, f"helpers_willing.{domain.id}", willing(answers, domain.id))
        step.get_by_role("button", name=words["continue"]).click()
    expect(page.get_by_role("heading", name=words["check"], level=1)).to_be_visible()


def willing(answers: dict[str, Any], area: str) -> str:
    """An area's answer to "are they willing and able to keep helping?", from an answers
    file of either format (an older one has one true or false for every area)."""
    given = answers["helpers_willing"]
    if isinstance(given, dict):
        return str(given[area])
    return "yes" if given else "no"


def get_estimate(page: Page, lang: str = "en") -> None:
    page.get_by_role("button", name=WORDS[lang]["get"]).click()
    expect(page.locator(".openras-result")).to_be_visible(timeout=90_000)


def guided_with_a_clock(
    browser: Browser, site: Site, scheme: Scheme, answers: dict[str, Any]
) -> tuple[BrowserContext, Page]:
    """A guided session with every question answered, in a page whose clock the test runs."""
    context = guarded_context(browser, site)
    page = context.new_page()
    page.clock.install()
    page.goto(site.url + "assessment/?mode=guided")
    answer_everything(page, scheme, answers)
    return context, page
