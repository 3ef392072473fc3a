"""The standard library in two parts (site/stdlib_split.py, site/assets/openras/rest.js).

A first visit downloads only the modules the site imports: walking the assessment to
a result and what the person might pay, costing a plan and calibrating in the council
tools never asks the server for python_stdlib_rest.zip. A module of the rest still
imports: the served worker's finder downloads the rest once and imports from it, and
when it cannot be downloaded the import fails with an ImportError that names it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from ras_core import load_scheme

from .conftest import ROOT, Site, guarded_context, serve
from .journey import answer_everything, get_estimate
from .test_contribution import answer_money, open_pay_step
from .test_plan import build_the_plan, from_the_result

REST = "runtime/python_stdlib_rest.zip"
SAMPLE = ROOT / "content" / "calibration" / "example-sample.csv"
ANSWERS: dict[str, Any] = json.loads(
    (ROOT / "content" / "answers" / "example-answers.json").read_text(encoding="utf-8")
)


@pytest.fixture
def recorded(built: Path) -> Iterator[tuple[Site, list[str]]]:
    """The built site on its own server, which records the path of every GET it answers."""
    running = serve(built)
    paths: list[str] = []
    handler = running.server.RequestHandlerClass.func  # build.handler's own class, for this server
    answer = handler.do_GET

    def do_get(self: Any) -> None:
        paths.append(self.path)
        answer(self)

    handler.do_GET = do_get
    yield running, paths
    running.server.shutdown()


def asked_for_rest(paths: list[str]) -> int:
    return sum(path.split("?")[0].endswith(REST) for path in paths)


def test_no_journey_downloads_the_rest_of_the_standard_library(
    browser: Browser, recorded: tuple[Site, list[str]]
) -> None:
    site, paths = recorded
    context = guarded_context(browser, site)
    page = context.new_page()
    from_the_result(page, site)  # the assessment: answers uploaded, the estimate
    build_the_plan(page)  # the plan, costed
    page.goto(site.url + "assessment/")
    answer_everything(page, load_scheme(ROOT / "content" / "schemes" / "example.toml"), ANSWERS)
    get_estimate(page)
    open_pay_step(page)
    answer_money(page)
    page.get_by_role("button", name="Estimate what I might pay").click()
    expect(page.locator("#pay .openras-pay__result")).to_be_visible(timeout=30_000)
    page.goto(site.url + "council-tools/")
    expect(page.locator("#openras-tools")).to_have_attribute("data-calculator", "ready", timeout=90_000)
    page.locator("#cases-file").set_input_files(str(SAMPLE))
    page.get_by_role("button", name="Calibrate").click()
    expect(page.locator(".openras-tools-result")).to_be_visible(timeout=60_000)
    assert any(path.endswith("runtime/python_stdlib.zip") for path in paths)
    assert asked_for_rest(paths) == 0
    context.close()


# Run inside the site's own calculator worker: a second Pyodide from the served runtime,
# with the served finder (rest.js) put in place from boot.json, imports `modules`.
IMPORT_IN_WORKER = """async (modules) => {
    const runtime = new URL("../../runtime/", location.href);
    const files = await (await fetch(new URL("boot.json", runtime))).json();
    const { loadPyodide } = await import(new URL("pyodide.mjs", runtime).href);
    const { installRest } = await import(new URL("rest.js", location.href).href);
    const pyodide = await loadPyodide({ indexURL: runtime.href, stdout: () => {}, stderr: () => {} });
    installRest(pyodide, runtime, files.stdlib_rest);
    pyodide.globals.set("MODULES", modules.join(","));
    return pyodide.runPython(`
import importlib, json
found = {}
for name in MODULES.split(","):
    try:
        found[name] = importlib.import_module(name).__file__
    except ImportError as error:
        found[name] = "ImportError: " + str(error)
json.dumps(found)
`);
}"""


def calculator_worker(page: Page, site: Site) -> Any:
    page.goto(site.url + "assessment/")
    expect(page.locator("#openras")).to_have_attribute("data-calculator", "ready", timeout=90_000)
    return next(worker for worker in page.workers if worker.url.endswith("/worker.js"))


def test_a_module_of_the_rest_imports_after_one_download(
    browser: Browser, built: Path, recorded: tuple[Site, list[str]]
) -> None:
    site, paths = recorded
    context = guarded_context(browser, site)
    page = context.new_page()
    worker = calculator_worker(page, site)
    rest = json.loads((built / "runtime" / "boot.json").read_text(encoding="utf-8"))
    assert {"xml.dom.minidom", "unittest", "email.mime.text"} <= set(rest["stdlib_rest"]["modules"])
    found = json.loads(worker.evaluate(IMPORT_IN_WORKER, ["xml.dom.minidom", "unittest", "email.mime.text", "json"]))
    assert found["xml.dom.minidom"] == "/lib/python_stdlib_rest.zip/xml/dom/minidom.pyc"
    assert found["unittest"] == "/lib/python_stdlib_rest.zip/unittest/__init__.pyc"
    assert found["email.mime.text"] == "/lib/python_stdlib_rest.zip/email/mime/text.pyc"
    assert found["json"].endswith("python314.zip/json/__init__.pyc")  # the site's own part
    assert asked_for_rest(paths) == 1
    context.close()


def test_when_the_rest_cannot_be_downloaded_the_import_error_names_it(browser: Browser, site: Site) -> None:
    context = guarded_context(browser, site)
    context.route(f"**/{REST}", lambda route: route.fulfill(status=404, body="gone"))
    page = context.new_page()
    worker = calculator_worker(page, site)
    found = json.loads(worker.evaluate(IMPORT_IN_WORKER, ["xml.dom.minidom"]))
    assert found["xml.dom.minidom"].startswith("ImportError: xml: http://127.0.0.1:")  # the first module asked for
    assert found["xml.dom.minidom"].endswith(f"/{REST} could not be loaded (404)")
    context.close()
