"""Make the synthetic calibration sample behind the example scheme's rate per point.

The cases are made up: no real person is in them. Each case has answers to the
example scheme, unpaid help, a care group, an age band and a "current weekly cost"
(what its support costs now), drawn from a seeded random generator so the file is
the same every time. The rate per point is worked out as councils do it: total
current weekly cost of the sample divided by its total points (after unpaid help),
rounded to the nearest penny, halves up.

Usage: python tools/make_example_sample.py [--check]
  writes content/calibration/example-sample.csv and prints the sums and the rate;
  with --check, only checks that the committed file is what this script makes.
"""

from __future__ import annotations

import csv
import io
import random
import sys
from decimal import Decimal
from pathlib import Path

from ras_core import answers_from_dict, estimate, load_scheme
from ras_core.scheme.money import pounds_exact, to_pence

ROOT = Path(__file__).resolve().parent.parent
SCHEME = ROOT / "content" / "schemes" / "example.toml"
OUT = ROOT / "content" / "calibration" / "example-sample.csv"
CASES = 240
SEED = 20260401
# The "true" cost of a point, in pence, around which current costs are spread.
PENCE_PER_POINT = 510
GROUPS = ("physical-disability", "learning-disability", "mental-health", "older-people-frailty")


def make() -> tuple[str, int, Decimal]:
    scheme = load_scheme(SCHEME)
    rng = random.Random(SEED)
    questions = scheme.questions()
    support_domains = [d for d in scheme.domains if d.asks_unpaid_support]
    header = ["case_id", "care_group", "age_band"]
    header += [q.id for _, q in questions]
    header += [f"unpaid_support.{d.id}" for d in support_domains]
    header += ["helpers_willing", "current_weekly_cost"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    total_points = 0
    total_pence = 0
    for n in range(1, CASES + 1):
        # A case's overall level of need (0 to 3) sets how likely each higher answer is.
        level = rng.randint(0, 3)
        choices = {}
        for _, question in questions:
            top = len(question.options) - 1
            index = max(0, min(top, level + rng.randint(-2, 1)))
            choices[question.id] = question.options[index].id
        support = {d.id: rng.choice(scheme.unpaid_support.options).id for d in support_domains}
        willing = rng.random() < 0.7
        answers = answers_from_dict(
            {
                "scheme": scheme.id,
                "scheme_version": scheme.version,
                "answers": choices,
                "unpaid_support": support,
                "helpers_willing": willing,
            },
            scheme,
        )
        points = estimate(scheme, answers).total
        # Current costs vary around the true rate: 70% to 130% of it, in whole pence.
        pence = points * PENCE_PER_POINT * rng.randint(70, 130) // 100
        total_points += points
        total_pence += pence
        group = rng.choice(GROUPS)
        age = "65+" if group == "older-people-frailty" or rng.random() < 0.3 else "18-64"
        row = [f"C{n:04d}", group, age]
        row += [choices[q.id] for _, q in questions]
        row += [support[d.id] for d in support_domains]
        row += ["yes" if willing else "no", f"{Decimal(pence) / 100:.2f}"]
        writer.writerow(row)
    total_cost = Decimal(total_pence) / 100
    return out.getvalue(), total_points, total_cost


def main() -> int:
    text, points, cost = make()
    rate = to_pence(cost / points)
    if "--check" in sys.argv:
        same = OUT.read_text(encoding="utf-8") == text
        print("same" if same else "differs")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"{CASES} cases, total weekly cost {pounds_exact(cost)}, total points {points:,}")
    print(f"rate per point = {pounds_exact(cost)} / {points:,} = {pounds_exact(rate)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
