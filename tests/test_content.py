"""Data health of every scheme in content/schemes/, and of the example's calibration.

A rule that a scheme may break on purpose is listed in EXCEPTIONS with the reason.
"""

from __future__ import annotations

import csv
import itertools
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import ROOT, SCHEMES
from ras_core import answers_from_dict, answers_from_json, estimate, load_scheme
from ras_core.scheme.money import to_pence

SCHEME_FILES = sorted(SCHEMES.glob("*.toml"))

# (scheme id, rule, item) -> why the rule does not apply there.
EXCEPTIONS: dict[tuple[str, str, str], str] = {
    ("carers-example", "outcome-informed", "caring-child"): "caring for children is asked at the carer's assessment",
    ("carers-example", "outcome-informed", "caring-others"): "other people the carer cares for are asked at the "
    "carer's assessment",
    ("carers-example", "outcome-informed", "community"): "using local services is asked at the carer's assessment",
}


def allowed(scheme_id: str, rule: str, item: str) -> bool:
    return (scheme_id, rule, item) in EXCEPTIONS


def test_there_is_at_least_one_scheme() -> None:
    assert {"example.toml", "carers-example.toml"} <= {p.name for p in SCHEME_FILES}


@pytest.mark.parametrize("path", SCHEME_FILES, ids=lambda p: p.name)
def test_scheme_health(path: Path) -> None:
    scheme = load_scheme(path)
    bad: list[str] = []
    for domain, question in scheme.questions():
        where = f"{domain.id}/{question.id}"
        if not question.hint.strip().endswith("."):
            bad.append(f"{where}: the hint should be a full sentence ending with a full stop")
        if not question.text.endswith("?"):
            bad.append(f"{where}: the question should end with a question mark")
        ids = [o.id for o in question.options]
        if len(ids) != len(set(ids)):
            bad.append(f"{where}: option ids repeat")
        points = [o.points for o in question.options]
        if points != sorted(points) and not allowed(scheme.id, "points-ascending", question.id):
            bad.append(f"{where}: list options from least to most need (points {points})")
        if not 2 <= len(question.options) <= 6:
            bad.append(f"{where}: {len(question.options)} options; 2 to 6 are easy to choose from")
    for domain in scheme.domains:
        if not 1 <= len(domain.questions) <= 3 and not allowed(scheme.id, "questions-per-area", domain.id):
            bad.append(f"{domain.id}: {len(domain.questions)} questions; keep areas to 1 to 3")
    informed = {o for _, q in scheme.questions() for o in q.outcomes}
    for outcome in scheme.eligibility.outcomes:
        if outcome.id not in informed and not allowed(scheme.id, "outcome-informed", outcome.id):
            bad.append(f"outcome {outcome.id}: no question informs it")
        flagged = any(
            o.outcome_not_achieved for _, q in scheme.questions() if outcome.id in q.outcomes for o in q.options
        )
        if outcome.id in informed and not flagged:
            bad.append(f"outcome {outcome.id}: no answer marks it as not achieved")
    if scheme.bands.width is None:
        edges = list(scheme.bands.edges)
        if edges != sorted(set(edges)):
            bad.append("bands: edges must go up with no repeats")
    if scheme.allocation.method == "table":
        rows = scheme.allocation.rows
        for previous, row in itertools.pairwise(rows):
            if previous.high is None or row.low != previous.high + 1:
                bad.append(f"table: row from {row.low} does not follow on from the one before")
    if scheme.illustrative and "example" not in scheme.title.lower():
        bad.append("an illustrative scheme should say it is an example in its title")
    if scheme.nation == "england" and len(scheme.eligibility.outcomes) != (10 if scheme.person == "adult" else 9):
        bad.append("England's eligibility screen has the 10 outcomes of regulation 2 (carers: 9, regulation 3)")
    assert bad == []


def test_example_scheme_shape() -> None:
    scheme = load_scheme(SCHEMES / "example.toml")
    assert scheme.illustrative
    assert 8 <= len(scheme.domains) <= 10
    assert scheme.bands.width == Decimal(25)


def test_example_rate_is_total_cost_over_total_points_of_the_sample() -> None:
    """The documented calibration: rebuild it from the committed sample and compare."""
    scheme = load_scheme(SCHEMES / "example.toml")
    question_ids = [q.id for _, q in scheme.questions()]
    total_points, total_cost, cases = 0, Decimal(0), 0
    with (ROOT / "content" / "calibration" / "example-sample.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            support = {
                key.removeprefix("unpaid_support."): value
                for key, value in row.items()
                if key.startswith("unpaid_support.")
            }
            answers = answers_from_dict(
                {
                    "scheme": scheme.id,
                    "scheme_version": scheme.version,
                    "answers": {q: row[q] for q in question_ids},
                    "unpaid_support": support,
                    "helpers_willing": row["helpers_willing"] == "yes",
                },
                scheme,
            )
            total_points += estimate(scheme, answers).total
            total_cost += Decimal(row["current_weekly_cost"])
            cases += 1
    assert cases == 240
    assert (total_cost, total_points) == (Decimal("47023.26"), 9183)
    assert scheme.allocation.rate_per_point is not None
    assert scheme.allocation.rate_per_point.value == to_pence(total_cost / total_points)


def test_the_sample_is_what_the_script_makes() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_example_sample.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.stdout.strip() == "same", done.stdout + done.stderr


def test_example_answers_file_fits_the_example_scheme() -> None:
    scheme = load_scheme(SCHEMES / "example.toml")
    path = ROOT / "content" / "answers" / "example-answers.json"
    answers_from_json(path.read_text(encoding="utf-8"), scheme)
