"""The site under the strict Content-Security-Policy it ships, as a response header."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import build
import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Worker, expect

from ras_core import load_scheme

from .conftest import ROOT, Site, guarded_context, serve
from .journey import answer_everything, get_estimate

README_ANSWERS = json.loads((ROOT / "content" / "answers" / "example-answers.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def csp_site(built: Path) -> Iterator[Site]:
    running = serve(built, headers=build.SECURITY_HEADERS)
    yield running
    running.server.shutdown()


def watch(page: Page) -> list[str]:
    """Every CSP complaint from the page and from its workers."""
    complaints: list[str] = []

    def console(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text or "Refused to" in message.text:
            complaints.append(message.text)

    def worker(started: Worker) -> None:
        started.on("console", console)

    page.on("console", console)
    page.on("worker", worker)
    return complaints


def test_a_full_journey_under_the_policy_has_no_violation(browser: Browser, csp_site: Site) -> None:
    context = guarded_context(browser, csp_site)
    page = context.new_page()
    complaints = watch(page)
    response = page.goto(csp_site.url + "assessment/")
    assert response is not None and response.headers["content-security-policy"] == build.CSP
    scheme = load_scheme(ROOT / "content" / "schemes" / "example.toml")
    answer_everything(page, scheme, README_ANSWERS)
    get_estimate(page)
    expect(page.locator(".openras-panel__band")).to_have_text("Your indicative budget: £150 to £175 a week")
    page.locator('label[title="Switch to dark mode"]').click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.goto(csp_site.url)
    page.get_by_role("textbox", name="Search").click()
    # Material builds its search index in a worker; it says "Initializing search" until then.
    expect(page.locator(".md-search-result__meta")).not_to_have_text("Initializing search", timeout=30_000)
    page.get_by_role("textbox", name="Search").press_sequentially("budget", delay=50)  # typed, as a person does
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)
    page.goto(csp_site.url + "method/")
    assert complaints == []
    assert csp_site.outside == []
    context.close()


def test_a_policy_without_wasm_unsafe_eval_fails_clearly_not_for_ever(browser: Browser, built: Path) -> None:
    strict = build.CSP.replace(" 'wasm-unsafe-eval'", "")
    running = serve(built, headers={"Content-Security-Policy": strict})
    try:
        context = guarded_context(browser, running)
        page = context.new_page()
        page.goto(running.url + "assessment/")
        expect(page.locator("#openras")).to_have_attribute("data-calculator", "failed", timeout=30_000)
        scheme = load_scheme(ROOT / "content" / "schemes" / "example.toml")
        answer_everything(page, scheme, README_ANSWERS)
        page.get_by_role("button", name="Get my estimate").click()
        expect(page.locator(".openras-failed")).to_be_visible()
        expect(page.locator(".openras-failed__reason")).to_contain_text("could not run the calculator")
        context.close()
    finally:
        running.server.shutdown()


def test_headers_file_for_static_hosts(built: Path) -> None:
    text = (built / "_headers").read_text(encoding="utf-8")
    assert f"  Content-Security-Policy: {build.CSP}\n" in text
    nginx = (ROOT / "site" / "hosting" / "nginx.conf").read_text(encoding="utf-8")
    assert f'add_header Content-Security-Policy "{build.CSP}" always;' in nginx


def test_no_inline_scripts_in_any_page(built: Path) -> None:
    import re

    for page in built.rglob("*.html"):
        for attrs, body in re.findall(r"<script([^>]*)>(.*?)</script>", page.read_text(encoding="utf-8"), re.S):
            if "application/json" in attrs:  # data, never run
                continue
            assert "src=" in attrs and not body.strip(), f"{page}: inline script {body[:60]!r}"
        assert " style=" not in page.read_text(encoding="utf-8"), f"{page}: inline style attribute"
