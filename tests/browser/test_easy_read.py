"""Easy Read: reachable from every page, an assessment that asks each question in its
Easy Read wording and gives the same band, with a short working and the full one a
click away, and free of axe violations."""

from __future__ import annotations

import json
from pathlib import Path

from playwright.sync_api import Page, expect

from ras_core import Scheme

from .conftest import ROOT, Site
from .journey import answer_everything, get_estimate
from .test_accessibility import axe

README_ANSWERS = json.loads((ROOT / "content" / "answers" / "example-answers.json").read_text(encoding="utf-8"))


def test_every_page_links_to_easy_read(page: Page, site: Site, built: Path) -> None:
    paths = sorted(str(p.parent.relative_to(built)).replace(".", "") + "/" for p in built.rglob("index.html"))
    missing = []
    for path in paths:
        page.goto(site.url + path.lstrip("/"))
        if page.locator("a.openras-language__easy").count() != 1:
            missing.append(path)
    assert missing == []
    page.goto(site.url + "spending/")
    page.locator("a.openras-language__easy").click()
    expect(page).to_have_url(site.url + "easy/spending/")
    page.locator("a.openras-language__easy").click()
    expect(page).to_have_url(site.url + "spending/")


def test_the_easy_read_assessment_asks_in_easy_read_and_gives_the_same_band(
    page: Page, site: Site, example: Scheme
) -> None:
    page.goto(site.url + "easy/assessment/")
    expect(page.locator(".openras.openras-easy")).to_have_count(1)
    answer_everything(page, example, README_ANSWERS)
    washing = next(q for _, q in example.questions() if q.id == "washing")
    assert washing.text_easy
    expect(page.get_by_text(washing.text_easy, exact=True).first).to_be_attached()
    get_estimate(page)
    expect(page.locator(".openras-panel__band")).to_have_text("Your indicative budget: £150 to £175 a week")
    short = page.locator(".openras-voice--short li")
    expect(short).to_have_count(3)
    expect(short.nth(1)).to_contain_text("32 points × £5.12 a point = £163.84 a week.")
    # The full working is there, a click away.
    details = page.locator("details.openras-full-working")
    expect(details).not_to_have_attribute("open", "")
    details.locator("summary").click()
    expect(details.locator(".openras-working li").first).to_be_visible()
    assert details.locator(".openras-working li").count() > 3
    assert axe(page) == []


def test_the_easy_read_assessment_start_has_no_axe_violations(page: Page, site: Site) -> None:
    page.goto(site.url + "easy/assessment/")
    assert axe(page) == []
