"""Lighthouse (mobile) on the start page, a question, the result and a guidance page, and first-visit transfer.

Prints figures; it passes or fails nothing. The site is served on 127.0.0.1 with the
headers it ships (_headers) and its pre-compressed .br files, as a host would.

Targets: performance >= 98 (mobile) and total blocking time <= 100 ms on each page
(issue 13; issue 4 asked for 95 and 200 ms), accessibility 100, best practices >= 95;
first visit <= 4.5 MB compressed (issue 13), of which everything but the Python
runtime <= 300 KB.

The result is part of the assessment page (it appears in place when the estimate is
ready), so "result" loads the same page at #result: its load figures are the page's.

Usage: python benchmarks/lighthouse.py [--no-build]   (needs npm ci and Debian's chromium)
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import build  # noqa: E402

PAGES = {
    "start": "assessment/",
    "question": "assessment/#step-1",
    "result": "assessment/#result",
    "guidance": "personal-budgets/",
}
FLAGS = " ".join(
    [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ]
)


def lighthouse(url: str, tries: int = 3) -> dict[str, Any]:
    """One Lighthouse report. Lighthouse's own trace recording sometimes fails here
    ("NO_NAVSTART"); that run is tried again, up to `tries` times."""
    for _ in range(tries - 1):
        try:
            return _lighthouse(url)
        except SystemExit as error:
            if "NO_NAVSTART" not in str(error):
                raise
    return _lighthouse(url)


def _lighthouse(url: str) -> dict[str, Any]:
    done = subprocess.run(
        [
            str(ROOT / "node_modules" / ".bin" / "lighthouse"),
            url,
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            "--only-categories=performance,accessibility,best-practices",
            f"--chrome-flags={FLAGS}",
        ],
        capture_output=True,
        text=True,
        check=False,
        env=dict(os.environ, CHROME_PATH="/usr/bin/chromium"),
    )
    if done.returncode != 0:
        raise SystemExit(f"lighthouse failed for {url}:\n{done.stderr[-2000:]}")
    report: dict[str, Any] = json.loads(done.stdout)
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="use dist/ as it is")
    args = parser.parse_args()
    if not args.no_build:
        build.build()
    server = build.make_server(build.DEFAULT_OUT, port=0, headers=build.SECURITY_HEADERS)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"

    print(f"{'page':<10} {'perf':>5} {'a11y':>5} {'best':>5} {'TBT ms':>7} {'LCP ms':>7} {'transfer':>10}")
    for name, path in PAGES.items():
        report = lighthouse(base + path)
        cats = report["categories"]
        audits = report["audits"]
        requests = audits["network-requests"]["details"]["items"]
        total = sum(r.get("transferSize", 0) for r in requests)
        runtime = sum(r.get("transferSize", 0) for r in requests if "/runtime/" in r["url"])
        print(
            f"{name:<10} {cats['performance']['score'] * 100:5.0f} {cats['accessibility']['score'] * 100:5.0f} "
            f"{cats['best-practices']['score'] * 100:5.0f} {audits['total-blocking-time']['numericValue']:7.0f} "
            f"{audits['largest-contentful-paint']['numericValue']:7.0f} {total / 1e6:8.2f} MB"
        )
        if name == "start":
            first_visit = (total, runtime)
            failing = [
                f"{cat}: {audit_id}"
                for cat, data in cats.items()
                for ref in data["auditRefs"]
                if (audit_id := ref["id"]) in audits
                and audits[audit_id].get("score") is not None
                and audits[audit_id]["score"] < 0.9
                and ref.get("weight", 0) > 0
            ]
    server.shutdown()
    total, runtime = first_visit
    print(
        f"\nfirst visit (start page until the calculator is ready): {total / 1e6:.2f} MB compressed (target <= 4.5 MB)"
    )
    print(f"  of which the Python runtime (runtime/):    {runtime / 1e6:.2f} MB")
    print(f"  of which everything else:                 {(total - runtime) / 1e3:.0f} KB (target <= 300 KB)")
    # What a complete boot fetches: not the rest of the standard library, fetched only
    # if a module of it is imported (site/stdlib_split.py).
    boot = [
        p
        for p in (build.DEFAULT_OUT / "runtime").iterdir()
        if p.is_file() and p.suffix not in (".br", ".gz", ".json") and p.name != "python_stdlib_rest.zip"
    ]
    boot += [build.DEFAULT_OUT / "runtime" / n for n in ("boot.json", "pyodide-lock.json")]
    exact = sum(
        (p.with_name(p.name + ".br") if p.with_name(p.name + ".br").exists() else p).stat().st_size
        for p in boot
        if p.name != "scheme.json"
    )
    print(f"  the runtime's files in dist/, brotli where it helps: {exact / 1e6:.2f} MB (what a complete boot fetches)")
    if failing:
        print("audits under 90 on the start page: " + ", ".join(failing))


if __name__ == "__main__":
    main()
