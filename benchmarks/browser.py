"""Benchmark the site in Chromium: boot time, main-thread long tasks, time to a result, transfer.

Prints figures; it passes or fails nothing. All in one browser run, each cold boot in a
new browser context (a cold cache), against the built site served on 127.0.0.1:

  plain    Pyodide's own boot, the npm package's files exactly as shipped (served from
           node_modules/pyodide), in a module Web Worker on a blank page, no micropip:
           what every figure below is compared with;
  floor    what no cold boot of this design can skip: the site's own runtime files with
           micropip, importing micropip and installing the wheel with it, in a worker
           on a blank page (no page, no import of ras_core, no scheme); and the bytes
           that takes (the runtime, micropip and the standard-library modules imported
           by then, compressed as served);
  cold     from opening the assessment page until its calculator is ready, a first
           visit; target <= 0.5 x plain;
  repeat   the same, on a repeat visit (the same browser, after the first visit's
           service worker has kept the site and its worker a memory snapshot; it
           says how many repeat visits started from the snapshot); target <= 0.25 x plain;
  main-thread long tasks (over 50 ms) from opening the page until ready, target none;
  from "Get my estimate" to the result shown, once ready;
  first-visit transfer: the bytes the server sent (compressed, as served) until the
  calculator is ready, and until the offline copy is kept; target <= 4.5 MB.

Usage: python benchmarks/browser.py [--runs 3] [--estimates 20] [--no-build] [--dist DIR]
"""

from __future__ import annotations

import argparse
import datetime
import http.server
import json
import statistics
import sys
import threading
from collections import Counter
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Page, Route, sync_playwright

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
# Pyodide's boot as the npm package ships it, and nothing else.
PLAIN_WORKER = """
import { loadPyodide } from "./pyodide.mjs";
await loadPyodide({ indexURL: new URL("./", import.meta.url).href });
self.postMessage("ready");
"""
# The least a first visit must do while micropip installs the package in the browser:
# everything the site's worker does up to the installed wheel, and nothing after it.
FLOOR_WORKER = """
const started = performance.now();
const pyodideModule = import("./runtime/pyodide.mjs");
const boot = await (await fetch("./runtime/boot.json")).json();
const wheel = fetch("./runtime/" + boot.wheel).then((response) => response.arrayBuffer());
const { loadPyodide } = await pyodideModule;
const pyodide = await loadPyodide({
  indexURL: new URL("./runtime/", import.meta.url).href,
  packages: ["micropip"], stdout: () => {}, stderr: () => {},
});
const micropip = pyodide.pyimport("micropip");
const path = "/tmp/" + boot.wheel.split("/").pop();
pyodide.FS.writeFile(path, new Uint8Array(await wheel));
await micropip.install("emfs:" + path, { deps: false });
const elapsed = performance.now() - started;
const modules = pyodide.runPython("import sys; sorted(sys.modules)").toJs();
self.postMessage({ elapsed, modules });
"""
LONG_TASKS = """
window.__longtasks = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__longtasks.push(entry.duration);
}).observe({ type: "longtask", buffered: true });
"""


# Bytes sent by each server (by port), counted as they are written: compressed bodies
# are counted as sent.
SENT: Counter[int] = Counter()
_copy = http.server.SimpleHTTPRequestHandler.copyfile


def _counted_copy(self: http.server.SimpleHTTPRequestHandler, source: Any, outputfile: Any) -> None:
    start = source.tell()
    _copy(self, source, outputfile)
    SENT[self.server.server_address[1]] += source.tell() - start


http.server.SimpleHTTPRequestHandler.copyfile = _counted_copy  # type: ignore[method-assign]


def plain_boot(browser: Browser, url: str) -> float:
    """Navigation start on a blank page to Pyodide ready, in ms; the npm package's files."""
    context = browser.new_context()

    def blank(route: Route) -> None:
        route.fulfill(status=200, content_type="text/html", body=BLANK)

    def worker(route: Route) -> None:
        route.fulfill(status=200, content_type="text/javascript", body=PLAIN_WORKER)

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


def floor_boot(browser: Browser, url: str) -> tuple[float, list[str]]:
    """The floor worker's time from its first line to the wheel installed, in ms, and the
    modules imported by then (blank page on the site's own server)."""
    context = browser.new_context()
    context.route(
        url + "bench-blank.html", lambda route: route.fulfill(status=200, content_type="text/html", body=BLANK)
    )
    context.route(
        url + "bench-floor.js",
        lambda route: route.fulfill(status=200, content_type="text/javascript", body=FLOOR_WORKER),
    )
    page = context.new_page()
    page.goto(url + "bench-blank.html")
    result: dict[str, Any] = page.evaluate(
        """() => new Promise((resolve, reject) => {
            const w = new Worker("bench-floor.js", { type: "module" });
            w.onmessage = (event) => resolve(event.data);
            w.onerror = (e) => reject(new Error(e.message));
        })"""
    )
    context.close()
    return float(result["elapsed"]), list(result["modules"])


def floor_bytes(dist: Path, modules: list[str]) -> int:
    """Brotli bytes of the runtime files a first visit cannot do without: Pyodide's own
    files, micropip, and the standard-library modules imported up to the installed
    wheel (packed as the build packs the zip, stored, then brotli)."""
    import io
    import zipfile

    import brotli  # type: ignore[import-untyped]  # no type hints

    runtime = dist / "runtime"
    fixed = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide-lock.json", "boot.json"]
    fixed += [path.name for path in runtime.glob("micropip-*.whl")]
    # As served: the brotli copy where the build made one (small files have none).
    total = sum(
        (runtime / f"{name}.br" if (runtime / f"{name}.br").exists() else runtime / name).stat().st_size
        for name in fixed
    )
    with zipfile.ZipFile(runtime / "python_stdlib.zip") as stdlib:
        names = set(stdlib.namelist())
        wanted = [
            candidate
            for module in modules
            for candidate in (module.replace(".", "/") + ".pyc", module.replace(".", "/") + "/__init__.pyc")
            if candidate in names
        ]
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as part:
            for name in wanted:
                part.writestr(name, stdlib.read(name))
    return total + len(brotli.compress(buffer.getvalue(), quality=11))


def site_boot(
    browser: Browser, url: str, block: str | None = None, context: BrowserContext | None = None
) -> tuple[float, list[float], Page, BrowserContext]:
    """Navigation start on the assessment page to the calculator ready, in ms; long tasks.
    A new context is a first visit; `context`, one already visited, a repeat visit."""
    if context is None:
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


def repeat_boot(browser: Browser, url: str) -> tuple[float, float, float, str]:
    """A first visit, kept for offline use, then a repeat visit in a new tab of the same
    browser: (repeat ms, bytes sent until the first visit was ready, bytes until the
    offline copy was kept, how the repeat visit started: "snapshot" or "fresh")."""
    port = int(url.rsplit(":", 1)[1].split("/")[0])
    before = SENT[port]
    _, _, page, context = site_boot(browser, url)
    ready_bytes = SENT[port] - before
    page.locator("#openras[data-offline=ready]").wait_for(state="attached", timeout=120_000)
    kept_bytes = SENT[port] - before
    page.locator("#openras[data-snapshot]").wait_for(state="attached", timeout=120_000)
    page.close()
    repeat, _, again, _ = site_boot(browser, url, context=context)
    started = again.locator("#openras").get_attribute("data-started") or "?"
    again.close()
    context.close()
    return repeat, ready_bytes, kept_bytes, started


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
    parser.add_argument("--runs", type=int, default=3, help="boots of each kind (default 3)")
    parser.add_argument("--estimates", type=int, default=20, help="estimates to time (default 20)")
    parser.add_argument("--no-build", action="store_true", help="use the built folder as it is")
    parser.add_argument("--dist", type=Path, default=build.DEFAULT_OUT, help="the built site (default dist/)")
    parser.add_argument(
        "--boot-only",
        action="store_true",
        help="boots and transfer only (for a site whose pages the journey no longer fits)",
    )
    args = parser.parse_args()
    if not args.no_build:
        build.build(build.DEFAULT_SCHEME, args.dist)
    server = build.make_server(args.dist.resolve(), port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    # The npm package's files as shipped, on a server of their own.
    npm = build.make_server(ROOT / "node_modules" / "pyodide", port=0)
    threading.Thread(target=npm.serve_forever, daemon=True).start()
    npm_url = f"http://127.0.0.1:{npm.server_address[1]}/"

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        plain, boots, repeats, long_tasks, ready_bytes, kept_bytes = [], [], [], [], [], []
        starts: list[str] = []
        page = context = None
        floors: list[float] = []
        floor_modules: list[str] = []
        for run in range(args.runs):
            plain.append(plain_boot(browser, npm_url))
            floor, floor_modules = floor_boot(browser, url)
            floors.append(floor)
            ready, tasks, page, context = site_boot(browser, url)
            boots.append(ready)
            long_tasks.extend(tasks)
            if run < args.runs - 1:
                context.close()
            repeat, sent_ready, sent_kept, started = repeat_boot(browser, url)
            repeats.append(repeat)
            starts.append(started)
            ready_bytes.append(sent_ready)
            kept_bytes.append(sent_kept)
        assert page is not None and context is not None
        times = [] if args.boot_only else estimate_times(page, args.estimates)
        context.close()
        cleared = [] if args.boot_only else clear_times(browser, url, 5)
        # The same boot without the theme's script (Material's bundle: header, search,
        # palette), to tell its long tasks from the calculator's.
        themeless = []
        for _ in range(args.runs):
            _, tasks, _, bare_context = site_boot(browser, url, block="**/assets/javascripts/bundle.*.min.js")
            themeless.extend(tasks)
            bare_context.close()
        browser.close()
    server.shutdown()
    npm.shutdown()

    a, b, c = statistics.median(plain), statistics.median(boots), statistics.median(repeats)
    f = statistics.median(floors)
    over = [t for t in long_tasks if t > 50]
    own = [t for t in themeless if t > 50]

    def runs(values: list[float]) -> str:
        return ", ".join(f"{x:.0f}" for x in values)

    def mb(values: list[float]) -> str:
        return f"{statistics.median(values) / 1e6:8.2f} MB"

    rows = [
        ("plain Pyodide boot (npm files as shipped, no micropip)", f"{a:8.0f} ms", f"runs: {runs(plain)}"),
        ("cold: assessment page opened until calculator ready", f"{b:8.0f} ms", f"runs: {runs(boots)}"),
        ("  cold / plain", f"{b / a:8.2f}   ", "target <= 0.5"),
        (
            "floor: runtime, micropip, wheel installed (no page)",
            f"{f:8.0f} ms",
            f"runs: {runs(floors)}; {f / a:.2f} x plain, before ras_core is imported",
        ),
        (
            "repeat visit: opened until calculator ready",
            f"{c:8.0f} ms",
            f"runs: {runs(repeats)}; from the snapshot: {starts.count('snapshot')} of {len(starts)}",
        ),
        ("  repeat / plain", f"{c / a:8.2f}   ", "target <= 0.25"),
        (
            "main-thread long tasks over 50 ms until ready",
            f"{len(over):8d}   ",
            f"in {args.runs} cold boots; longest {max(long_tasks, default=0.0):.0f} ms; target none",
        ),
        (
            "  of which not from the theme's script (it blocked)",
            f"{len(own):8d}   ",
            f"longest {max(themeless, default=0.0):.0f} ms",
        ),
        ("first visit: bytes sent until calculator ready", mb(ready_bytes), "compressed, as served"),
        ("first visit: bytes sent until kept for offline", mb(kept_bytes), "target <= 4.5 MB"),
        (
            "floor: runtime, micropip and their modules",
            f"{floor_bytes(args.dist, floor_modules) / 1e6:8.2f} MB",
            "compressed, as served; without ras_core, the scheme or any page",
        ),
    ]
    if times:
        rows.append(
            (
                "'Get my estimate' to result shown, once ready",
                f"{statistics.median(times):8.1f} ms",
                f"median of {len(times)}; slowest {max(times):.1f} ms",
            )
        )
    if cleared:
        rows.append(
            (
                "guided session: 'Clear everything now' to a blank start",
                f"{statistics.median(cleared):8.1f} ms",
                f"median of {len(cleared)}; slowest {max(cleared):.1f} ms; target < 1 s, with no reload",
            )
        )
    today = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    print(f"Chromium, {today}, {args.runs} boots of each kind, medians:")
    for label, value, note in rows:
        print(f"{label:<56} {value}   ({note})")


if __name__ == "__main__":
    main()
