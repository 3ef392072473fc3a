"""The Welsh pages: in Welsh (`lang="cy"`, Material's words and the site's own from
site/locale/cy.po), each linked to its English counterpart and back, with a navigation
of their own, and no English string of the site's catalogue left on them."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, expect

from ras_core import Scheme, web

from .conftest import ROOT, Site
from .journey import answer_everything, get_estimate
from .test_accessibility import axe

sys.path.insert(0, str(ROOT / "site"))
import site_strings


def english_left(text: str) -> list[str]:
    """The site's strings whose English (without its tags; a placeholder matches
    anything) is in `text` although the string has a Welsh translation."""
    left = []
    for made in site_strings.messages():
        entry = site_strings.catalogue("cy").find(made.msgid)
        if entry is None or not entry.translated or entry.strings[0] == made.msgid:
            continue
        plain = re.sub(r"<[^>]+>", "", made.msgid)
        if len(re.sub(r"\{[^}]*\}", "", plain).split()) < 3:
            continue  # a word or two ("Back", "January") is also in names and titles
        pattern = ".+?".join(re.escape(part) for part in re.split(r"\{[^}]*\}", plain))
        if re.search(pattern, text):
            left.append(made.msgid)
    return left


def test_the_welsh_home_page_is_in_welsh_with_no_english_string_of_the_site_left(page: Page, site: Site) -> None:
    page.goto(site.url + "cy/")
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(page.locator("h1")).to_have_text("Eich cyllideb bersonol")
    text = page.locator("body").inner_text()
    assert english_left(text) == []
    assert "Adolygwyd ddiwethaf: 3 Rhagfyr 2026." in text
    assert "Ffynhonnell: Care and support statutory guidance, paragraph 11.24, gwiriwyd 23 Tachwedd 2026." in text
    # The check would find an English string: the English home page has them.
    page.goto(site.url)
    assert english_left(page.locator("body").inner_text())


def test_the_welsh_page_has_its_own_navigation(page: Page, site: Site) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site.url + "cy/")
    navigation = page.locator("nav.md-nav--primary").inner_text()
    assert "Amcangyfrif eich cyllideb bersonol" in navigation and "Geirfa" in navigation
    assert "Estimate your budget" not in navigation and "Glossary" not in navigation
    page.goto(site.url)
    assert "Geirfa" not in page.locator("nav.md-nav--primary").inner_text()


def test_each_page_links_to_its_counterpart_in_the_other_language(page: Page, site: Site) -> None:
    page.goto(site.url)
    welsh = page.locator(".openras-language a[lang]")
    expect(welsh).to_have_attribute("lang", "cy")
    expect(welsh).to_have_attribute("hreflang", "cy")
    expect(page.locator('link[rel="alternate"][hreflang="cy"]')).to_have_count(1)
    welsh.click()
    expect(page).to_have_url(site.url + "cy/")
    english = page.locator(".openras-language a[lang]")
    expect(english).to_have_attribute("lang", "en")
    expect(english).to_have_accessible_name("English: read this page in English")
    english.click()
    expect(page).to_have_url(site.url)
    # The assessment too: the same answers' page in the other language.
    page.goto(site.url + "assessment/")
    page.locator(".openras-language a[lang]").click()
    expect(page).to_have_url(site.url + "cy/assessment/")
    expect(page.get_by_role("heading", name="Amcangyfrif eich cyllideb bersonol", level=1)).to_be_visible()
    # A page with no Welsh version (Easy Read is in English) has no link to one.
    page.goto(site.url + "easy/")
    expect(page.locator(".openras-language a[lang]")).to_have_count(0)


def test_the_first_tab_on_a_welsh_page_is_the_skip_link_in_welsh(page: Page, site: Site) -> None:
    page.goto(site.url + "cy/")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Neidio i'r cynnwys")
    # The link to the English page is in the keyboard's order, before the content.
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.closest('.openras-language') !== null"):
            break
    expect(page.locator(":focus")).to_have_accessible_name("English: read this page in English")


def test_a_welsh_journey_gives_the_same_band_as_the_english_one_in_welsh_words(
    page: Page, site: Site, example: Scheme
) -> None:
    readme_answers = json.loads((ROOT / "content" / "answers" / "example-answers.json").read_text(encoding="utf-8"))
    bands = {}
    for lang, path in (("en", "assessment/"), ("cy", "cy/assessment/")):
        page.goto(site.url + path)
        answer_everything(page, example, readme_answers, lang)
        get_estimate(page, lang)
        bands[lang] = page.locator(".openras-panel__band").inner_text()
    assert bands == {
        "en": "Your indicative budget: £150 to £175 a week",
        "cy": "Eich cyllideb ddangosol: £150 i £175 yr wythnos",
    }
    # Every line of the result is the core's, in Welsh, as `ras estimate --lang cy` says it.
    assert reply_ok(web.load_scheme_text((ROOT / "content" / "schemes" / "example.toml").read_text(encoding="utf-8")))
    lines = reply_ok(web.estimate_json(json.dumps(readme_answers), "cy"))["words"]["lines"]
    text = page.locator(".openras-result").inner_text()
    for line in lines:
        assert line["text"] in text, line["text"]
    assert english_left(page.locator("body").inner_text()) == []
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    assert axe(page) == []
    # The law's facts (content/nations/) are said in their Welsh.
    said = page.locator("body").inner_text()
    for english in nation_texts("england"):
        assert english not in said, english


def nation_texts(nation: str) -> list[str]:
    """The English of each text of a nation's facts that a page shows and that has its Welsh beside it (and is not
    part of it)."""
    from site_content import load_nation

    found = []
    for fact in load_nation(nation).values():
        if isinstance(fact, dict):
            found += [
                value
                for key, value in fact.items()
                # Not a name its Welsh gives in brackets, "Deddf Gofal 2014 (Care Act 2014)".
                if key != "label" and isinstance(value, str) and f"{key}_cy" in fact and value not in fact[f"{key}_cy"]
            ]
    return found


def reply_ok(text: str) -> dict[str, Any]:
    data = json.loads(text)
    assert data["ok"], data
    return dict(data)


def welsh_pages(built: Path) -> list[str]:
    return sorted(
        str(p.parent.relative_to(built)) + "/"
        for p in (built / "cy").rglob("index.html")
        if "assessment" not in p.parts
    )


def test_every_welsh_page_is_in_welsh(page: Page, site: Site, built: Path) -> None:
    paths = welsh_pages(built)
    assert len(paths) >= 10, paths
    left = {}
    for path in paths:
        page.goto(site.url + path)
        expect(page.locator("html")).to_have_attribute("lang", "cy")
        # Not the titles of the sources cited, which are as published.
        said = re.sub(r"Ffynhonnell: [^\n]*", "", page.locator("body").inner_text())
        found = english_left(said) + [text for text in nation_texts("england") if text in said]
        if found:
            left[path] = found
        # Each links back to its English page.
        if page.locator('.openras-language a[hreflang="en"][lang="en"]').count() != 1:
            left[path] = ["no link to its English page"]
    assert left == {}


def test_the_welsh_assessment_start_has_no_axe_violations(page: Page, site: Site) -> None:
    page.goto(site.url + "cy/assessment/")
    assert axe(page) == []


def test_the_welsh_pay_step_asks_its_questions_in_welsh(page: Page, site: Site, example: Scheme) -> None:
    readme_answers = json.loads((ROOT / "content" / "answers" / "example-answers.json").read_text(encoding="utf-8"))
    page.goto(site.url + "cy/assessment/")
    answer_everything(page, example, readme_answers, "cy")
    get_estimate(page, "cy")
    page.get_by_role("link", name="Amcangyfrif beth allech chi ei dalu").click()
    charging = ROOT / "content" / "charging"
    assert reply_ok(web.load_scheme_text((ROOT / "content" / "schemes" / "example.toml").read_text(encoding="utf-8")))
    asked = reply_ok(
        web.contribution_questions_json(
            (charging / "england.toml").read_text(encoding="utf-8"),
            (charging / "council.toml").read_text(encoding="utf-8"),
            "cy",
        )
    )["questions"]
    questions = page.locator(".openras-pay__questions")
    expect(questions.get_by_text(asked[0]["text"], exact=True)).to_be_visible(timeout=60_000)
    assert english_left(page.locator("#pay").inner_text()) == []
