"""The calculator's start-up: the precompiled standard library, each file downloaded
once, and a failure at once when any runtime file cannot be loaded."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import build
import pytest
from playwright.sync_api import Browser, ConsoleMessage, Request, expect

from .conftest import Site, guarded_context, serve


@pytest.fixture(scope="module")
def csp_site(built: Path) -> Iterator[Site]:
    running = serve(built, headers=build.SECURITY_HEADERS)
    yield running
    running.server.shutdown()


def test_the_calculator_starts_on_the_precompiled_stdlib_under_the_policy(browser: Browser, csp_site: Site) -> None:
    context = guarded_context(browser, csp_site)
    requested: list[str] = []
    complaints: list[str] = []

    def console(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text or "Refused to" in message.text:
            complaints.append(message.text)

    def request(made: Request) -> None:
        requested.append(made.url.removeprefix(csp_site.url))

    context.on("request", request)
    page = context.new_page()
    page.on("console", console)
    page.on("worker", lambda worker: worker.on("console", console))
    page.goto(csp_site.url + "assessment/")
    expect(page.locator("#openras")).to_have_attribute("data-calculator", "ready", timeout=90_000)
    for name in ("pyodide.asm.wasm", "python_stdlib.zip", "boot.json", "scheme.toml"):
        assert f"runtime/{name}" in requested, requested
    assert any(url.startswith("runtime/ras_core-") and url.endswith(".whl") for url in requested)
    assert any(url.startswith("runtime/micropip-") and url.endswith(".whl") for url in requested)
    assert complaints == []
    assert csp_site.outside == []
    context.close()


def test_a_first_visit_downloads_each_runtime_file_once(browser: Browser, site: Site) -> None:
    """No file twice: a preload in the page is not shared with the worker, for one."""
    context = guarded_context(browser, site)
    requested: list[str] = []

    def request(made: Request) -> None:
        if made.service_worker is None:  # the offline copy is taken from the HTTP cache
            requested.append(made.url.removeprefix(site.url))

    context.on("request", request)
    page = context.new_page()
    page.goto(site.url + "assessment/")
    expect(page.locator("#openras")).to_have_attribute("data-calculator", "ready", timeout=90_000)
    runtime = [url for url in requested if url.startswith("runtime/")]
    assert "runtime/pyodide.asm.wasm" in runtime
    assert sorted(runtime) == sorted(set(runtime)), runtime
    context.close()


@pytest.mark.parametrize("blocked", ["python_stdlib.zip", "ras_core-*.whl", "micropip-*.whl", "boot.json"])
def test_a_runtime_file_that_cannot_be_loaded_fails_the_start_at_once(
    browser: Browser, site: Site, blocked: str
) -> None:
    context = guarded_context(browser, site)
    context.route(f"**/runtime/{blocked}", lambda route: route.abort())
    page = context.new_page()
    page.goto(site.url + "assessment/")
    # Failed at once, not after the start-up time-out: what the page then shows is
    # tested in test_journey.py and test_security.py.
    expect(page.locator("#openras")).to_have_attribute("data-calculator", "failed", timeout=30_000)
    context.close()
