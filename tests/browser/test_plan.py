"""Cost your support plan in the browser: from the result to the plan (the band carried
in the address's fragment, never the query string), add lines, cost them with the core
in the Web Worker (the same figures and words as `ras plan`), download, save and reload,
a bad file named with what is wrong, and a one-page print for a panel."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from ras_core.plan.output import run_plan

from .conftest import ROOT, Site, guarded_context
from .test_accessibility import VIEWS, axe

README_ANSWERS: dict[str, Any] = json.loads(
    (ROOT / "content" / "answers" / "example-answers.json").read_text(encoding="utf-8")
)


def from_the_result(page: Page, site: Site) -> None:
    """The example answers uploaded, the estimate got, and the result's link followed."""
    page.goto(site.url + "assessment/")
    expect(page.locator("#openras")).to_have_attribute("data-calculator", "ready", timeout=90_000)
    page.locator("#upload-start").set_input_files(
        {"name": "answers.json", "mimeType": "application/json", "buffer": json.dumps(README_ANSWERS).encode()}
    )
    page.get_by_role("button", name="Get my estimate").click()
    expect(page.locator(".openras-result")).to_be_visible(timeout=90_000)
    link = page.get_by_role("link", name="Cost a support plan with this budget")
    href = link.get_attribute("href") or ""
    carried = "#low=150.00&high=175.00&period=week&scheme=example&council=Example+Council"
    assert "?" not in href and href.endswith(carried), href
    link.click()
    expect(page.get_by_role("heading", name="Cost your support plan", level=1)).to_be_visible()


def add_line(page: Page, kind: str) -> Any:
    page.locator("#plan-add-kind").select_option(kind)
    page.get_by_role("button", name="Add this line").click()
    return page.locator(".openras-plan-line").last


def build_the_plan(page: Page) -> None:
    page.locator("#plan-date").fill("2026-11-23")
    page.locator("#plan-for").fill("Sam Example")
    page.locator("#plan-outcomes").fill("Washing and dressing each morning\nGoing to my art group")
    page.locator("#plan-reasons").fill("One PA I know, for my mornings.")
    pa = add_line(page, "pa")
    pa.get_by_label("What you call it").fill("Morning PA")
    pa.locator("fieldset", has_text="Hours a week").get_by_label("Weekday daytime").fill("20")
    pa.locator("fieldset", has_text="Pay an hour").get_by_label("Weekday daytime").fill("13.00")
    agency = add_line(page, "agency")
    agency.locator("fieldset", has_text="Hours a week").get_by_label("Weekends").fill("2")
    removed = add_line(page, "one_off")
    removed.get_by_role("button", name="Remove this line").click()
    expect(page.locator(".openras-plan-line")).to_have_count(2)
    add_line(page, "insurance")
    add_line(page, "support_service")
    page.get_by_role("button", name="Work out the costs").click()
    expect(page.locator(".openras-plan-result")).to_be_visible(timeout=90_000)


def page_lines(page: Page) -> list[str]:
    return [t.strip() for t in page.locator(".openras-plan-voice [data-slot]").all_inner_texts()]


def test_result_to_plan_to_print(page: Page, site: Site, tmp_path: Path) -> None:
    from_the_result(page, site)
    expect(page.locator("#plan-low")).to_have_value("150.00")
    expect(page.locator("#plan-high")).to_have_value("175.00")
    build_the_plan(page)
    voice = page.locator(".openras-plan-voice")
    # 20 × £13.00 = £260.00; holiday £31.38; NI £29.31; pension £5.14: £325.83 a week
    expect(voice).to_contain_text("Personal assistant: Morning PA: £325.83 a week, £16,943.16 a year.")
    expect(voice).to_contain_text("£55.00 a week, £2,860.00 a year.")
    expect(voice).to_contain_text("What to bring to the council")

    # The downloaded plan costs the same with `ras plan`, line for line.
    with page.expect_download() as info:
        page.get_by_role("button", name="Download the plan").click()
    saved = tmp_path / "plan.json"
    saved.write_text(Path(info.value.path()).read_text(encoding="utf-8"), encoding="utf-8")
    costed = json.loads(run_plan(str(saved), None, None, True))
    assert costed["weekly_total"] == "360.17" and costed["yearly_total"] == "18729.04"
    assert costed["plan"]["result"] == {
        "council": "Example Council",
        "scheme": "example",
        "band": {"low": "150.00", "high": "175.00", "period": "week"},
    }
    shown = " ".join(page_lines(page))
    for word in costed["words"]:
        assert word["text"] in shown, word

    page.emulate_media(media="print")
    for hidden in [".md-header", ".openras-plan-form", ".openras-plan-detail", ".openras-plan-actions"]:
        expect(page.locator(hidden).first).to_be_hidden()
    for visible in ["Costed support plan for Sam Example", "Going to my art group", "One PA I know, for my mornings."]:
        expect(page.get_by_text(visible, exact=True)).to_be_visible()
    expect(page.locator('[data-slot="total"]')).to_be_visible()
    expect(page.locator('[data-slot="position"]')).to_be_visible()
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1  # one page a panel can read


def test_save_on_this_device_and_carry_on(page: Page, site: Site) -> None:
    from_the_result(page, site)
    build_the_plan(page)
    total = page.locator('[data-slot="total"]').inner_text()
    page.get_by_role("button", name="Save on this device").click()
    page.goto(site.url + "plan/")
    page.get_by_role("button", name="Use my saved plan").click()
    expect(page.locator('[data-slot="total"]')).to_have_text(total, timeout=90_000)
    expect(page.locator("#plan-for")).to_have_value("Sam Example")
    page.get_by_role("button", name="Forget it").click()
    page.goto(site.url + "plan/")
    expect(page.get_by_role("button", name="Use my saved plan")).to_be_hidden()


def test_a_guided_session_keeps_nothing(page: Page, site: Site) -> None:
    from_the_result(page, site)
    build_the_plan(page)
    page.get_by_role("button", name="Save on this device").click()
    page.goto(site.url + "plan/?mode=guided")
    expect(page.get_by_role("heading", name="Cost your support plan", level=1)).to_be_visible()
    expect(page.get_by_role("button", name="Use my saved plan")).to_be_hidden()
    expect(page.get_by_role("button", name="Save on this device")).to_be_hidden()
    page.goto(site.url + "plan/")
    expect(page.get_by_role("button", name="Use my saved plan")).to_be_hidden()


def test_bad_files_and_bad_lines_are_named(page: Page, site: Site) -> None:
    page.goto(site.url + "plan/")
    field = page.locator("#plan-upload")
    field.set_input_files({"name": "plan.json", "mimeType": "application/json", "buffer": b"{not json"})
    expect(page.locator(".openras-upload .openras-error-summary")).to_contain_text("it is not JSON")
    deep = '{"lines": ' + "[" * 50 + "]" * 50 + "}"
    field.set_input_files({"name": "plan.json", "mimeType": "application/json", "buffer": deep.encode()})
    expect(page.locator(".openras-upload .openras-error-summary")).to_contain_text("not a plan from this site")
    page.locator("#plan-low").fill("150")
    pa = add_line(page, "pa")
    pa.locator("fieldset", has_text="Hours a week").get_by_label("Weekday daytime").fill("20")
    page.get_by_role("button", name="Work out the costs").click()
    problems = page.locator(".openras-plan-problems")
    expect(problems).to_be_visible(timeout=90_000)
    expect(problems).to_contain_text(
        "Missing; expected pounds an hour for the 20 hours given (at lines[0].rates.weekday)."
    )


PLAN_VIEWS = {**VIEWS, "320px": {"color_scheme": "light", "viewport": {"width": 320, "height": 640}}}


@pytest.mark.parametrize("view", PLAN_VIEWS)
def test_the_costed_plan_has_no_axe_violations_and_reflows(browser: Browser, site: Site, view: str) -> None:
    context = guarded_context(browser, site, **PLAN_VIEWS[view])
    page = context.new_page()
    from_the_result(page, site)
    build_the_plan(page)
    violations = axe(page)
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    context.close()
    assert violations == []
    assert widths[0] <= widths[1], f"page is {widths[0]} px wide in a {widths[1]} px window"


def test_the_plan_page_works_under_the_shipped_policy(browser: Browser, built: Path) -> None:
    import build

    from .conftest import serve
    from .test_security import watch

    running = serve(built, headers=build.SECURITY_HEADERS)
    try:
        context = guarded_context(browser, running)
        page = context.new_page()
        complaints = watch(page)
        response = page.goto(running.url + "plan/#low=150.00&high=175.00&period=week")
        assert response is not None and response.headers["content-security-policy"] == build.CSP
        plan = (ROOT / "content" / "plans" / "example-plan.json").read_bytes()
        page.locator("#plan-upload").set_input_files(
            {"name": "plan.json", "mimeType": "application/json", "buffer": plan}
        )
        expect(page.locator('[data-slot="total"]')).to_have_text(
            "Total: £212.11 a week, £11,029.82 a year.", timeout=90_000
        )
        context.close()
        assert complaints == [] and running.outside == []
    finally:
        running.server.shutdown()
