"""A scheme and council text full of markup, in Chromium: shown as text, never run.

The site is built with tests/hostile/schemes/markup.toml and a hostile council.toml
(tests/test_escaping.py) and served WITHOUT a Content-Security-Policy, so that markup
which got into a page would act: a `<meta http-equiv=refresh>` would leave the page, a
`<script>` or an `onerror` would open a dialog.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Dialog, Page, expect

from ras_core import Scheme, load_scheme
from test_escaping import MARKUP_SCHEME, build_hostile_site, scheme_texts

from .conftest import Site, guarded_context, serve
from .journey import answer_everything, get_estimate

PAGES = ["assessment/", "method/", "", "disagree/", "direct-payments/", "personal-budgets/", "council-tools/"]
# Selectors for anything the hostile text would make if it were markup.
INJECTED = (
    "meta[http-equiv], img[src='x'], [onclick], [onmouseover], [onerror], [onfocus], [autofocus], "
    "a[href^='javascript:'], article b, article i, article style, body style"
)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    running = serve(build_hostile_site(tmp_path_factory.mktemp("hostile") / "dist"))
    yield running
    running.server.shutdown()


@pytest.fixture(scope="module")
def scheme() -> Scheme:
    return load_scheme(MARKUP_SCHEME)


def open_page(page: Page, site: Site, path: str, dialogs: list[str]) -> None:
    page.goto(site.url + path)
    page.wait_for_timeout(500)  # a meta refresh of 0 seconds would have left by now
    assert page.url == site.url + path, f"{path}: the page went to {page.url}"
    assert dialogs == [], f"{path}: a script from scheme text ran: {dialogs}"
    assert page.locator(INJECTED).count() == 0, (
        f"{path}: {page.locator(INJECTED).evaluate_all('e => e.map(x => x.outerHTML)')}"
    )
    inline = page.locator("script:not([src]):not([type='application/json'])")
    assert inline.count() == 0, f"{path}: inline script {inline.first.inner_html()[:80]!r}"
    assert page.get_by_role("heading", name="injected", exact=True).count() == 0


def watch_dialogs(page: Page) -> list[str]:
    dialogs: list[str] = []

    def record(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", record)
    return dialogs


@pytest.mark.parametrize("path", PAGES)
def test_no_markup_from_scheme_or_council_text_acts(browser: Browser, hostile_site: Site, path: str) -> None:
    hostile_site.outside.clear()
    context = guarded_context(browser, hostile_site)
    page = context.new_page()
    dialogs = watch_dialogs(page)
    open_page(page, hostile_site, path, dialogs)
    assert hostile_site.outside == [], f"{path}: requests to other sites: {hostile_site.outside}"
    context.close()


def test_the_assessment_shows_scheme_text_as_written_and_still_works(
    browser: Browser, hostile_site: Site, scheme: Scheme
) -> None:
    hostile_site.outside.clear()
    context = guarded_context(browser, hostile_site)
    page = context.new_page()
    dialogs = watch_dialogs(page)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    open_page(page, hostile_site, "assessment/", dialogs)
    for number, domain in enumerate(scheme.domains, start=1):
        step = page.locator(f"#step-{number}")
        expect(step).to_have_attribute("data-title", domain.title)  # quotes do not end the attribute
        expect(step.locator("h1")).to_have_text(domain.title)
        for question in domain.questions:
            group = page.locator(f'[data-question="{question.id}"]')
            expect(group.locator(".openras-fieldset__heading")).to_have_text(question.text)
            expect(group.locator(".openras-hint")).to_have_text(question.hint)
            for option in question.options:
                expect(group.locator(f'label[for="q-{question.id}-{option.id}"]')).to_have_text(option.label)
    expect(page.locator("#openras")).to_have_attribute("data-calculator", "ready", timeout=60_000)
    answers = {
        "answers": {q.id: q.options[-1].id for _, q in scheme.questions()},
        "unpaid_support": {d.id: "some" for d in scheme.domains if d.asks_unpaid_support},
        "helpers_willing": True,
    }
    answer_everything(page, scheme, answers)
    get_estimate(page)
    result = page.locator(".openras-result")
    expect(result).to_contain_text(scheme.how_to_question.split("\n")[0])
    for outcome in scheme.eligibility.outcomes:
        expect(page.locator('[data-slot="outcome"]').filter(has_text=outcome.text).first).to_be_visible()
    assert dialogs == [] and errors == [] and hostile_site.outside == []
    javascript = page.locator("a[href^='javascript:']")
    made = page.locator(INJECTED.replace("a[href^='javascript:'], ", ""))
    assert made.count() == 0, made.evaluate_all("e => e.map(x => x.outerHTML)")
    # A reference's javascript: url is shown as text, never linked.
    assert javascript.count() == 0
    context.close()


def test_the_method_page_shows_every_scheme_text_as_written(
    browser: Browser, hostile_site: Site, scheme: Scheme
) -> None:
    context = guarded_context(browser, hostile_site)
    page = context.new_page()
    dialogs = watch_dialogs(page)
    open_page(page, hostile_site, "method/", dialogs)
    shown = " ".join(page.locator("article").inner_text().split())
    for text in scheme_texts(scheme):
        for paragraph in text.split("\n\n"):
            assert " ".join(paragraph.split()) in shown, paragraph
    context.close()


def test_hostile_site_folder_is_the_one_built(hostile_site: Site) -> None:
    """The fixture's site answers (a guard for the tests above, which check for absence)."""
    import urllib.request

    direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with direct.open(hostile_site.url + "assessment/") as response:
        body = response.read().decode("utf-8")
    assert "alert(1)" in body and "&lt;script&gt;" in body
