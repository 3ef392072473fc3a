"""Save and share: download and upload answers, print the result, save on this device."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from ras_core import Scheme, answers_from_json, load_scheme

from .conftest import ROOT, Site
from .journey import answer_everything, get_estimate

README_ANSWERS: dict[str, Any] = json.loads(
    (ROOT / "content" / "answers" / "example-answers.json").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def scheme() -> Scheme:
    return load_scheme(ROOT / "content" / "schemes" / "example.toml")


def upload(page: Page, field: str, name: str, content: str | bytes) -> None:
    data = content.encode("utf-8") if isinstance(content, str) else content
    page.locator(f"#{field}").set_input_files({"name": name, "mimeType": "application/json", "buffer": data})


def ready(page: Page) -> None:
    expect(page.locator("#openras")).to_have_attribute("data-calculator", "ready", timeout=90_000)


def test_download_gives_a_valid_answers_file(page: Page, site: Site, scheme: Scheme) -> None:
    page.goto(site.url + "assessment/")
    answer_everything(page, scheme, README_ANSWERS)
    with page.expect_download() as info:
        page.locator("#check").get_by_role("button", name="Download my answers").click()
    download = info.value
    assert download.suggested_filename.startswith("answers-example-2026.1-")
    text = Path(download.path()).read_text(encoding="utf-8")
    assert json.loads(text) == README_ANSWERS
    answers_from_json(text, scheme)  # the core accepts it too


def test_upload_fills_in_every_answer(page: Page, site: Site) -> None:
    page.goto(site.url + "assessment/")
    ready(page)
    upload(page, "upload-start", "my-answers.json", json.dumps(README_ANSWERS))
    expect(page.locator("#check h1")).to_be_visible()
    expect(page.locator(".openras-loaded")).to_contain_text("Your answers from my-answers.json are loaded.")
    expect(page.locator('[data-answer-for="washing"]')).to_have_text("I need help every day")
    expect(page.locator('[data-answer-for="helpers_willing.home"]')).to_have_text("Yes")
    get_estimate(page)
    expect(page.locator(".openras-panel__band")).to_have_text("Your indicative budget: £150 to £175 a week")


BAD_FILES = [
    ("not JSON", "answers.json", '{"scheme": "example", ', "it is not JSON"),
    ("not answers", "answers.json", '{"hello": 1}', "The file is not a file of answers from this site."),
    (
        "too deep",
        "answers.json",
        '{"answers": ' + "[" * 50 + "]" * 50 + "}",
        "not a file of answers from this site",
    ),
    ("too large", "answers.json", '{"answers": "' + "x" * 300_000 + '"}', "too large"),
    (
        "another scheme",
        "answers.json",
        json.dumps({**README_ANSWERS, "scheme": "elsewhere"}),
        'These answers are for the scheme "elsewhere", not "example" (Example Council).',
    ),
    (
        "an older version",
        "answers.json",
        json.dumps({**README_ANSWERS, "scheme_version": "2025.1"}),
        "These answers were saved for version 2025.1 of the Example Council scheme; this is version 2026.1.",
    ),
    (
        "an unknown answer",
        "answers.json",
        json.dumps({**README_ANSWERS, "answers": {**README_ANSWERS["answers"], "washing": "often"}}),
        '"often" is not an answer to "How much help do you need to wash and keep clean?"',
    ),
]


@pytest.mark.parametrize(("name", "content", "message"), [b[1:] for b in BAD_FILES], ids=[b[0] for b in BAD_FILES])
def test_a_bad_file_is_named_and_the_current_answers_are_kept(
    page: Page, site: Site, scheme: Scheme, name: str, content: str, message: str
) -> None:
    page.goto(site.url + "assessment/")
    answers = {**README_ANSWERS, "answers": {**README_ANSWERS["answers"], "washing": "some"}}
    answer_everything(page, scheme, answers)
    ready(page)
    upload(page, "upload-check", name, content)
    summary = page.locator("#check .openras-upload .openras-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("This file cannot be used")
    expect(summary).to_contain_text(message)
    expect(page.locator("#upload-check-error")).to_be_visible()
    # Nothing the person had answered has changed.
    expect(page.locator('input[name="washing"][value="some"]')).to_be_checked()
    expect(page.locator('[data-answer-for="washing"]')).to_have_text("I need help on some days")
    expect(page.locator('input[name="helpers_willing.home"][value="yes"]')).to_be_checked()


def test_print_gives_a_summary_to_take_to_the_assessment(page: Page, site: Site, scheme: Scheme) -> None:
    page.goto(site.url + "assessment/")
    answer_everything(page, scheme, README_ANSWERS)
    get_estimate(page)
    page.emulate_media(media="print")
    for hidden in [
        ".md-header",
        ".md-footer",
        ".openras-print",
        ".openras-back-link",
        ".md-sidebar--primary",
    ]:
        expect(page.locator(hidden).first).to_be_hidden()
    expect(page.locator(".openras-panel__band")).to_be_visible()
    expect(page.locator(".openras-working li").first).to_be_visible()
    rows = page.locator(".openras-your-answers tbody tr")
    expect(rows).to_have_count(17 + 9 + 2)  # need questions, unpaid help in 9 areas, willing in the 2 helped
    expect(rows.first).to_contain_text("How much help do you need to wash and keep clean?")
    expect(rows.first).to_contain_text("I need help every day")
    expect(page.locator(".openras-meta")).to_contain_text("version 2026.1")
    expect(page.locator(".openras-made-on")).not_to_be_empty()
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF")


def test_save_on_this_device_is_opt_in_and_forget_clears_it(page: Page, site: Site, scheme: Scheme) -> None:
    page.goto(site.url + "assessment/")
    answer_everything(page, scheme, README_ANSWERS)
    assert page.evaluate("localStorage.length") == 0  # nothing until the person asks
    page.get_by_role("button", name="Save on this device").click()
    expect(page.locator(".openras-save-device__on")).to_be_visible()
    assert page.evaluate("localStorage.length") == 1

    page.goto(site.url + "assessment/")  # coming back later: the form starts empty
    page.reload()
    expect(page.locator('input[name="washing"]:checked')).to_have_count(0)
    saved = page.locator(".openras-saved")
    expect(saved).to_be_visible()
    expect(saved).to_contain_text("You saved answers on this device on")
    ready(page)
    saved.get_by_role("button", name="Use my saved answers").click()
    expect(page.locator('[data-answer-for="washing"]')).to_have_text("I need help every day")

    page.locator("#check").get_by_role("button", name="Forget my answers").click()
    assert page.evaluate("localStorage.length") == 0
    expect(page.locator(".openras-save-device__off")).to_be_visible()
    page.reload()
    expect(page.locator(".openras-saved")).to_be_hidden()
