"""Estimate what you might pay: the optional step after the result, walked in Chromium.

In the England build a person answers the money questions (skipping one with "I'd
rather not say"), and the page shows, line for line, what the core says for the same
answers on the same day (`ras contribution`); the answers are saved in the downloaded
file and come back from it; a problem is listed, never a traceback. The Scotland and
Wales builds carry their own rules, and the step passes axe in each.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from ras_core import load_scheme
from ras_core.contribution.run import from_files
from ras_core.contribution.words import lines

from .conftest import ROOT, Site, guarded_context, serve
from .journey import answer_everything, get_estimate
from .test_accessibility import axe

EXAMPLE = ROOT / "content" / "schemes" / "example.toml"
README_ANSWERS: dict[str, Any] = json.loads(
    (ROOT / "content" / "answers" / "example-answers.json").read_text(encoding="utf-8")
)
MONEY = {
    "age": "pension",
    "savings": "lower-to-middle",
    "income": {
        "earnings": "0",
        "state_pension": "230.25",
        "private_pension": "60.00",
        "pension_credit": "0",
        "benefits": "0",
        "care_benefit": "110.40",
        "mobility": "0",
        "other": "0",
    },
    "care_rate": "higher",
    "housing": "20.00",
    "disability_costs": "not_said",
}

READ_LINES = """() => [...document.querySelectorAll("#pay .openras-pay__lines [data-slot]")].map((element) => {
    const own = (selector) => [...element.querySelectorAll(selector)].find(
        (found) => found.closest("[data-slot]") === element);
    const text = own("[data-text]");
    const ref = own("[data-ref]");
    return [element.dataset.slot, text ? text.textContent : null, ref ? ref.getAttribute("href") : null];
})"""


def open_pay_step(page: Page) -> None:
    page.get_by_role("link", name="Estimate what you might pay").click()
    expect(page.get_by_role("heading", name="Estimate what you might pay", level=1)).to_be_visible()


def pick(page: Page, ident: str) -> None:
    """Choose an answer by clicking its label, as a person does."""
    page.locator(f'#pay label[for="{ident}"]').click()


def answer_money(page: Page) -> None:
    pay = page.locator("#pay")
    expect(pay.locator(".openras-pay__question").first).to_be_visible(timeout=30_000)
    pick(page, "pay-age-pension")
    pick(page, "pay-savings-lower-to-middle")
    pay.get_by_label("State Pension").fill(MONEY["income"]["state_pension"])
    pay.get_by_label("Private or workplace pensions").fill(MONEY["income"]["private_pension"])
    pay.get_by_label("Attendance Allowance, the daily living part of PIP or the care part of DLA").fill(
        MONEY["income"]["care_benefit"]
    )
    pick(page, "pay-care_rate-higher")
    pay.locator("#pay-housing-amount").fill(MONEY["housing"])
    pay.locator("#pay-disability_costs-not_said").check()


def expected_lines(tmp_path: Path) -> list[list[Any]]:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(README_ANSWERS | {"contribution": MONEY}), encoding="utf-8")
    result = from_files(load_scheme(EXAMPLE), str(answers), None, datetime.date.today())
    return [[line.slot, line.text, None if line.reference is None else line.reference.url] for line in lines(result)]


def test_a_person_estimates_what_they_might_pay_and_the_page_says_what_the_core_says(
    page: Page, site: Site, tmp_path: Path
) -> None:
    page.goto(site.url + "assessment/")
    answer_everything(page, load_scheme(EXAMPLE), README_ANSWERS)
    get_estimate(page)
    open_pay_step(page)
    answer_money(page)
    page.get_by_role("button", name="Estimate what I might pay").click()
    expect(page.locator("#pay .openras-pay__result")).to_be_visible(timeout=30_000)
    assert page.evaluate(READ_LINES) == expected_lines(tmp_path)
    expect(page.locator('#pay [data-slot="lead"]')).to_contain_text("you about £130.20 to £147.20 a week")
    expect(page.locator("#pay").get_by_role("link", name="Turn2us Benefits Calculator")).to_have_attribute(
        "href", "https://www.turn2us.org.uk/get-support/information-about-benefits/using-the-benefits-calculator"
    )
    assert axe(page) == []

    # The money answers are saved with the rest, and come back from the file.
    page.locator("#pay .openras-back-link").click()
    page.locator("#result").get_by_role("link", name="Change your answers").click()
    with page.expect_download() as info:
        page.locator("#check").get_by_role("button", name="Download my answers").click()
    saved = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert saved["contribution"]["age"] == "pension"
    assert saved["contribution"]["disability_costs"] == "not_said"
    assert saved["contribution"]["income"]["state_pension"] == "230.25"

    # A fresh page: the file fills in the money answers as well.
    page.goto(site.url + "assessment/?again")
    expect(page.locator("#openras")).to_have_attribute("data-calculator", "ready", timeout=90_000)
    page.locator("#upload-start").set_input_files(
        {"name": "mine.json", "mimeType": "application/json", "buffer": json.dumps(saved).encode("utf-8")}
    )
    expect(page.locator("#check h1")).to_be_visible()
    get_estimate(page)
    open_pay_step(page)
    expect(page.locator("#pay-income-state_pension")).to_have_value("230.25", timeout=30_000)
    expect(page.locator("#pay-age-pension")).to_be_checked()
    expect(page.locator("#pay-disability_costs-not_said")).to_be_checked()


def test_a_problem_in_an_amount_is_listed_and_the_answers_are_kept(page: Page, site: Site) -> None:
    page.goto(site.url + "assessment/")
    answer_everything(page, load_scheme(EXAMPLE), README_ANSWERS)
    get_estimate(page)
    open_pay_step(page)
    answer_money(page)
    page.locator("#pay-housing-amount").fill("twenty")
    page.get_by_role("button", name="Estimate what I might pay").click()
    summary = page.locator("#pay .openras-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text(
        '"twenty" is not an amount of money: write pounds and pence, like 1250 or 1,250.50 (at contribution.housing).'
    )
    expect(page.locator("#pay-housing-amount")).to_have_value("twenty")
    expect(page).to_have_title(re.compile(r"^Error: Estimate what you might pay - "))


@pytest.fixture(scope="module", params=["scotland", "wales"])
def nation_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Site]]:
    import build

    folder = tmp_path_factory.mktemp(f"pay-{request.param}")
    scheme = folder / f"{request.param}.toml"
    scheme.write_text(
        EXAMPLE.read_text(encoding="utf-8").replace('nation = "england"', f'nation = "{request.param}"'),
        encoding="utf-8",
    )
    build.build(scheme, folder / "dist")
    running = serve(folder / "dist")
    yield request.param, running
    running.server.shutdown()


def test_scotland_and_wales_builds_use_their_own_rules(browser: Browser, nation_site: tuple[str, Site]) -> None:
    nation, site = nation_site
    context = guarded_context(browser, site)
    page = context.new_page()
    page.goto(site.url + "assessment/")
    answer_everything(page, load_scheme(EXAMPLE), README_ANSWERS)
    get_estimate(page)
    open_pay_step(page)
    pay = page.locator("#pay")
    if nation == "wales":
        expect(pay.locator(".openras-pay__question").first).to_be_visible(timeout=30_000)
        pick(page, "pay-savings-up-to-limit")
        pay.get_by_label("State Pension").fill("1000.00")
    else:
        expect(pay.locator(".openras-pay__none")).to_be_visible(timeout=30_000)
    page.get_by_role("button", name="Estimate what I might pay").click()
    lead = pay.locator('[data-slot="lead"]')
    if nation == "wales":
        expect(lead).to_have_text("You would pay at most £100.00 a week, and the council at least £63.84 a week.")
    else:
        expect(lead).to_contain_text("Personal care is free in Scotland, whatever your income or savings")
    assert axe(page) == []
    assert site.outside == []
    context.close()


def test_only_the_adults_assessment_offers_the_step(built: Path) -> None:
    pages = {
        p.relative_to(built).as_posix(): p.read_text(encoding="utf-8") for p in built.glob("**/assessment/index.html")
    }
    # The adults' assessment in each language and in Easy Read offers it; the carers' does not.
    adults = [
        pages.pop(path) for path in ("assessment/index.html", "cy/assessment/index.html", "easy/assessment/index.html")
    ]
    for page in adults:
        assert 'id="pay"' in page and 'href="#pay"' in page
    assert {"carers-example/assessment/index.html", "cy/carers-example/assessment/index.html"} <= set(pages)
    for page in pages.values():
        assert 'id="pay"' not in page and 'href="#pay"' not in page
