"""Benchmark the RAS core: estimates a second over random answers, and scheme load time.

Prints figures; it passes or fails nothing. Targets (issue 2): at least 20,000
estimates a second, and a scheme loads in under 50 ms.

Usage: python benchmarks/core.py [--scheme content/schemes/example.toml] [--count 20000]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from helpers import random_answers  # noqa: E402
from ras_core import answers_from_dict, estimate, estimate_to_dict, load_scheme  # noqa: E402


def rate(label: str, count: int, seconds: float, target: str = "") -> None:
    print(f"{label:<48} {count / seconds:>10,.0f} /s   ({seconds * 1e6 / count:,.1f} µs each){target}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scheme", default=str(ROOT / "content" / "schemes" / "example.toml"))
    parser.add_argument("--count", type=int, default=20_000)
    args = parser.parse_args()

    loads = []
    for _ in range(30):
        start = time.perf_counter()
        scheme = load_scheme(args.scheme)
        loads.append(time.perf_counter() - start)
    print(f"scheme: {args.scheme}")
    print(
        f"{'scheme load (read, parse TOML, check)':<48} {statistics.median(loads) * 1000:>10.2f} ms median, "
        f"{max(loads) * 1000:.2f} ms slowest of 30   (target < 50 ms)"
    )

    rng = random.Random(2026)
    raw = [random_answers(scheme, rng) for _ in range(args.count)]
    start = time.perf_counter()
    checked = [answers_from_dict(data, scheme) for data in raw]
    rate("answers checked", args.count, time.perf_counter() - start)

    estimate(scheme, checked[0])  # build the per-scheme lookups once, outside the timing
    start = time.perf_counter()
    results = [estimate(scheme, answers) for answers in checked]
    rate("estimates (figures, band, flags)", args.count, time.perf_counter() - start, "   (target >= 20,000/s)")

    start = time.perf_counter()
    for result in results:
        result.working  # noqa: B018 - rendering the working is what is timed
    rate("  + the working in plain English", args.count, time.perf_counter() - start)

    start = time.perf_counter()
    for result in results:
        estimate_to_dict(result)
    rate("  + the result as JSON-ready data", args.count, time.perf_counter() - start)

    fresh = [answers_from_dict(data, scheme) for data in raw[: args.count // 4]]
    start = time.perf_counter()
    for answers in fresh:
        estimate_to_dict(estimate(scheme, answers))
    rate("end to end: estimate + working + JSON data", len(fresh), time.perf_counter() - start)


if __name__ == "__main__":
    main()
