"""`ras plan` as a person or a worker runs it: the working as text, --json with decimal
strings, --help, and every problem in a bad file with exit status 1."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import helpers
from conftest import ROOT

EXAMPLE_PLAN = ROOT / "content" / "plans" / "example-plan.json"


def ras(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return helpers.ras(*args, cwd=ROOT)  # the default figures are found from the source tree


def test_the_example_plan_prints_its_lines_total_and_position() -> None:
    done = ras("plan", EXAMPLE_PLAN)
    assert done.returncode == 0, done.stderr
    out = done.stdout.splitlines()
    start = out.index("Support and what it costs")
    # PA: 7.5 × £15.50 = £116.25; holiday £14.03; earnings £130.28; NI (£34.28 × 15%) £5.14;
    # pension: £130.28 is not more than £192, no opt-in: £0; £135.42 a week
    assert out[start + 1 : start + 10] == [
        "Personal assistant: Morning personal assistant: £135.42 a week, £7,041.84 a year.",
        "Agency care: Weekend mornings: £55.00 a week, £2,860.00 a year.",
        "Day activity: Art group: £12.00 a week, £624.00 a year.",
        "Employer's liability insurance: £2.88 a week, £150.00 a year.",
        "Direct payment support: Payroll service: £5.77 a week, £300.00 a year.",
        "Employment Allowance: −£5.14 a week, −£267.28 a year.",
        "Contingency: £6.18 a week, £321.26 a year.",
        "Total: £212.11 a week, £11,029.82 a year.",
        "The plan's total, £212.11 a week, is £37.11 a week more than the top of the indicative budget (£175 a week).",
    ]
    assert "What to bring to the council" in out
    assert done.stdout.rstrip().endswith("your budget is agreed in your support plan.")


def test_json_gives_lines_weekly_yearly_and_totals_as_decimal_strings() -> None:
    done = ras("plan", "--json", EXAMPLE_PLAN)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["weekly_total"] == "212.11" and data["yearly_total"] == "11029.82"
    assert data["weeks_per_year"] == 52 and data["position"] == "over" and data["difference"] == "37.11"
    assert [(line["weekly"], line["yearly"]) for line in data["lines"]][:2] == [
        ("135.42", "7041.84"),
        ("55.00", "2860.00"),
    ]
    assert sum(Decimal(line["weekly"]) for line in data["lines"]) == Decimal(data["weekly_total"])
    assert sum(Decimal(line["yearly"]) for line in data["lines"]) == Decimal(data["yearly_total"])
    assert all(f["source"]["title"] for f in data["figures"])
    text = ras("plan", EXAMPLE_PLAN).stdout
    assert data["words"][0]["text"] == text.splitlines()[0]


def test_help() -> None:
    done = ras("plan", "--help")
    assert done.returncode == 0
    assert done.stdout.startswith("usage: ras plan")
    assert "52 weeks" in done.stdout


def test_a_bad_plan_lists_every_problem_and_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "plan.json"
    bad.write_text(
        json.dumps(
            {
                "format": 1,
                "date": "2026-11-23",
                "result": {"band": {"low": "150", "high": "175", "period": "week"}},
                "lines": [{"kind": "agency", "name": "A", "hours": {"weekday": "200"}}, {"kind": "one_off"}],
            }
        ),
        encoding="utf-8",
    )
    done = ras("plan", bad)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.splitlines() == [
        f"{bad}: 3 problems found",
        f"{bad}: lines[0].hours.weekday: expected a number of hours a week from 0 to 168, got 200",
        f"{bad}: lines[1].name: missing; expected text",
        f'{bad}: lines[1].cost: missing; expected an amount in pounds, like "13.00"',
    ]


def test_missing_files_are_named(tmp_path: Path) -> None:
    done = ras("plan", tmp_path / "none.json")
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"{tmp_path / 'none.json'}: 1 problem found",
        f"{tmp_path / 'none.json'}: file not found",
    ]
    done = ras("plan", EXAMPLE_PLAN, "--costs", tmp_path / "costs.toml")
    assert done.stderr.splitlines()[-1] == f"{tmp_path / 'costs.toml'}: file not found"


def test_ras_plan_finds_its_figures_from_any_folder(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "ras_core", "plan", str(EXAMPLE_PLAN), "--json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "weekly_total" in done.stdout
