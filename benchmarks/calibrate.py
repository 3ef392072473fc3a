"""Benchmark calibration at scale: 100,000 cases in CPython and in the browser.

Prints figures; it passes or fails nothing. Targets (issue 6): 100,000 cases calibrate
in under 5 s in CPython and under 15 s in the browser, in under 500 MB.

The cases are made up here from a seeded random generator: every question answered,
unpaid help and a current cost for each.

Usage: python benchmarks/calibrate.py [--cases 100000] [--no-browser] [--no-build]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import threading
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import build  # noqa: E402

from ras_core import Scheme, load_scheme  # noqa: E402
from ras_core.council.calibrate import calibrate  # noqa: E402
from ras_core.council.cases import read_cases  # noqa: E402
from ras_core.council.report import report_html  # noqa: E402

GROUPS = ("physical-disability", "learning-disability", "mental-health", "older-people")


def make_cases(scheme: Scheme, count: int) -> str:
    rng = random.Random(2026)
    questions = [q for _, q in scheme.questions()]
    areas = [d.id for d in scheme.domains if d.asks_unpaid_support]
    support = [o.id for o in scheme.unpaid_support.options]
    header = ["case_id", "care_group", "age_band", *(q.id for q in questions)]
    header += [f"unpaid_support.{a}" for a in areas] + [
        "helpers_willing",
        "current_weekly_cost",
        "agreed_weekly_budget",
    ]
    lines = [",".join(header)]
    for n in range(count):
        cost = rng.randint(0, 80000)
        row = [f"C{n:06d}", rng.choice(GROUPS), rng.choice(("18-64", "65+"))]
        row += [rng.choice(q.options).id for q in questions]
        row += [rng.choice(support) for _ in areas]
        row += [
            rng.choice(("yes", "no")),
            f"{cost // 100}.{cost % 100:02d}",
            f"{cost * 11 // 1000}.{cost * 11 // 10 % 100:02d}",
        ]
        lines.append(",".join(row))
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()
    scheme = load_scheme(ROOT / "content" / "schemes" / "example.toml")
    text = make_cases(scheme, args.cases)
    print(f"{args.cases:,} cases, {len(text.encode()) / 1e6:.1f} MB of CSV")

    start = time.perf_counter()
    cases = read_cases(text, scheme)
    read = time.perf_counter()
    result = calibrate(scheme, cases)
    worked = time.perf_counter()
    report_html(result)
    done = time.perf_counter()
    # Memory in a second run: tracing allocations slows Python several times over.
    tracemalloc.start()
    report_html(calibrate(scheme, read_cases(text, scheme)))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(
        f"CPython: read {read - start:.2f} s, calibrate {worked - read:.2f} s, report {done - worked:.2f} s; "
        f"total {done - start:.2f} s (target < 5 s)"
    )
    print(
        f"CPython: peak traced memory {peak / 1e6:.0f} MB; process peak "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3:.0f} MB (target < 500 MB)"
    )
    print(f"rate per point {result.rate_per_point}, {len(cases.cases):,} cases used")

    if args.no_browser:
        return
    from playwright.sync_api import sync_playwright

    if not args.no_build:
        build.build()
    server = build.make_server(build.DEFAULT_OUT, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/council-tools/"
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        page = browser.new_page()
        page.goto(url)
        page.locator("#openras-tools[data-calculator=ready]").wait_for(state="attached", timeout=120_000)
        page.locator("#cases-file").set_input_files(
            {"name": "cases.csv", "mimeType": "text/csv", "buffer": text.encode("utf-8")}
        )
        page.get_by_role("button", name="Calibrate").click()
        page.locator(".openras-tools-result").wait_for(state="visible", timeout=300_000)
        seconds = page.locator("#openras-tools").get_attribute("data-seconds")
        memory = page.evaluate("performance.memory ? performance.memory.usedJSHeapSize : 0")
        browser.close()
    server.shutdown()
    print(
        f"browser: {seconds} s from 'Calibrate' to the report shown (target < 15 s); "
        f"page JS heap {memory / 1e6:.0f} MB (the worker's memory is not included)"
    )


if __name__ == "__main__":
    main()
