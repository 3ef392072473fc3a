"""Several schemes on one site: the start page sends each person to their assessment, and
each journey works end to end: for yourself (with a carer's own estimate offered where
someone helps), for someone else (the questions and the result speak of "them", and the
answers file says so), and as a carer (the carers' scheme, its own published method).
An answers file for the other scheme sends the person to it with the file. axe on the new pages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from ras_core import answers_from_dict, answers_from_json, estimate, load_scheme
from ras_core.estimate.words import lines

from .conftest import ROOT, Site, guarded_context
from .journey import answer_everything, get_estimate
from .test_accessibility import axe

ADULTS = load_scheme(ROOT / "content" / "schemes" / "example.toml")
CARERS = load_scheme(ROOT / "content" / "schemes" / "carers-example.toml")
README_ANSWERS: dict[str, Any] = json.loads(
    (ROOT / "content" / "answers" / "example-answers.json").read_text(encoding="utf-8")
)
CARER_ANSWERS: dict[str, Any] = {
    "format": 2,
    "scheme": CARERS.id,
    "scheme_version": CARERS.version,
    "answers": {
        "health": "help",
        "sleep": "cannot",
        "work": "help",
        "time": "cannot",
        "relationships": "help",
        "home": "none",
        "money": "often",
        "emergency": "often",
        "able": "always",
        "willing": "none",
    },
    "unpaid_support": {},
    "helpers_willing": {},
}


def ready(page: Page) -> None:
    expect(page.locator("#openras")).to_have_attribute("data-calculator", "ready", timeout=90_000)


def upload(page: Page, field: str, data: dict[str, Any]) -> None:
    buffer = json.dumps(data).encode("utf-8")
    page.locator(f"#{field}").set_input_files(
        {"name": "answers.json", "mimeType": "application/json", "buffer": buffer}
    )


def test_for_myself_the_result_offers_the_helper_their_own_estimate_and_carries_nothing(page: Page, site: Site) -> None:
    page.goto(site.url)
    page.get_by_role("link", name="For myself").click()
    expect(page.get_by_role("heading", name="Estimate your personal budget", level=1)).to_be_visible()
    expect(page.locator("#for-someone-else")).not_to_be_checked()
    answer_everything(page, ADULTS, README_ANSWERS)
    get_estimate(page)
    notice = page.locator('[data-slot="notice.carer"]')
    expect(notice).to_contain_text("The people who help you can have their own assessment")
    expect(notice).to_contain_text("Care Act 2014, section 10")
    page.get_by_role("link", name="Estimate a carer's budget for the person who helps").click()
    expect(page).to_have_url(site.url + "carers-example/assessment/#start")
    expect(page.get_by_role("heading", name="Estimate your carer's budget", level=1)).to_be_visible()
    expect(page.locator("#openras input[type=radio]:checked")).to_have_count(0)


def test_for_someone_else_the_questions_the_file_and_the_result_speak_of_them(page: Page, site: Site) -> None:
    page.goto(site.url)
    page.get_by_role("link", name="For someone I care for or help").click()
    expect(page.locator("#for-someone-else")).to_be_checked()
    answer_everything(page, ADULTS, README_ANSWERS)
    check = page.locator("#check")
    expect(check.locator("dt", has_text="How much help do they need to wash and keep clean?")).to_be_visible()
    expect(check.get_by_text("How much help do you need", exact=False)).to_have_count(0)
    with page.expect_download() as info:
        check.get_by_role("button", name="Download my answers").click()
    text = Path(info.value.path()).read_text(encoding="utf-8")
    saved = json.loads(text)
    assert saved == README_ANSWERS | {"for_someone_else": True}
    answers = answers_from_json(text, ADULTS)
    get_estimate(page)
    expect(page.get_by_role("heading", name="Their indicative budget", level=1)).to_be_visible()
    said = lines(estimate(ADULTS, answers))
    assert said[0].slot == "for_whom"
    expect(page.locator('[data-slot="for_whom"]')).to_have_text(said[0].text)
    expect(page.locator('[data-slot="band"]')).to_have_text("Their indicative budget: £150 to £175 a week")
    expect(page.locator('[data-slot="notice.carer"]')).to_contain_text(
        "The people who help them can have their own assessment"
    )
    expect(page.locator("#result").get_by_text("The council assesses their needs with them.")).to_be_visible()
    # What they might pay: the questions and every line of the result speak of them.
    page.get_by_role("link", name="Estimate what they might pay").click()
    pay = page.locator("#pay")
    expect(pay.get_by_role("heading", name="Estimate what they might pay", level=1)).to_be_visible()
    expect(pay.get_by_role("heading", name="How old are they?", level=2)).to_be_visible(timeout=30_000)
    expect(pay.get_by_text("How old are you?")).to_have_count(0)
    expect(pay.locator('label[for="pay-care_rate-none"]')).to_have_text("They do not get any of these")
    assert page.title().startswith("Estimate what they might pay - ")
    page.locator('label[for="pay-age-pension"]').click()
    page.locator('label[for="pay-savings-lower-to-middle"]').click()
    pay.get_by_label("State Pension").fill("230.25")
    pay.get_by_role("button", name="Estimate what they might pay").click()
    expect(pay.locator(".openras-pay__result")).to_be_visible(timeout=30_000)
    expect(pay.get_by_role("heading", name="What they might pay", level=2)).to_be_visible()
    from ras_core.contribution.rules import INCOME_TYPES

    # As the page sends them: an income left empty is 0, a question left alone not said.
    income = {ident: "230.25" if ident == "state_pension" else "0" for ident in INCOME_TYPES}
    money = {"age": "pension", "savings": "lower-to-middle", "income": income}
    money |= {"care_rate": "not_said", "housing": "not_said", "disability_costs": "not_said"}
    core = _their_pay_lines(README_ANSWERS | {"for_someone_else": True, "contribution": money})
    assert core[0][0] == "for_whom"
    shown = page.evaluate(
        """() => [...document.querySelectorAll("#pay .openras-pay__lines [data-slot]")].map(
            (element) => [element.dataset.slot, element.querySelector("[data-text]")?.textContent ?? null])"""
    )
    assert shown == core
    expect(pay.get_by_role("link", name="Back to their indicative budget")).to_be_visible()
    # Back to answering for themselves: the questions speak to "you" again.
    page.goto(site.url + "assessment/#start")
    page.locator('label[for="for-myself"]').click()
    page.goto(site.url + "assessment/#step-1")
    expect(page.locator("#step-1").get_by_role("heading", name="How much help do you need to wash")).to_be_visible()


def _their_pay_lines(data: dict[str, Any]) -> list[list[str | None]]:
    import datetime
    import tempfile

    from ras_core.contribution.run import from_files
    from ras_core.contribution.words import lines as pay_lines

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "answers.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        result = from_files(ADULTS, str(path), None, datetime.date.today())
    return [[line.slot, line.text] for line in pay_lines(result)]


def test_a_guided_session_offers_answering_for_someone_else(page: Page, site: Site) -> None:
    page.goto(site.url + "assessment/?mode=guided#start")
    expect(page.get_by_role("group", name="Who are you answering for?")).to_be_visible()
    page.locator('label[for="for-someone-else"]').click()
    page.locator("#start").get_by_role("link", name="Start now").click()
    expect(page.locator("#step-1").get_by_role("heading", name="How much help do they need to wash")).to_be_visible()


def test_as_a_carer_the_carers_scheme_gives_a_yearly_estimate_with_its_own_method(page: Page, site: Site) -> None:
    page.goto(site.url)
    page.get_by_role("link", name="For me, as a carer").click()
    expect(page.get_by_role("heading", name="Estimate your carer's budget", level=1)).to_be_visible()
    expect(page.get_by_role("group", name="Who are you answering for?")).to_have_count(0)
    answer_everything(page, CARERS, CARER_ANSWERS)
    get_estimate(page)
    expect(page.locator('[data-slot="band"]')).to_have_text("Your indicative budget: £350 to £400 a year")
    expect(page.locator('[data-slot="hours"]')).to_have_count(0)
    expect(page.locator('[data-slot="notice.carer"]')).to_have_count(0)
    result = estimate(CARERS, answers_from_dict(CARER_ANSWERS, CARERS))
    eligibility = next(line for line in lines(result) if line.slot == "eligibility")
    expect(page.locator('[data-slot="eligibility"]')).to_have_text(eligibility.text)
    page.locator(".openras-result").get_by_role("link", name="how the estimate is worked out").click()
    expect(page).to_have_url(site.url + "carers-example/method/")
    expect(page.get_by_text("regulation 3", exact=False).first).to_be_visible()
    heading = f"How the estimate is worked out: {CARERS.title}"
    expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()
    expect(page).to_have_title(f"How a carer's estimate is worked out - {page.title().split(' - ')[-1]}")


@pytest.mark.parametrize(
    ("path", "field", "data", "title", "lands"),
    [
        ("assessment/", "upload-start", CARER_ANSWERS, CARERS.title, "carers-example/assessment/"),
        ("carers-example/assessment/", "upload-start", README_ANSWERS, ADULTS.title, "assessment/"),
    ],
)
def test_an_answers_file_for_the_other_scheme_sends_the_person_to_it(
    page: Page, site: Site, path: str, field: str, data: dict[str, Any], title: str, lands: str
) -> None:
    page.goto(site.url + path)
    ready(page)
    upload(page, field, data)
    offer = page.locator("#start .openras-other-scheme")
    expect(offer).to_contain_text(f"These answers are for another assessment on this site: {title}.")
    offer.get_by_role("link", name=f"Open {title} with these answers").click()
    # The other page takes the file, clears it from the tab at once, and loads it.
    ready(page)
    expect(page.locator(".openras-loaded")).to_contain_text("Your answers from answers.json are loaded.")
    expect(page).to_have_url(site.url + lands + "#check")
    assert page.evaluate("window.name") == ""
    for question, option in data["answers"].items():
        expect(page.locator(f'#openras input[name="{question}"][value="{option}"]')).to_be_checked()
    # Going back and forth again brings nothing back: the hand-over was used once.
    page.reload()
    ready(page)
    expect(page.locator("#openras input[type=radio]:checked:not([name=for_someone_else])")).to_have_count(0)


def _carers_result(page: Page) -> None:
    answer_everything(page, CARERS, CARER_ANSWERS)
    get_estimate(page)


def _them_step(page: Page) -> None:
    page.locator('label[for="for-someone-else"]').click()
    page.locator("#start").get_by_role("link", name="Start now").click()
    expect(page.locator("#step-1 .openras-fieldset__heading").first).to_have_text(
        "How much help do they need to wash and keep clean?"
    )


def _them_result(page: Page) -> None:
    page.locator('label[for="for-someone-else"]').click()
    answer_everything(page, ADULTS, README_ANSWERS)
    get_estimate(page)


@pytest.mark.parametrize(
    ("path", "state"),
    [
        ("", None),
        ("carers-example/assessment/", None),
        ("carers-example/assessment/", _carers_result),
        ("carers-example/method/", None),
        ("assessment/", _them_step),
        ("assessment/", _them_result),
    ],
    ids=["start page", "carers start", "carers result", "carers method", "for someone else", "their result"],
)
def test_the_new_pages_have_no_axe_violations(browser: Browser, site: Site, path: str, state: Any) -> None:
    context = guarded_context(browser, site)
    page = context.new_page()
    page.goto(site.url + path)
    if state is not None:
        state(page)
    violations = axe(page)
    context.close()
    assert violations == []


def test_after_the_offline_copy_is_kept_the_carers_page_still_estimates_with_its_own_scheme(
    browser: Browser, site: Site
) -> None:
    context = guarded_context(browser, site)
    page = context.new_page()
    page.goto(site.url + "assessment/")
    ready(page)
    expect(page.locator("#openras")).to_have_attribute("data-offline", "ready", timeout=60_000)
    # The offline copy now serves worker.js, and a memory snapshot of the adults' page is kept.
    page.goto(site.url + "carers-example/assessment/")
    ready(page)
    answer_everything(page, CARERS, CARER_ANSWERS)
    get_estimate(page)
    result = estimate(CARERS, answers_from_dict(CARER_ANSWERS, CARERS))
    band = next(line for line in lines(result) if line.slot == "band")
    expect(page.locator(".openras-panel__band")).to_have_text(band.text)
    context.close()
