"""After one visit the site works with no network, estimate included; files are pre-compressed."""

from __future__ import annotations

import json
from pathlib import Path

from playwright.sync_api import Browser, Route, expect

from ras_core import load_scheme

from .conftest import ROOT, Site, guarded_context
from .journey import answer_everything, get_estimate

README_ANSWERS = json.loads((ROOT / "content" / "answers" / "example-answers.json").read_text(encoding="utf-8"))


def test_a_repeat_visit_works_offline_with_the_estimate(browser: Browser, site: Site) -> None:
    context = guarded_context(browser, site)
    page = context.new_page()
    page.goto(site.url + "assessment/")
    expect(page.locator("#openras")).to_have_attribute("data-calculator", "ready", timeout=90_000)
    expect(page.locator("#openras")).to_have_attribute("data-offline", "ready", timeout=60_000)

    context.set_offline(True)
    page.reload()
    expect(page.locator("#start h1")).to_have_text("Estimate your personal budget")
    scheme = load_scheme(ROOT / "content" / "schemes" / "example.toml")
    answer_everything(page, scheme, README_ANSWERS)
    get_estimate(page)
    expect(page.locator(".openras-panel__band")).to_have_text("Your indicative budget: £150 to £175 a week")
    page.goto(site.url + "spending/")
    expect(page.get_by_role("heading", name="What you can spend your budget on")).to_be_visible()
    context.close()


def test_every_compressible_file_has_br_and_gz_beside_it(built: Path) -> None:
    import gzip

    import brotli

    for name in ["assessment/index.html", "runtime/pyodide.asm.wasm", "assets/openras/app.js"]:
        original = (built / name).read_bytes()
        assert brotli.decompress((built / f"{name}.br").read_bytes()) == original
        assert gzip.decompress((built / f"{name}.gz").read_bytes()) == original


REGISTRATION = "navigator.serviceWorker.getRegistration().then((registration) => Boolean(registration))"


def test_the_offline_copy_waits_for_the_calculator_to_start(browser: Browser, site: Site) -> None:
    # The service worker's first install downloads the site's pages: on the assessment
    # page it waits until the calculator has started, so that the two do not compete.
    context = guarded_context(browser, site)
    held: list[Route] = []
    releasing = []

    def hold(route: Route) -> None:
        if releasing:  # the offline copy's own download, later
            route.continue_()
        else:
            held.append(route)

    context.route("**/runtime/pyodide.asm.wasm", hold)
    page = context.new_page()
    page.goto(site.url + "assessment/", wait_until="load")
    page.wait_for_timeout(1500)
    assert page.evaluate("document.documentElement.dataset.openrasCalculator") == "starting"
    assert page.evaluate(REGISTRATION) is False
    releasing.append(True)
    for route in held:
        route.continue_()
    expect(page.locator("#openras")).to_have_attribute("data-calculator", "ready", timeout=90_000)
    page.wait_for_function(REGISTRATION, timeout=30_000)
    expect(page.locator("#openras")).to_have_attribute("data-offline", "ready", timeout=60_000)
    context.close()


def test_a_page_without_a_calculator_registers_at_once(browser: Browser, site: Site) -> None:
    context = guarded_context(browser, site)
    page = context.new_page()
    page.goto(site.url + "spending/", wait_until="load")
    page.wait_for_function(REGISTRATION, timeout=30_000)
    assert page.evaluate("document.documentElement.dataset.openrasCalculator") is None
    context.close()


def test_a_calculator_that_cannot_start_still_leaves_an_offline_copy(browser: Browser, site: Site) -> None:
    context = guarded_context(browser, site)
    context.route("**/runtime/pyodide.asm.wasm", lambda route: route.abort())
    page = context.new_page()
    page.goto(site.url + "assessment/")
    expect(page.locator("#openras")).to_have_attribute("data-calculator", "failed", timeout=90_000)
    page.wait_for_function(REGISTRATION, timeout=30_000)
    context.close()
