"""Make the synthetic sample behind the carers' example scheme's yearly amounts.

The cases are made up: no real carer is in them. Each case answers the carers'
example scheme (`content/schemes/carers-example.toml`), with who the carer cares for,
an age band and a "current yearly cost": what the support the carer gets now costs a
year (a one-off carer's budget, breaks, a sitting service), drawn from a seeded random
generator so the file is the same every time. Costs are spread between 70% and 130%
of £12 a point a year, in whole pounds.

The scheme publishes its amounts as a points table of yearly amounts, as councils
publish carers' budgets. Each row's amount is worked out from the sample: the median
current yearly cost of the cases whose points fall in the row's range, rounded to the
nearest £50 (halves up). The lowest range is £0: answers there show little effect of
caring on the carer's own life.

Usage: python tools/make_carers_sample.py [--check]
  writes content/calibration/carers-sample.csv and prints each range's cases, median
  and amount; with --check, only checks that the committed file is what this script
  makes.
"""

from __future__ import annotations

import csv
import io
import random
import statistics
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from ras_core import answers_from_dict, estimate, load_scheme

ROOT = Path(__file__).resolve().parent.parent
SCHEME = ROOT / "content" / "schemes" / "carers-example.toml"
OUT = ROOT / "content" / "calibration" / "carers-sample.csv"
CASES = 200
SEED = 20261123
POUNDS_PER_POINT = 12
GROUPS = ("caring-for-older-person", "caring-for-disabled-adult", "caring-for-mental-health")
# The table's points ranges; the amounts come from the sample.
RANGES = ((0, 11), (12, 23), (24, 35), (36, 47), (48, None))


def make() -> str:
    scheme = load_scheme(SCHEME)
    rng = random.Random(SEED)
    questions = scheme.questions()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["case_id", "care_group", "age_band", *(q.id for _, q in questions), "current_yearly_cost"])
    for n in range(1, CASES + 1):
        strain = rng.random()  # how hard caring is for this carer, 0 to 1
        answers = {}
        for _, question in questions:
            top = len(question.options) - 1
            index = min(top, max(0, round(rng.gauss(strain * top, 0.8))))
            answers[question.id] = question.options[index].id
        data = {"scheme": scheme.id, "scheme_version": scheme.version, "answers": answers}
        points = estimate(scheme, answers_from_dict(data, scheme)).total
        cost = round(points * POUNDS_PER_POINT * rng.uniform(0.7, 1.3))
        row = [f"K{n:04d}", rng.choice(GROUPS), rng.choice(("18-64", "65+"))]
        writer.writerow([*row, *answers.values(), cost])
    return out.getvalue()


def table(text: str) -> list[tuple[int, int | None, int, Decimal]]:
    """(from, to, cases, amount) for each range: the median cost, to the nearest £50."""
    scheme = load_scheme(SCHEME)
    rows = list(csv.DictReader(io.StringIO(text)))
    scored: list[tuple[int, Decimal]] = []
    for row in rows:
        answers = {q.id: row[q.id] for _, q in scheme.questions()}
        data = {"scheme": scheme.id, "scheme_version": scheme.version, "answers": answers}
        points = estimate(scheme, answers_from_dict(data, scheme)).total
        scored.append((points, Decimal(row["current_yearly_cost"])))
    out = []
    for low, high in RANGES:
        costs = [c for p, c in scored if p >= low and (high is None or p <= high)]
        if low == 0:
            out.append((low, high, len(costs), Decimal(0)))
            continue
        median = statistics.median(costs)
        amount = (median / 50).quantize(Decimal(1), rounding=ROUND_HALF_UP) * 50
        out.append((low, high, len(costs), amount))
    return out


def main() -> int:
    text = make()
    if "--check" in sys.argv:
        same = OUT.read_text(encoding="utf-8") == text
        print("carers-sample.csv is up to date" if same else "carers-sample.csv differs from what this script makes")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    for low, high, cases, amount in table(text):
        print(f"{low} to {high if high is not None else 'more'} points: {cases} cases, £{amount} a year")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
