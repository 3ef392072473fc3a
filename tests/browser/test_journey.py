"""The assessment in a real browser, against the built site served on 127.0.0.1."""

from __future__ import annotations

import json
import random
import re
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from helpers import random_answers
from ras_core import Scheme, load_scheme, web

from .conftest import ROOT, Site, guarded_context, serve
from .journey import answer_everything, choose, get_estimate

EXAMPLE = ROOT / "content" / "schemes" / "example.toml"
README_ANSWERS = json.loads((ROOT / "content" / "answers" / "example-answers.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scheme() -> Scheme:
    return load_scheme(EXAMPLE)


def cpython(answers: dict[str, Any]) -> dict[str, Any]:
    web.load_scheme_text(EXAMPLE.read_text(encoding="utf-8"))
    reply: dict[str, Any] = json.loads(web.estimate_json(json.dumps(answers)))
    assert reply["ok"], reply
    return reply


def test_full_journey_by_keyboard_only(page: Page, site: Site, scheme: Scheme) -> None:
    answers = README_ANSWERS
    page.goto(site.url + "assessment/")
    start = page.get_by_role("link", name="Start now")
    for _ in range(60):  # Tab from the top of the page to "Start now", as a person would
        page.keyboard.press("Tab")
        if start.evaluate("link => link === document.activeElement"):
            break
    page.keyboard.press("Enter")
    for number, domain in enumerate(scheme.domains, start=1):
        heading = page.locator(f"#step-{number} h1")
        expect(heading).to_be_focused()
        names = [q.id for q in domain.questions]
        wanted = [answers["answers"][n] for n in names]
        options = [[o.id for o in q.options] for q in domain.questions]
        if domain.asks_unpaid_support:
            names.append(f"unpaid_support.{domain.id}")
            wanted.append(answers["unpaid_support"][domain.id])
            options.append([o.id for o in scheme.unpaid_support.options])
            if domain.id in answers["helpers_willing"]:  # asked once someone helps with this area
                names.append(f"helpers_willing.{domain.id}")
                wanted.append(answers["helpers_willing"][domain.id])
                options.append(["yes", "no", "not_sure"])
        for name, value, ids in zip(names, wanted, options, strict=True):
            page.keyboard.press("Tab")  # into the radio group, on its first answer
            page.keyboard.press("Space")
            for _ in range(ids.index(value)):
                page.keyboard.press("ArrowDown")
            expect(page.locator(f'input[name="{name}"][value="{value}"]')).to_be_checked()
        page.keyboard.press("Tab")
        expect(page.locator(f"#step-{number}").get_by_role("button", name="Continue")).to_be_focused()
        page.keyboard.press("Enter")
    expect(page.locator("#check h1")).to_be_focused()
    button = page.get_by_role("button", name="Get my estimate")
    for _ in range(80):
        page.keyboard.press("Tab")
        if button.evaluate("b => b === document.activeElement"):
            break
    page.keyboard.press("Enter")
    expect(page.locator(".openras-result")).to_be_visible(timeout=90_000)
    expect(page.locator("#result h1")).to_have_text("Your indicative budget")
    expect(page.locator(".openras-panel__band")).to_have_text("Your indicative budget: £150 to £175 a week")
    expect(page.locator('[data-slot="without_unpaid_support"]')).to_contain_text("£175 to £200 a week")


def test_an_unanswered_question_shows_the_error_summary(page: Page, site: Site) -> None:
    page.goto(site.url + "assessment/#step-1")
    choose(page, "washing", "some")
    page.locator("#step-1").get_by_role("button", name="Continue").click()
    summary = page.locator("#step-1 .openras-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary.get_by_role("heading", name="There is a problem")).to_be_visible()
    links = summary.get_by_role("link")
    expect(links).to_have_text(
        [
            "Select an answer to “How much help do you need to use the toilet?”",
            "Select an answer to “How much help do you need to get dressed?”",
            "Select an answer to “Does someone help you with personal care without being paid?”",
        ]
    )
    expect(page).to_have_title(re.compile(r"^Error: Personal care"))
    expect(page.locator("#q-toilet-error")).to_be_visible()
    expect(page.locator("#q-washing-error")).to_be_hidden()
    links.first.click()
    expect(page.locator("#q-toilet-none")).to_be_focused()
    expect(page.locator("#step-1")).to_be_visible()


def test_check_answers_lists_every_answer_with_change_links(page: Page, site: Site, scheme: Scheme) -> None:
    page.goto(site.url + "assessment/")
    answer_everything(page, scheme, README_ANSWERS)
    expect(page.locator('[data-answer-for="washing"]')).to_have_text("I need help every day")
    expect(page.locator('[data-answer-for="unpaid_support.home"]')).to_have_text("Yes, most of the time")
    expect(page.locator('[data-answer-for="helpers_willing.home"]')).to_have_text("Yes")
    # Asked only for the areas where someone helps.
    expect(page.locator('#check [data-willing-for="home"]')).to_be_visible()
    expect(page.locator('#check [data-willing-for="health"]')).to_be_hidden()
    change = page.get_by_role("link", name="Change your answer to “How much help do you need to get dressed?”")
    change.click()
    expect(page.locator("#step-1 h1")).to_be_focused()


def test_parity_100_random_answer_sets_give_identical_json_in_the_browser_and_cpython(
    page: Page, site: Site, scheme: Scheme
) -> None:
    rng = random.Random(314)
    sets = [random_answers(scheme, rng) for _ in range(120)]
    page.goto(site.url + "assessment/")
    expect(page.locator("#openras")).to_have_attribute("data-calculator", "ready", timeout=90_000)
    # Ask the site's own worker (a second instance of it) for every estimate.
    replies = page.evaluate(
        """async (sets) => {
            const root = document.baseURI.replace(/assessment\\/.*$/, "");
            const worker = new Worker(new URL("assets/openras/worker.js", root), {type: "module"});
            const results = new Map();
            await new Promise((resolve, reject) => {
                worker.onerror = (e) => reject(new Error(e.message));
                worker.onmessage = (event) => {
                    const m = event.data;
                    if (m.type === "failed") reject(new Error(m.message));
                    if (m.type === "ready") sets.forEach((a, i) =>
                        worker.postMessage({id: i, type: "estimate", answers: JSON.stringify(a)}));
                    if (m.type === "reply") {
                        results.set(m.id, m.reply);
                        if (results.size === sets.length) resolve();
                    }
                };
            });
            worker.terminate();
            return sets.map((_, i) => results.get(i));
        }""",
        sets,
    )
    assert len(replies) == 120
    for answers, reply in zip(sets, replies, strict=True):
        assert reply["ok"], reply
        expected = cpython(answers)
        assert reply["result"] == expected["result"]
        assert reply["words"] == expected["words"]


def test_nothing_leaves_the_device_and_nothing_is_stored(page: Page, site: Site, scheme: Scheme, built: Path) -> None:
    page.goto(site.url + "assessment/")
    answer_everything(page, scheme, README_ANSWERS)
    get_estimate(page)
    page.goto(site.url)  # and on to the guidance
    page.goto(site.url + "method/")
    assert site.outside == []
    assert page.context.cookies() == []
    stored = page.evaluate(
        """async () => {
            const cached = [];
            for (const name of await caches.keys()) {
                const cache = await caches.open(name);
                for (const request of await cache.keys()) cached.push([name, request.url]);
            }
            return {
                local: localStorage.length,
                session: sessionStorage.length,
                databases: (await indexedDB.databases()).length,
                cached,
            };
        }"""
    )
    assert {k: stored[k] for k in ("local", "session", "databases")} == {
        "local": 0,
        "session": 0,
        "databases": 0,
    }
    # The only caches: the service worker's copy of the site's own files, for offline
    # use, and the calculator's memory snapshot, made before any answer was given
    # (tests/browser/test_snapshot.py shows it does not change with answers).
    offline = json.loads((built / "offline.json").read_text(encoding="utf-8"))
    site_files = {site.url + ("" if path == "./" else path) for path in offline["shell"] + offline["runtime"]}
    snapshot = json.loads((built / "runtime" / "boot.json").read_text(encoding="utf-8"))["snapshot"]
    for name, url in stored["cached"]:
        if name == f"openras-memory-{snapshot}":
            assert url == site.url + "runtime/memory-snapshot.bin"
            continue
        assert name == f"openras-{offline['version']}"
        assert url in site_files, url


def money(text: str) -> Decimal:
    return Decimal(text.replace("£", "").replace(",", ""))


def test_the_working_on_the_result_page_adds_up(page: Page, site: Site, scheme: Scheme) -> None:
    """Recompute every figure from the scheme file with plain arithmetic, not the core."""
    answers = random_answers(scheme, random.Random(7)) | {"helpers_willing": True}
    page.goto(site.url + "assessment/")
    answer_everything(page, scheme, answers)
    get_estimate(page)

    keep = {o.id: o.keep for o in scheme.unpaid_support.options}
    rows = page.locator(".openras-breakdown tr")
    expect(rows).to_have_count(len(scheme.domains))
    total_before = total = 0
    for row, domain in zip(rows.all(), scheme.domains, strict=True):
        cells = [c.inner_text() for c in row.locator("th, td").all()]
        before = sum(q.option(answers["answers"][q.id]).points for q in domain.questions)  # type: ignore[union-attr]
        share = keep[answers["unpaid_support"][domain.id]] if domain.asks_unpaid_support else Decimal(1)
        after = int((before * share).quantize(Decimal(1), rounding=ROUND_HALF_UP))
        assert cells == [domain.title, str(before), str(after)]
        total_before += before
        total += after
    assert page.locator('[data-total="before"]').inner_text() == str(total_before)
    assert page.locator('[data-total="after"]').inner_text() == str(total)

    rate = scheme.allocation.rate_per_point.value  # type: ignore[union-attr]
    amount = (total * rate).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    steps = page.locator(".openras-working li").all_inner_texts()
    allocation = next(s for s in steps if "a point =" in s)
    assert allocation.startswith(f"{total} points × £{rate:.2f} a point = £{amount:,.2f} a week.")
    low = (amount / 25).quantize(Decimal(1), rounding=ROUND_FLOOR) * 25
    band = "£0 a week" if amount == 0 else f"£{low:,.0f} to £{low + 25:,.0f} a week"
    # "Your indicative budget: …", or "Starting point for your budget: …" when an answer
    # means the budget is worked out individually.
    expect(page.locator(".openras-panel__band")).to_have_text(re.compile(rf": {re.escape(band)}$"))
    for step in steps:
        for a, b, c in re.findall(r"(\d+) × (\d+)% = ([\d.]+)", step):
            assert Decimal(a) * Decimal(b) / 100 == Decimal(c), step


def test_an_estimate_asked_for_before_the_calculator_is_ready_appears_by_itself(
    browser: Browser, site: Site, scheme: Scheme
) -> None:
    context = guarded_context(browser, site)
    held: list[Route] = []
    context.route("**/runtime/python_stdlib.zip", lambda route: held.append(route))  # hold the runtime back
    page = context.new_page()
    page.goto(site.url + "assessment/")
    answer_everything(page, scheme, README_ANSWERS)
    page.get_by_role("button", name="Get my estimate").click()
    waiting = page.locator(".openras-waiting")
    expect(waiting).to_be_visible()
    expect(waiting).to_contain_text("Getting the calculator ready (step 1 of 3): Starting the calculator")
    expect(page.locator(".openras-result")).to_be_hidden()
    assert len(held) == 1
    held[0].continue_()
    expect(page.locator(".openras-result")).to_be_visible(timeout=90_000)
    expect(waiting).to_be_hidden()
    expect(page.locator(".openras-panel__band")).to_have_text("Your indicative budget: £150 to £175 a week")
    context.close()


def test_runtime_failure_shows_the_method_and_keeps_the_answers(browser: Browser, site: Site, scheme: Scheme) -> None:
    context = guarded_context(browser, site)
    context.route("**/pyodide.asm.wasm", lambda route: route.abort())
    page = context.new_page()
    page.goto(site.url + "assessment/")
    answer_everything(page, scheme, README_ANSWERS)
    page.get_by_role("button", name="Get my estimate").click()
    failed = page.locator(".openras-failed")
    expect(failed).to_be_visible(timeout=60_000)
    expect(failed).to_contain_text("We could not work out your estimate on this device")
    expect(failed).to_contain_text(scheme.contact)
    method = failed.get_by_role("link", name="work out the figure yourself using the published method")
    expect(method).to_have_attribute("href", "../method/")
    failed.get_by_role("link", name="Go back to your answers").click()
    expect(page.locator('[data-answer-for="washing"]')).to_have_text("I need help every day")
    expect(page.locator('input[name="washing"][value="daily"]')).to_be_checked()
    context.close()


def test_the_site_works_under_a_sub_path(browser: Browser, built: Path, scheme: Scheme) -> None:
    sub = serve(built, base="/budget/")
    try:
        context = guarded_context(browser, sub)
        page = context.new_page()
        page.goto(sub.url)
        page.get_by_role("link", name="Estimate your budget").first.click()
        expect(page).to_have_url(sub.url + "assessment/")
        answer_everything(page, scheme, README_ANSWERS)
        get_estimate(page)
        expect(page.locator(".openras-panel__band")).to_have_text("Your indicative budget: £150 to £175 a week")
        page.get_by_role("link", name="how the estimate is worked out", exact=True).click()
        expect(page).to_have_url(sub.url + "method/")
        assert sub.outside == []
        context.close()
    finally:
        sub.server.shutdown()


def test_without_javascript_every_question_shows_with_a_link_to_the_method(
    browser: Browser, site: Site, scheme: Scheme
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site.url + "assessment/")
    for _, question in scheme.questions():
        expect(page.get_by_role("heading", name=question.text)).to_be_visible()
    notice = page.locator("noscript .admonition")
    expect(notice.locator(".admonition-title")).to_have_text("The estimate needs JavaScript")
    expect(notice).to_be_visible()
    expect(notice.locator("a")).to_have_attribute("href", "../method/")
    expect(page.get_by_role("button", name="Get my estimate")).to_be_hidden()
    expect(page.get_by_role("button", name="Continue")).to_have_count(0)
    context.close()
