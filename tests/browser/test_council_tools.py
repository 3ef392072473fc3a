"""The council tools page: calibrate in the browser, with nothing leaving the computer."""

from __future__ import annotations

import json
import re
from pathlib import Path

from playwright.sync_api import Browser, Request, expect

from .conftest import ROOT, Site, guarded_context
from .test_accessibility import axe

SAMPLE = ROOT / "content" / "calibration" / "example-sample.csv"


def test_calibrate_in_the_browser_without_sending_the_cases(browser: Browser, site: Site) -> None:
    context = guarded_context(browser, site)
    page = context.new_page()
    requests: list[Request] = []
    page.on("request", lambda request: requests.append(request))
    page.goto(site.url + "council-tools/")
    expect(page.locator("#openras-tools")).to_have_attribute("data-calculator", "ready", timeout=90_000)
    page.locator("#cases-file").set_input_files(str(SAMPLE))
    page.locator("#contingency").fill("5")
    page.get_by_role("button", name="Calibrate").click()
    result = page.locator(".openras-tools-result")
    expect(result).to_be_visible(timeout=60_000)
    expect(page.locator(".openras-tools-status")).to_contain_text("240 cases used")
    report = page.locator(".openras-tools-report-body")
    expect(report).to_contain_text("Rate per point (rounded to 4 decimal places)")
    expect(report.get_by_role("row", name="Rate per point (rounded to 4 decimal places)")).to_contain_text("£5.1207")
    expect(report.get_by_role("row", name="Contingency (5%), a separate sum")).to_contain_text("£2,351.17")
    expect(report.locator('svg[role="img"]').first).to_be_visible()

    with page.expect_download() as scheme_file:
        page.get_by_role("button", name="Download the new scheme file").click()
    toml = Path(scheme_file.value.path()).read_text(encoding="utf-8")
    assert 'version = "2026.2"' in toml and "value = 5.1207" in toml
    with page.expect_download() as report_file:
        page.get_by_role("button", name="Download the report").click()
    assert Path(report_file.value.path()).read_text(encoding="utf-8").startswith("<!doctype html>")

    assert axe(page) == []
    # Nothing carried the cases anywhere: only GETs for the site's own files.
    sample = SAMPLE.read_text(encoding="utf-8")
    for request in requests:
        assert request.method == "GET", request.url
        assert request.post_data is None
        assert "C0001" not in request.url and sample[:200] not in request.url
    assert site.outside == []
    context.close()


def test_a_bad_cases_file_says_what_is_wrong(browser: Browser, site: Site, tmp_path: Path) -> None:
    context = guarded_context(browser, site)
    page = context.new_page()
    page.goto(site.url + "council-tools/")
    bad = tmp_path / "cases.csv"
    bad.write_text("case_id;points;current_weekly_cost\nA;1;2\n", encoding="utf-8")
    page.locator("#cases-file").set_input_files(str(bad))
    page.get_by_role("button", name="Calibrate").click()
    summary = page.locator(".openras-error-summary")
    expect(summary).to_be_visible(timeout=90_000)
    expect(summary).to_contain_text("The columns are separated by semicolons (;), not commas.")
    expect(summary).to_be_focused()
    expect(page.locator(".openras-tools-result")).to_be_hidden()
    latin = tmp_path / "latin.csv"
    latin.write_bytes("case_id,points,current_weekly_cost\nA,1,caf\xe9\n".encode("latin-1"))
    page.locator("#cases-file").set_input_files(str(latin))
    page.get_by_role("button", name="Calibrate").click()
    expect(summary).to_contain_text("The file is not UTF-8 text.")
    context.close()


def test_the_template_is_published(built: Path) -> None:
    template = (built / "calibration" / "cases-template.csv").read_text(encoding="utf-8")
    assert template.splitlines()[0].startswith("case_id,care_group,age_band,washing")
    assert json.loads((built / "offline.json").read_text(encoding="utf-8"))["shell"].count("council-tools/") == 1


def test_small_groups_are_too_few_to_judge(browser: Browser, site: Site) -> None:
    context = guarded_context(browser, site)
    page = context.new_page()
    page.goto(site.url + "council-tools/")
    page.locator("#cases-file").set_input_files(str(SAMPLE))
    page.get_by_label("Minimum group size").fill("1000")
    page.get_by_role("button", name="Calibrate").click()
    report = page.locator(".openras-tools-report-body")
    expect(report).to_contain_text("too few to judge (fewer than 1,000 cases)", timeout=60_000)
    page.get_by_label("Minimum group size").fill("0")
    page.get_by_role("button", name="Calibrate").click()
    expect(page.locator(".openras-tools-form .openras-error-summary")).to_contain_text("Minimum group size")
    context.close()


def test_the_welsh_council_tools_give_the_report_and_problems_in_welsh(
    browser: Browser, site: Site, tmp_path: Path
) -> None:
    context = guarded_context(browser, site)
    page = context.new_page()
    page.goto(site.url + "cy/council-tools/")
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(page.locator("#openras-tools")).to_have_attribute("data-calculator", "ready", timeout=90_000)
    page.locator("#cases-file").set_input_files(str(SAMPLE))
    page.get_by_role("button", name="Graddnodi").click()
    report = page.locator(".openras-tools-report-body")
    expect(report).to_be_visible(timeout=60_000)
    row = report.get_by_role("row", name="Cyfradd fesul pwynt (wedi'i dalgrynnu i 4 lle degol)")
    expect(row).to_contain_text("£5.1207")
    expect(report).not_to_contain_text("Rate per point")
    chart = re.compile(r"^Pwyntiau yn erbyn y gost wythnosol bresennol Mae pob dot yn achos: ")
    expect(report.locator('svg[role="img"]').first).to_have_accessible_name(chart)
    with page.expect_download() as report_file:
        page.get_by_role("button", name="Lawrlwytho'r adroddiad").click()
    assert '<html lang="cy">' in Path(report_file.value.path()).read_text(encoding="utf-8")
    assert axe(page) == []
    bad = tmp_path / "cases.csv"
    bad.write_text("case_id;points;current_weekly_cost\nA;1;2\n", encoding="utf-8")
    page.locator("#cases-file").set_input_files(str(bad))
    page.locator("#min-group-size").fill("0")
    page.get_by_role("button", name="Graddnodi").click()
    summary = page.locator(".openras-error-summary")
    expect(summary).to_contain_text('Maint lleiaf grŵp: mae "0" y tu allan i\'r ystod', timeout=30_000)
    expect(summary).not_to_contain_text("out of range")
    context.close()
