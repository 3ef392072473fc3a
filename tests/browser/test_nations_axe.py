"""Built for Scotland and for Wales, every page and the result pass axe, as England's do.

tests/test_nations.py checks each nation's words; this drives the Scottish and Welsh
sites in Chromium, so their own passages (the four options, the rights box, Welsh
language rights) are checked for accessibility too.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from ras_core import load_scheme

from .conftest import ROOT, Site, guarded_context, serve
from .journey import answer_everything, get_estimate
from .test_accessibility import axe, guidance_pages

EXAMPLE = ROOT / "content" / "schemes" / "example.toml"
README_ANSWERS = json.loads((ROOT / "content" / "answers" / "example-answers.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=["scotland", "wales"])
def nation_site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Site, Path]]:
    import build

    folder = tmp_path_factory.mktemp(request.param)
    scheme = folder / f"{request.param}.toml"
    scheme.write_text(
        EXAMPLE.read_text(encoding="utf-8").replace('nation = "england"', f'nation = "{request.param}"'),
        encoding="utf-8",
    )
    build.build(scheme, folder / "dist")
    running = serve(folder / "dist")
    yield running, folder / "dist"
    running.server.shutdown()


def test_every_page_and_the_result_have_no_axe_violations(browser: Browser, nation_site: tuple[Site, Path]) -> None:
    site, built = nation_site
    context = guarded_context(browser, site)
    page = context.new_page()
    found: dict[str, list[str]] = {}
    for path in guidance_pages(built):
        page.goto(site.url + path)
        if problems := axe(page):
            found[path] = problems
    page.goto(site.url + "assessment/")
    answer_everything(page, load_scheme(EXAMPLE), README_ANSWERS)
    get_estimate(page)
    expect(page.locator(".openras-rights")).to_be_visible()
    if problems := axe(page):
        found["result"] = problems
    assert found == {}
    assert site.outside == []
    context.close()
