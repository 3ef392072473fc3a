"""Browser fixtures: the site built once, served on 127.0.0.1, driven in Debian's Chromium.

Every page's context refuses any request that is not to the local server and records
it, so a test can assert that nothing left the device.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, Route, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import build  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass
class Site:
    url: str  # the site's root, ending in "/"
    server: Any
    outside: list[str] = field(default_factory=list)


def serve(directory: Path, base: str = "/", headers: dict[str, str] | None = None) -> Site:
    server = build.make_server(directory, port=0, base=base, headers=headers)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    prefix = "/" + base.strip("/") + "/" if base.strip("/") else "/"
    return Site(url=f"http://127.0.0.1:{server.server_address[1]}{prefix}", server=server)


@pytest.fixture(scope="session")
def site(built: Path) -> Iterator[Site]:
    running = serve(built)
    yield running
    running.server.shutdown()


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


def guarded_context(browser: Browser, site: Site, **options: Any) -> BrowserContext:
    """A fresh context (no cookies, no storage) that refuses requests to other origins."""
    context = browser.new_context(**options)
    origin = site.url.split("/", 3)[:3]
    allowed = "/".join(origin) + "/"

    def check(route: Route) -> None:
        url = route.request.url
        if url.startswith(allowed) or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            site.outside.append(url)
            route.abort()

    context.route("**/*", check)
    return context


@pytest.fixture
def context(browser: Browser, site: Site) -> Iterator[BrowserContext]:
    site.outside.clear()
    context = guarded_context(browser, site)
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Iterator[Page]:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    assert errors == [], f"errors in the page: {errors}"
