"""Every page starts with a "Skip to content" link that takes the keyboard past the navigation."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .conftest import Site

PAGES = ["", "assessment/", "method/", "review/", "council-tools/", "personal-budgets/", "disagree/", "hosting/"]


def test_every_built_page_is_in_the_list_or_has_the_same_template(built: Path) -> None:
    pages = {str(p.parent.relative_to(built)) + "/" for p in built.glob("*/index.html")}
    # The pages not listed are guidance pages, made like the ones that are.
    assert {"assessment/", "review/", "council-tools/", "method/"} <= pages


@pytest.mark.parametrize("path", PAGES)
def test_the_first_tab_is_a_skip_link_to_the_content(page: Page, site: Site, path: str) -> None:
    page.goto(site.url + path)
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    expect(skip).to_have_text("Skip to content")
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    # The next Tab goes to something in the content, not to the header's links.
    page.keyboard.press("Tab")
    assert page.evaluate("() => Boolean(document.activeElement.closest('.md-content'))"), page.evaluate(
        "() => document.activeElement.outerHTML.slice(0, 120)"
    )
