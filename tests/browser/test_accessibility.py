"""axe-core's WCAG 2.2 A and AA rules on every page, in light and dark, wide and at 390 px;
reflow at 320 px; focus always visible."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from ras_core import load_scheme

from .conftest import ROOT, Site, guarded_context
from .journey import WORDS, answer_everything, get_estimate

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
README_ANSWERS = json.loads((ROOT / "content" / "answers" / "example-answers.json").read_text(encoding="utf-8"))
SCHEME = load_scheme(ROOT / "content" / "schemes" / "example.toml")


def axe(page: Page) -> list[str]:
    """axe's violations on the page as it is now, one line each."""
    page.add_script_tag(path=str(AXE))
    result: dict[str, Any] = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {', '.join(n['target'][0] for n in v['nodes'][:3])}"
        for v in result["violations"]
    ]


def guidance_pages(built: Path) -> list[str]:
    return sorted(
        str(p.parent.relative_to(built)).replace(".", "") + "/"
        for p in built.rglob("index.html")
        if "assessment" not in p.parts
    )


def at_start(page: Page) -> None:
    pass


def at_error(page: Page) -> None:
    page.get_by_role("link", name="Start now").click()
    page.locator("#step-1").get_by_role("button", name="Continue").click()
    expect(page.locator("#step-1 .openras-error-summary")).to_be_visible()


def at_check(page: Page) -> None:
    answer_everything(page, SCHEME, README_ANSWERS)


def at_result(page: Page) -> None:
    answer_everything(page, SCHEME, README_ANSWERS)
    get_estimate(page)


def at_helpers(page: Page) -> None:
    """An area where someone helps: whether they are willing is asked there."""
    answer_everything(page, SCHEME, README_ANSWERS)
    page.goto(page.url.split("#")[0] + "#step-1")
    expect(page.locator('#step-1 [data-willing-for="personal-care"]')).to_be_visible()


def at_hovered_link(page: Page) -> None:
    """A link under the pointer takes Material's accent colour, which must contrast too."""
    at_check(page)
    page.locator("#check .openras-summary__actions a").first.hover()
    page.wait_for_timeout(500)  # past the colour's transition


def at_guided(page: Page) -> None:
    page.goto(page.url.split("#")[0] + "?mode=guided#step-1")
    expect(page.locator("#step-1 .openras-guide").first).to_be_visible()


def at_idle_warning(page: Page) -> None:
    page.clock.install()
    page.goto(page.url.split("#")[0] + "?mode=guided#step-1")
    page.clock.run_for("15:01")
    expect(page.locator(".openras-idle")).to_be_visible()


STATES: dict[str, Callable[[Page], None]] = {
    "guided session": at_guided,
    "idle warning": at_idle_warning,
    "start": at_start,
    "question with errors": at_error,
    "unpaid help": at_helpers,
    "check your answers": at_check,
    "a hovered link": at_hovered_link,
    "result": at_result,
}
VIEWS = {
    "light": {"color_scheme": "light", "viewport": {"width": 1280, "height": 900}},
    "dark": {"color_scheme": "dark", "viewport": {"width": 1280, "height": 900}},
    "390px": {"color_scheme": "light", "viewport": {"width": 390, "height": 844}},
}


@pytest.mark.parametrize("view", VIEWS)
def test_guidance_pages_have_no_axe_violations(browser: Browser, site: Site, built: Path, view: str) -> None:
    context = guarded_context(browser, site, **VIEWS[view])
    page = context.new_page()
    found = {}
    for path in guidance_pages(built):
        page.goto(site.url + path.lstrip("/"))
        found[path] = axe(page)
    context.close()
    assert {path: v for path, v in found.items() if v} == {}
    assert len(found) >= 3


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("state", STATES)
def test_assessment_has_no_axe_violations(browser: Browser, site: Site, view: str, state: str) -> None:
    context = guarded_context(browser, site, **VIEWS[view])
    page = context.new_page()
    page.goto(site.url + "assessment/")
    STATES[state](page)
    violations = axe(page)
    context.close()
    assert violations == []


@pytest.mark.parametrize("path", ["", "assessment/", "method/", "assessment/#step-1"])
def test_content_reflows_at_320px_without_horizontal_scrolling(browser: Browser, site: Site, path: str) -> None:
    context = guarded_context(browser, site, viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(site.url + path)
    if path == "assessment/":
        at_result(page)
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    context.close()
    assert widths[0] <= widths[1], f"page is {widths[0]} px wide in a {widths[1]} px window"


def test_focus_is_always_visible(browser: Browser, site: Site) -> None:
    """Every element reached by Tab on a question step shows a focus indicator."""
    context = guarded_context(browser, site)
    page = context.new_page()
    page.goto(site.url + "assessment/#step-1")
    unseen = []
    for _ in range(40):  # the step, the footer, and round again through the header
        page.keyboard.press("Tab")
        shown = page.evaluate(
            """() => {
                const el = document.activeElement;
                const style = getComputedStyle(el);
                if (el === document.body) return ["the browser's own controls", true];
                // A radio shows its focus on its label (OpenRAS's ring, or the theme's icon).
                const label = el.id && document.querySelector(`label[for="${el.id}"]`);
                const visible = (s) => s && ((s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0)
                    || (s.boxShadow && s.boxShadow !== "none"));
                const onLabel = label && (visible(getComputedStyle(label))
                    || visible(getComputedStyle(label, "::before")));
                const shown = visible(style) || style.backgroundColor === "rgb(255, 221, 0)" || onLabel;
                const name = el.tagName + (el.id ? "#" + el.id : "");
                return [name + " " + (el.textContent || "").trim().slice(0, 30), Boolean(shown)];
            }"""
        )
        if not shown[1]:
            unseen.append(shown[0])
    context.close()
    assert unseen == []


def test_reduced_motion_is_respected(browser: Browser, site: Site) -> None:
    context = guarded_context(browser, site, reduced_motion="reduce")
    page = context.new_page()
    page.goto(site.url + "assessment/")
    motion = page.evaluate(
        """() => [...document.querySelectorAll('.md-button, a, .md-header')].map((el) => {
            const s = getComputedStyle(el);
            return [s.transitionDuration, s.animationName, getComputedStyle(document.documentElement).scrollBehavior];
        })"""
    )
    context.close()
    assert motion
    for transition, animation, scroll in motion:
        assert set(transition.replace(" ", "").split(",")) <= {"0s"}, transition
        assert animation == "none"
        assert scroll == "auto"


# The Welsh and Easy Read assessments: the same page in other words, checked in each
# state a person passes through, on a phone and in dark mode on a desktop.
VARIANTS = {"Welsh": ("cy/assessment/", "cy"), "Easy Read": ("easy/assessment/", "en")}


def _walk(page: Page, state: str, lang: str) -> None:
    words = WORDS[lang]
    if state == "question with errors":
        page.get_by_role("link", name=words["start"]).click()
        page.locator("#step-1").get_by_role("button", name=words["continue"]).click()
        expect(page.locator("#step-1 .openras-error-summary")).to_be_visible()
    elif state in ("check your answers", "result"):
        answer_everything(page, SCHEME, README_ANSWERS, lang)
        if state == "result":
            get_estimate(page, lang)


@pytest.mark.parametrize("view", ["390px", "dark"])
@pytest.mark.parametrize("state", ["start", "question with errors", "check your answers", "result"])
@pytest.mark.parametrize("variant", VARIANTS)
def test_the_welsh_and_easy_read_assessments_have_no_axe_violations(
    browser: Browser, site: Site, variant: str, state: str, view: str
) -> None:
    path, lang = VARIANTS[variant]
    context = guarded_context(browser, site, **VIEWS[view])
    page = context.new_page()
    page.goto(site.url + path)
    _walk(page, state, lang)
    violations = axe(page)
    context.close()
    assert violations == []
