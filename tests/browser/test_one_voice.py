"""One voice: the result the page shows is, line for line, what `ras estimate` prints.

Every sentence about an estimate comes from the core (`ras_core.estimate.words`). The
page places each line in its slot; this test reads the lines back off the page, writes
them out as `ras estimate` does, and compares with the command's own output for the
same answers file, for 50 random answer sets.
"""

from __future__ import annotations

import contextlib
import io
import json
import random
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, expect

from helpers import random_answers_by_area
from ras_core import Scheme, load_scheme
from ras_core.cli import main as ras
from ras_core.estimate.words import Line, as_text
from ras_core.scheme.model import Reference

from .conftest import ROOT, Site

EXAMPLE = ROOT / "content" / "schemes" / "example.toml"

READ_LINES = """() => [...document.querySelectorAll(".openras-result [data-slot]")].map((element) => {
    const own = (selector) => [...element.querySelectorAll(selector)].find(
        (found) => found.closest("[data-slot]") === element);
    const text = own("[data-text]");
    const title = own("[data-title]");
    const ref = own("[data-ref]");
    return {
        slot: element.dataset.slot,
        text: text ? text.textContent : null,
        title: title ? title.textContent : null,
        reference: ref ? {title: ref.textContent, url: ref.getAttribute("href")} : null,
    };
})"""


def cli_text(answers_file: Path) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert ras(["estimate", "--scheme", str(EXAMPLE), str(answers_file)]) == 0
    return out.getvalue().rstrip("\n")


def page_text(page: Page) -> str:
    shown: list[dict[str, Any]] = page.evaluate(READ_LINES)
    lines = [
        Line(
            slot=line["slot"],
            text=line["text"],
            title=line["title"],
            reference=Reference(id="", title=line["reference"]["title"], url=line["reference"]["url"])
            if line["reference"]
            else None,
        )
        for line in shown
    ]
    return as_text(lines)


def test_the_page_says_what_ras_estimate_says_for_50_answer_sets(page: Page, site: Site, tmp_path: Path) -> None:
    scheme: Scheme = load_scheme(EXAMPLE)
    rng = random.Random(50)
    page.goto(site.url + "assessment/")
    expect(page.locator("#openras")).to_have_attribute("data-calculator", "ready", timeout=90_000)
    for n in range(50):
        answers = random_answers_by_area(scheme, rng)
        path = tmp_path / f"answers-{n}.json"
        path.write_text(json.dumps(answers), encoding="utf-8")
        page.goto(page.url.split("#")[0] + "#start")
        page.locator("#upload-start").set_input_files(str(path))
        expect(page.locator(".openras-loaded")).to_contain_text(f"answers-{n}.json")
        page.get_by_role("button", name="Get my estimate").click()
        expect(page.locator(".openras-result")).to_be_visible(timeout=30_000)
        assert page_text(page) == cli_text(path), f"answer set {n}: {json.dumps(answers)}"
