"""The memory snapshot a first visit keeps (site/assets/openras/snapshot.js): a repeat
visit starts from it and gives the same result, word for word; it is kept before any
answer is given and never changes after; a damaged copy, or one from another build, is
thrown away and the calculator starts the ordinary way."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from ras_core import Scheme, load_scheme

from .conftest import ROOT, Site, guarded_context
from .journey import answer_everything, get_estimate

ANSWERS: dict[str, Any] = json.loads(
    (ROOT / "content" / "answers" / "example-answers.json").read_text(encoding="utf-8")
)

# Read in the page: the kept snapshot's cache name, its size and its SHA-256 header.
KEPT = """async () => {
  const kept = [];
  for (const name of await caches.keys()) {
    if (!name.startsWith("openras-memory-")) continue;
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      const body = await response.arrayBuffer();
      const sum = response.headers.get("X-OpenRAS-Snapshot-SHA256");
      kept.push({name, url: request.url, bytes: body.byteLength, sum});
    }
  }
  return kept;
}"""


@pytest.fixture(scope="module")
def scheme() -> Scheme:
    return load_scheme(ROOT / "content" / "schemes" / "example.toml")


@pytest.fixture
def visited(browser: Browser, site: Site) -> Iterator[tuple[BrowserContext, Page]]:
    """A first visit that has kept its snapshot."""
    site.outside.clear()
    context = guarded_context(browser, site)
    page = context.new_page()
    page.goto(site.url + "assessment/")
    root = page.locator("#openras")
    expect(root).to_have_attribute("data-started", "fresh", timeout=90_000)
    expect(root).to_have_attribute("data-snapshot", "kept", timeout=90_000)
    yield context, page
    context.close()
    assert site.outside == []


def result(page: Page, scheme: Scheme) -> str:
    answer_everything(page, scheme, ANSWERS)
    get_estimate(page)
    return page.locator(".openras-result").inner_text()


def open_again(context: BrowserContext, site: Site) -> Page:
    page = context.new_page()
    page.goto(site.url + "assessment/")
    expect(page.locator("#openras")).to_have_attribute("data-calculator", "ready", timeout=90_000)
    return page


def test_a_repeat_visit_starts_from_the_snapshot_and_gives_the_same_result(
    visited: tuple[BrowserContext, Page], site: Site, scheme: Scheme
) -> None:
    context, first = visited
    kept = first.evaluate(KEPT)
    assert len(kept) == 1 and kept[0]["url"].endswith("/runtime/memory-snapshot.bin"), kept
    assert 5_000_000 < kept[0]["bytes"] < 40_000_000
    fresh = result(first, scheme)

    again = open_again(context, site)
    expect(again.locator("#openras")).to_have_attribute("data-started", "snapshot")
    assert result(again, scheme) == fresh
    # Answering and estimating changed nothing kept: it was made before any answer.
    assert again.evaluate(KEPT) == kept


def test_a_damaged_snapshot_is_thrown_away_and_the_calculator_starts_as_usual(
    visited: tuple[BrowserContext, Page], site: Site, scheme: Scheme
) -> None:
    context, first = visited
    fresh = result(first, scheme)
    # One byte changed in the middle, the checksum left as it was.
    first.evaluate(
        """async () => {
          const name = (await caches.keys()).find((n) => n.startsWith("openras-memory-"));
          const cache = await caches.open(name);
          const [request] = await cache.keys();
          const response = await cache.match(request);
          const body = new Uint8Array(await response.arrayBuffer());
          body[body.length >> 1] ^= 0xff;
          await cache.put(request, new Response(body, {headers: response.headers}));
        }"""
    )
    again = open_again(context, site)
    expect(again.locator("#openras")).to_have_attribute("data-started", "fresh")
    # A new one is kept in its place, and the damaged one is gone.
    expect(again.locator("#openras")).to_have_attribute("data-snapshot", "kept", timeout=90_000)
    assert result(again, scheme) == fresh
    third = open_again(context, site)
    expect(third.locator("#openras")).to_have_attribute("data-started", "snapshot")


def test_a_snapshot_from_another_build_is_never_used_and_is_cleared(browser: Browser, site: Site, built: Path) -> None:
    site.outside.clear()
    context = guarded_context(browser, site)
    page = context.new_page()
    page.goto(site.url + "404.html")
    # A copy under another build's key, as a site update leaves behind.
    page.evaluate(
        """async () => {
          const cache = await caches.open("openras-memory-0123456789abcdef0123456789abcdef");
          await cache.put(new URL("runtime/memory-snapshot.bin", location.href), new Response(new Uint8Array(64)));
        }"""
    )
    page.goto(site.url + "assessment/")
    root = page.locator("#openras")
    expect(root).to_have_attribute("data-started", "fresh", timeout=90_000)
    expect(root).to_have_attribute("data-snapshot", "kept", timeout=90_000)
    names = [entry["name"] for entry in page.evaluate(KEPT)]
    key = json.loads((built / "runtime" / "boot.json").read_text(encoding="utf-8"))["snapshot"]
    assert names == [f"openras-memory-{key}"]
    context.close()
    assert site.outside == []
