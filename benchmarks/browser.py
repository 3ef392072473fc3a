"""Benchmark the site in Chromium: boot time, main-thread long tasks, and time to a result.

Prints figures; it passes or fails nothing. All in one browser run, each boot in a new
browser context (a cold cache), against the built site served on 127.0.0.1:

  (a) bare Pyodide boot plus micropip install of the wheel, in a module Web Worker on a
      blank page: the least the site could take;
  (b) from opening the assessment's start page until the calculator is ready;
  b / a, target <= 1.2;
  main-thread long tasks (over 50 ms) from opening the page until ready, target none;
  from "Get my estimate" to the result shown, once ready, target <= 100 ms median.

Usage: python benchmarks/browser.py [--runs 3] [--estimates 20] [--no-build]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import threading
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page, Route, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import build  # noqa: E402

from browser.journey import answer_everything  # noqa: E402
from ras_core import load_scheme  # noqa: E402

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

BLANK = "<!doctype html><title>blank</title><p>blank</p>"
# The same work as the site's worker, and nothing else.
BARE_WORKER = """
import { loadPyodide } from "./runtime/pyodide.mjs";
const base = new URL("./runtime/", import.meta.url);
const started = performance.now();
const boot = await (await fetch(new URL("boot.json", base))).json();
const lockFileURL = new URL("pyodide-lock.json", base).href;
const pyodide = await loadPyodide({ indexURL: base.href, lockFileURL });
await pyodide.loadPackage("micropip", { messageCallback: () => {} });
await pyodide.pyimport("micropip").install(new URL(boot.wheel, base).href, { deps: false });
self.postMessage(performance.now() - started);
"""
LONG_TASKS = """
window.__longtasks = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__longtasks.push(entry.duration);
}).observe({ type: "longtask", buffered: true });
"""


def bare_boot(browser: Browser, url: str) -> float:
    """(a): navigation start on a blank page to micropip having installed the wheel, in ms."""
    context = browser.new_context()

    def blank(route: Route) -> None:
        route.fulfill(status=200, content_type="text/html", body=BLANK)

    def worker(route: Route) -> None:
        route.fulfill(status=200, content_type="text/javascript", body=BARE_WORKER)

    context.route(url + "bench-blank.html", blank)
    context.route(url + "bench-worker.js", worker)
    page = context.new_page()
    page.goto(url + "bench-blank.html")
    elapsed: float = page.evaluate(
        """() => new Promise((resolve, reject) => {
            const w = new Worker("bench-worker.js", { type: "module" });
            w.onmessage = () => resolve(performance.now());
            w.onerror = (e) => reject(new Error(e.message));
        })"""
    )
    context.close()
    return elapsed


def site_boot(browser: Browser, url: str, block: str | None = None) -> tuple[float, list[float], Page, Any]:
    """(b): navigation start on the start page to the calculator ready, in ms; long tasks."""
    context = browser.new_context()
    context.add_init_script(LONG_TASKS)
    if block:
        context.route(block, lambda route: route.abort())
    page = context.new_page()
    page.goto(url + "assessment/")
    page.locator("#openras[data-calculator=ready]").wait_for(state="attached", timeout=120_000)
    ready: float = page.evaluate("performance.getEntriesByName('openras:ready')[0].startTime")
    tasks: list[float] = page.evaluate("window.__longtasks")
    return ready, tasks, page, context


def estimate_times(page: Page, count: int) -> list[float]:
    scheme = load_scheme(ROOT / "content" / "schemes" / "example.toml")
    answers = json.loads((ROOT / "content" / "answers" / "example-answers.json").read_text(encoding="utf-8"))
    answer_everything(page, scheme, answers)
    times = []
    for _ in range(count):
        page.get_by_role("button", name="Get my estimate").click()
        page.locator(".openras-result").wait_for(state="visible")
        times.append(
            page.evaluate(
                """() => {
                    const last = (name) => performance.getEntriesByName(name).at(-1).startTime;
                    return last('openras:result-shown') - last('openras:estimate-requested');
                }"""
            )
        )
        page.get_by_role("link", name="Change your answers").click()
    return times


def clear_times(browser: Browser, url: str, count: int) -> list[float]:
    """Guided sessions: from "Clear everything now" until the start page is shown, blank."""
    scheme = load_scheme(ROOT / "content" / "schemes" / "example.toml")
    answers = json.loads((ROOT / "content" / "answers" / "example-answers.json").read_text(encoding="utf-8"))
    context = browser.new_context()
    page = context.new_page()
    page.goto(url + "assessment/?mode=guided")
    times = []
    for _ in range(count):
        answer_everything(page, scheme, answers)
        page.get_by_role("button", name="Get my estimate").click()
        page.locator(".openras-result").wait_for(state="visible", timeout=120_000)
        page.get_by_role("link", name="Finish and clear").click()
        started = page.evaluate("performance.now()")
        page.get_by_role("button", name="Clear everything now").click()
        page.locator("#start h1").wait_for(state="visible")
        times.append(page.evaluate("performance.getEntriesByName('openras:cleared').at(-1).startTime") - started)
    context.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="cold boots of each kind (default 3)")
    parser.add_argument("--estimates", type=int, default=20, help="estimates to time (default 20)")
    parser.add_argument("--no-build", action="store_true", help="use dist/ as it is")
    args = parser.parse_args()
    if not args.no_build:
        build.build()
    server = build.make_server(build.DEFAULT_OUT, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        bare, boots, long_tasks = [], [], []
        page = context = None
        for run in range(args.runs):
            bare.append(bare_boot(browser, url))
            ready, tasks, page, context = site_boot(browser, url)
            boots.append(ready)
            long_tasks.extend(tasks)
            if run < args.runs - 1:
                context.close()
        assert page is not None and context is not None
        times = estimate_times(page, args.estimates)
        context.close()
        cleared = clear_times(browser, url, 5)
        # The same boot without the theme's script (Material's bundle: header, search,
        # palette), to tell its long tasks from the calculator's.
        themeless = []
        for _ in range(args.runs):
            _, tasks, _, bare_context = site_boot(browser, url, block="**/assets/javascripts/bundle.*.min.js")
            themeless.extend(tasks)
            bare_context.close()
        browser.close()
    server.shutdown()

    a, b = statistics.median(bare), statistics.median(boots)
    over = [t for t in long_tasks if t > 50]
    own = [t for t in themeless if t > 50]

    def runs(values: list[float]) -> str:
        return ", ".join(f"{x:.0f}" for x in values)

    rows = [
        ("(a) bare Pyodide boot + micropip install of the wheel", f"{a:8.0f} ms", f"runs: {runs(bare)}"),
        ("(b) start page opened until the calculator is ready", f"{b:8.0f} ms", f"runs: {runs(boots)}"),
        ("b / a", f"{b / a:8.2f}   ", "target <= 1.2"),
        (
            "main-thread long tasks over 50 ms during boot",
            f"{len(over):8d}   ",
            f"in {args.runs} boots; longest {max(long_tasks, default=0.0):.0f} ms; target none",
        ),
        (
            "  of which not from the theme's script (it blocked)",
            f"{len(own):8d}   ",
            f"longest {max(themeless, default=0.0):.0f} ms",
        ),
        (
            "'Get my estimate' to result shown, once ready",
            f"{statistics.median(times):8.1f} ms",
            f"median of {len(times)}; slowest {max(times):.1f} ms; target <= 100 ms",
        ),
    ]
    rows.append(
        (
            "guided session: 'Clear everything now' to a blank start",
            f"{statistics.median(cleared):8.1f} ms",
            f"median of {len(cleared)}; slowest {max(cleared):.1f} ms; target < 1 s, with no reload",
        )
    )
    print(f"Chromium, {args.runs} cold boots each, medians:")
    for label, value, note in rows:
        print(f"{label:<54} {value}   ({note})")


if __name__ == "__main__":
    main()
