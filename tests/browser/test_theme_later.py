"""On the assessment page, Material's script is loaded only when someone reaches for the
header (site/assets/openras/theme-later.js): the page opens without it, follows the
device's light or dark setting at once, and the search and the palette switch work as
soon as someone uses them, by mouse or by keyboard."""

from __future__ import annotations

from playwright.sync_api import Browser, Request, expect

from .conftest import Site, guarded_context

BUNDLE = "/assets/javascripts/bundle."


def test_a_page_opens_without_materials_script_and_search_works_when_reached(browser: Browser, site: Site) -> None:
    site.outside.clear()
    context = guarded_context(browser, site, viewport={"width": 1280, "height": 800})
    requested: list[str] = []
    # The page's own requests: the service worker also keeps a copy of Material's script.
    context.on("request", lambda made: requested.append(made.url) if made.service_worker is None else None)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site.url + "assessment/")
    expect(page.locator("#openras")).to_have_attribute("data-calculator", "ready", timeout=90_000)
    assert not any(BUNDLE in url for url in requested)

    search = page.get_by_role("textbox", name="Search")
    with page.expect_request(lambda made: BUNDLE in made.url):
        search.click()
    search.fill("direct payment")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)
    assert errors == []
    context.close()
    assert site.outside == []


def test_the_keyboard_reaches_search_too(browser: Browser, site: Site) -> None:
    context = guarded_context(browser, site, viewport={"width": 390, "height": 844})
    page = context.new_page()
    loaded: list[Request] = []
    page.on("request", lambda made: loaded.append(made) if BUNDLE in made.url else None)
    page.goto(site.url + "assessment/")
    expect(page.get_by_role("heading", level=1).first).to_be_visible()
    assert loaded == []
    page.keyboard.press("/")
    search = page.get_by_role("textbox", name="Search")
    expect(search).to_be_focused(timeout=10_000)
    page.keyboard.type("direct payment")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)
    assert len(loaded) == 1
    context.close()


def test_the_palette_switch_works_before_and_after_materials_script(browser: Browser, site: Site) -> None:
    context = guarded_context(browser, site, color_scheme="light")
    page = context.new_page()
    page.goto(site.url + "assessment/")
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    page.get_by_title("Switch to dark mode").click()  # this click also loads Material
    expect(body).to_have_attribute("data-md-color-scheme", "slate", timeout=10_000)
    page.get_by_title("Switch to light mode").click()
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    context.close()


def test_the_palette_follows_a_dark_device_without_materials_script(browser: Browser, site: Site) -> None:
    context = guarded_context(browser, site, color_scheme="dark")
    context.route(f"**{BUNDLE}*", lambda route: route.abort())
    page = context.new_page()
    page.goto(site.url + "assessment/")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.emulate_media(color_scheme="light")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    context.close()
