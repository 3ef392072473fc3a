"""The carers' example scheme: its amounts come from its documented calibration, it is
screened by England's carers' law, and every `ras` command accepts it."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from conftest import ROOT, SCHEMES
from ras_core import load_scheme

CARERS = SCHEMES / "carers-example.toml"
RAS = [sys.executable, "-m", "ras_core"]


def test_the_table_is_the_calibration_from_the_made_up_carers() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    import make_carers_sample

    text = (ROOT / "content" / "calibration" / "carers-sample.csv").read_text(encoding="utf-8")
    assert make_carers_sample.make() == text
    scheme = load_scheme(CARERS)
    rows = [(r.low, r.high, r.amount) for r in scheme.allocation.rows]
    assert rows == [(low, high, amount) for low, high, _, amount in make_carers_sample.table(text)]
    assert [r.amount for r in scheme.allocation.rows] == [Decimal(a) for a in ("0", "200", "350", "500", "600")]


def test_the_carers_scheme_is_a_yearly_carers_example_in_england() -> None:
    scheme = load_scheme(CARERS)
    assert (scheme.person, scheme.nation, scheme.period, scheme.illustrative) == ("carer", "england", "year", True)
    assert scheme.hourly_rate is None and scheme.unpaid_support is None
    assert scheme.eligibility.rules.law.url == "https://www.legislation.gov.uk/uksi/2015/313/regulation/3"
    titles = [d.title for d in scheme.domains]
    assert titles == [
        "Your health",
        "Sleep",
        "Work and learning",
        "Time for yourself",
        "Relationships",
        "Your home",
        "Money",
        "Emergencies and planning ahead",
        "Going on caring",
    ]
    assert "EXAMPLE" in CARERS.read_text(encoding="utf-8").splitlines()[2]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*RAS, *args], capture_output=True, text=True, check=False, cwd=ROOT)


def test_ras_validate_estimate_and_explain_accept_the_carers_scheme(tmp_path: Path) -> None:
    done = _run("validate", str(CARERS))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "10 questions" in done.stdout
    scheme = load_scheme(CARERS)
    answers = {q.id: q.options[-1].id for _, q in scheme.questions()}
    path = tmp_path / "carer.json"
    path.write_text(
        json.dumps({"format": 2, "scheme": scheme.id, "scheme_version": scheme.version, "answers": answers})
    )
    done = _run("estimate", "--scheme", str(CARERS), str(path))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Your indicative budget: £600 to £650 a year\n")
    assert "hours" not in done.stdout
    done = _run("explain", str(CARERS))
    assert done.returncode == 0
    assert "Answer each question about your own life as it is now, with the caring you do." in done.stdout
    assert "regulation 3" in done.stdout


def test_adults_answers_given_to_the_carers_scheme_name_the_adults_scheme(tmp_path: Path) -> None:
    path = tmp_path / "adult.json"
    path.write_text(json.dumps({"format": 2, "scheme": "example", "scheme_version": "2026.1", "answers": {}}))
    done = _run("estimate", "--scheme", str(CARERS), str(path))
    assert done.returncode == 1
    assert 'these answers are for the scheme "example", not "carers-example" (Example Council)' in done.stdout + (
        done.stderr
    )
