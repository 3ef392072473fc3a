"""Calibration a finance officer can trust: base amounts, rounding, target totals, fit and changes.

`ras calibrate` recovers a known rate from synthetic cases made in the test, with and
without a base amount: exactly without noise, and within a stated tolerance with it.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import EXAMPLE
from ras_core import Scheme, scheme_from_toml
from ras_core.cli import main
from ras_core.council.calibrate import calibrate, pounds_rate, rate_text, round_rate
from ras_core.council.cases import Case, Cases, CasesError, read_cases
from ras_core.council.options import read_options
from ras_core.council.recalibrate import recalibrate
from ras_core.council.report import report_html
from ras_core.council.stats import fit_sentence
from ras_core.serialize import calibration_to_dict

BASE_TOML = (
    '[allocation.base]\nlabel = "Base amount"\nlabel_cy = "Swm sylfaenol"\n'
    'description = "Paid to everyone."\ndescription_cy = "Fe\'i telir i bawb."\nvalue = 40\n\n'
)


def with_base_source() -> str:
    """The example scheme's TOML with a base amount of £40 a case."""
    source = EXAMPLE.read_text(encoding="utf-8")
    return source.replace("[allocation.rate_per_point]", BASE_TOML + "[allocation.rate_per_point]")


@pytest.fixture(scope="module")
def based() -> Scheme:
    return scheme_from_toml(with_base_source())


def synthetic(count: int, base: Decimal, rate: Decimal, noise_pence: int, seed: int) -> tuple[str, int, Decimal]:
    """Cases costing base + points x rate, each plus or minus up to `noise_pence`, to the penny.

    Gives the CSV text, the total points and the total noise (pounds)."""
    rng = random.Random(seed)
    lines = ["case_id,points,current_weekly_cost,care_group,age_band"]
    total_points, total_noise = 0, Decimal(0)
    for n in range(count):
        points = rng.randint(5, 120)
        noise = Decimal(rng.randint(-noise_pence, noise_pence)) / 100
        cost = base + points * rate + noise  # whole pence: rate has 2 decimal places here
        total_points += points
        total_noise += noise
        group = rng.choice(["older people", "learning disability", "mental health"])
        lines.append(f"S{n:03},{points},{cost:.2f},{group},{'65+' if n % 2 else '18-64'}")
    return "\n".join(lines) + "\n", total_points, total_noise


def ras_json(tmp_path: Path, csv_text: str, scheme_text: str, *options: str) -> dict[str, object]:
    cases = tmp_path / "cases.csv"
    cases.write_text(csv_text, encoding="utf-8")
    scheme = tmp_path / "scheme.toml"
    scheme.write_text(scheme_text, encoding="utf-8")
    done = subprocess.run(
        [
            *(sys.executable, "-m", "ras_core", "calibrate", str(cases), "--scheme", str(scheme)),
            *("--out", str(tmp_path / "out"), "--json", *options),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 0, done.stderr
    facts: dict[str, object] = json.loads(done.stdout)
    return facts


# The tolerance for noisy cases (up to ±£2 a case, about 60 points a case): the recovered rate is
# within half a penny a point. The error is the noise's total over the total points, checked exactly.
TOLERANCE = Decimal("0.005")


def test_ras_calibrate_recovers_a_known_rate_with_a_base_amount_exactly_without_noise(tmp_path: Path) -> None:
    text, points, _ = synthetic(200, Decimal(40), Decimal("4.37"), 0, seed=1)
    facts = ras_json(tmp_path, text, with_base_source())
    assert facts["rate_per_point"] == "4.37"  # not the £5.02 of total cost / total points
    assert facts["base"] == "40.00"
    assert facts["total_indicative"] == facts["total_current_cost"]
    assert facts["rate_working"] == [
        f"Rate per point: (£{Decimal(str(facts['total_current_cost'])):,.2f} − 200 cases × £40.00 base amount) ÷ "
        f"{points:,} points = £4.37 a point, exactly."
    ]
    changes = facts["changes"]
    assert isinstance(changes, dict)
    assert changes["all_cases"]["same"] == 200  # every case's amount is its cost
    new = scheme_from_toml((tmp_path / "out" / "scheme.toml").read_text(encoding="utf-8"))
    assert new.allocation.rate_per_point is not None and new.allocation.rate_per_point.value == Decimal("4.37")
    assert new.allocation.rate_per_point.description == (
        f"What one point is worth each week: £{Decimal(str(facts['total_current_cost'])):,.2f}, the total current "
        f"weekly cost of 200 cases, less the base amount of £40.00 for each case (£8,000.00 in all), divided by "
        f"the {points:,} points of 200 cases, rounded to 4 decimal places."
    )


def test_ras_calibrate_recovers_a_known_rate_with_a_base_amount_within_tolerance_with_noise(
    tmp_path: Path,
) -> None:
    text, points, noise = synthetic(200, Decimal(40), Decimal("4.37"), 200, seed=2)  # up to ±£2 a case
    facts = ras_json(tmp_path, text, with_base_source())
    rate = Decimal(str(facts["rate_per_point"]))
    assert abs(rate - Decimal("4.37")) <= TOLERANCE
    assert rate == round_rate(Decimal("4.37") + noise / points)  # the error is exactly the mean noise a point
    fit = facts["fit"]
    assert isinstance(fit, dict) and Decimal(fit["r_squared"]) >= Decimal("0.99")


def test_ras_calibrate_recovers_a_known_rate_without_a_base_amount(tmp_path: Path) -> None:
    text, _, _ = synthetic(200, Decimal(0), Decimal("4.37"), 0, seed=3)
    assert ras_json(tmp_path, text, EXAMPLE.read_text(encoding="utf-8"))["rate_per_point"] == "4.37"
    text, points, noise = synthetic(200, Decimal(0), Decimal("4.37"), 200, seed=4)
    rate = Decimal(str(ras_json(tmp_path, text, EXAMPLE.read_text(encoding="utf-8"))["rate_per_point"]))
    assert abs(rate - Decimal("4.37")) <= TOLERANCE and rate == round_rate(Decimal("4.37") + noise / points)


def test_without_the_base_the_rate_would_be_wrong(based: Scheme, example: Scheme) -> None:
    """The issue's case: a scheme without the base reads the same cases as about £5 a point."""
    text, _, _ = synthetic(200, Decimal(40), Decimal("4.37"), 0, seed=1)
    assert calibrate(based, read_cases(text, based)).rate_per_point == Decimal("4.37")
    assert calibrate(example, read_cases(text, example)).rate_per_point > Decimal("5")


def test_a_target_total_with_a_base_amount_and_the_warning_when_it_lowers_the_rate(based: Scheme) -> None:
    text, points, _ = synthetic(200, Decimal(40), Decimal("4.37"), 0, seed=1)
    target = 200 * Decimal(40) + 4 * points  # exactly £40 + £4.00 a point
    result = calibrate(based, read_cases(text, based), target_total=target)
    assert result.rate_for_target == Decimal(4) and result.rate_used == Decimal(4)
    assert result.total_indicative == target
    assert result.warnings == (
        "The target total gives a lower rate than current costs do: £4.00 a point against £4.37 (8.5% less). "
        "A lower rate does not lower what people need: budgets must still be enough to meet eligible needs "
        "(Care Act 2014 s.26; Care and Support Statutory Guidance 11.24). The indicative amount is a starting "
        "point, never a cap.",
    )
    html = report_html(result)
    assert "budgets must still be enough to meet eligible needs" in html
    higher = calibrate(based, read_cases(text, based), target_total=target + points)
    assert higher.rate_for_target == Decimal(5) and higher.warnings == ()


def test_a_base_amount_as_large_as_the_costs_is_refused_plainly(based: Scheme) -> None:
    cases = read_cases("case_id,points,current_weekly_cost\nA,10,30\nB,20,45\n", based)
    with pytest.raises(CasesError) as caught:
        calibrate(based, cases)
    assert str(caught.value) == (
        "The base amount of £40.00 for each of the 2 cases comes to £80.00, as much as the total current weekly "
        "cost (£75.00) or more, so nothing is left to pay for points. Check the base amount and the "
        "current_weekly_cost column."
    )
    with pytest.raises(CasesError) as caught:
        calibrate(based, read_cases("case_id,points,current_weekly_cost\nA,10,300\n", based), target_total=Decimal(40))
    assert str(caught.value).endswith(
        "as much as the target total (£40.00) or more, so nothing is left to pay for points. "
        "Give a larger target total."
    )


def test_the_rate_is_rounded_to_4_decimal_places_and_said_so(example: Scheme) -> None:
    cases = read_cases("case_id,points,current_weekly_cost\nA,3,10.00\n", example)
    result = calibrate(example, cases)
    assert result.exact_rate == Decimal(10) / 3 and result.rate_per_point == Decimal("3.3333")
    assert result.total_indicative == Decimal("10.00")  # 3 x £3.3333 = £9.9999, to the penny
    assert [rate_text(Decimal(v)) for v in ("4.3700", "5", "5.1207", "1250.5")] == ["4.37", "5.00", "5.1207", "1250.50"]
    assert pounds_rate(Decimal("1250.1234")) == "£1,250.1234"
    assert "Rate per point (rounded to 4 decimal places)" in report_html(result)
    assert calibration_to_dict(result)["rate_rounding"] == "rounded to 4 decimal places"


def test_how_well_points_explain_cost(example: Scheme) -> None:
    rows = "\n".join(f"C{n},{p},{c}" for n, (p, c) in enumerate([(10, 50), (20, 100), (30, 150), (40, 200)]))
    result = calibrate(example, read_cases("case_id,points,current_weekly_cost\n" + rows + "\n", example))
    assert result.fit.r_squared == 1
    assert fit_sentence(result.fit) == (
        "Points explain 100% of the differences in current cost between cases (R² = 1.00), so points follow "
        "cost closely. Half of the cases cost between £5.00 and £5.00 a point (the middle half; the median is "
        "£5.00); a quarter cost less and a quarter more."
    )
    rows = "\n".join(f"C{n},{p},{c}" for n, (p, c) in enumerate([(10, 200), (20, 50), (30, 150), (40, 100)]))
    result = calibrate(example, read_cases("case_id,points,current_weekly_cost\n" + rows + "\n", example))
    assert result.fit.r_squared == Decimal("0.16")  # correlation -0.4
    assert fit_sentence(result.fit) == (
        "Points explain 16% of the differences in current cost between cases (R² = 0.16), so points follow cost "
        "poorly. Much of what cases cost is not explained by their points: check the questions and their points "
        "before relying on the rate. Half of the cases cost between £2.50 and £8.75 a point (the middle half; the "
        "median is £3.75); a quarter cost less and a quarter more."
    )


def test_who_would_go_up_or_down(example: Scheme) -> None:
    # At £5.00 a point (£300 / 60 points): A £50 (was £40, +£10), B £100 (same), C £150 (was £160, -£10).
    text = "case_id,points,current_weekly_cost,care_group\nA,10,40,x\nB,20,100,x\nC,30,160,y\n"
    shifts = calibrate(example, read_cases(text, example)).shifts
    overall = shifts.overall
    assert (overall.up, overall.down, overall.same, overall.median_change) == (1, 1, 1, Decimal("0.00"))
    assert overall.median_percent == Decimal("0.0")
    by_group = {s.name: s for s in shifts.by_care_group}
    assert (by_group["x"].up, by_group["x"].same, by_group["x"].median_change) == (1, 1, Decimal("5.00"))
    assert by_group["y"].down == 1 and by_group["y"].median_percent == Decimal("-6.3")
    assert all(s.too_few for s in shifts.by_care_group)


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("ten", 'Minimum group size: "ten" is not a number of cases: write a whole number, like 10.'),
        ("2.5", 'Minimum group size: "2.5" is not a number of cases: write a whole number, like 10.'),
        ("0", 'Minimum group size: "0" is out of range: write a whole number of cases from 1 to 1,000,000.'),
    ],
)
def test_the_minimum_group_size_is_read_strictly(value: str, problem: str) -> None:
    names = {"min_group_size": "Minimum group size"}
    with pytest.raises(CasesError) as caught:
        read_options({"min_group_size": value}, names)
    assert list(caught.value.problems) == [problem]
    assert read_options({"min_group_size": "25"}, names).min_group_size == 25
    assert read_options({}, names).min_group_size == 10


def test_ras_calibrate_min_group_size_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cases = tmp_path / "cases.csv"
    cases.write_text("case_id,points,current_weekly_cost\nA,10,50\n", encoding="utf-8")
    args = ["calibrate", str(cases), "--scheme", str(EXAMPLE), "--out", str(tmp_path / "o")]
    assert main([*args, "--min-group-size", "x"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "ras calibrate: 1 problem found",
        'ras calibrate: --min-group-size: "x" is not a number of cases: write a whole number, like 10.',
    ]
    assert main([*args, "--min-group-size", "1", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["min_group_size"] == 1


def test_ras_calibrate_prints_the_working_warnings_fit_and_changes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = tmp_path / "cases.csv"
    cases.write_text("case_id,points,current_weekly_cost\nA,10,40\nB,20,100\nC,30,160\n", encoding="utf-8")
    out = tmp_path / "o"
    assert main(["calibrate", str(cases), "--scheme", str(EXAMPLE), "--out", str(out), "--target-total", "240"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "3 cases used of 3 rows read; 0 rows not used (listed in the report).",
        "Rate per point: £300.00 ÷ 60 points = £5.00 a point, exactly.",
        "Rate for the target total: £240.00 ÷ 60 points = £4.00 a point, exactly.",
        "Warning: The target total gives a lower rate than current costs do: £4.00 a point against £5.00 "
        "(20.0% less). A lower rate does not lower what people need: budgets must still be enough to meet "
        "eligible needs (Care Act 2014 s.26; Care and Support Statutory Guidance 11.24). The indicative amount "
        "is a starting point, never a cap.",
        "Points explain 100% of the differences in current cost between cases (R² = 1.00), so points follow cost "
        "closely. Half of the cases cost between £4.50 and £5.17 a point (the middle half; the median is £5.00); "
        "a quarter cost less and a quarter more.",
        "If the indicative amounts replaced current costs: 0 would go up, 2 would go down and 1 would stay the "
        "same (median change -£20.00 a week).",
        f"Wrote {out / 'report.html'} and {out / 'scheme.toml'} (version 2026.2).",
    ]


def test_a_table_scheme_gets_accuracy_and_fairness_and_no_new_file(tmp_path: Path) -> None:
    from conftest import TEST_SCHEMES

    path = TEST_SCHEMES / "table.toml"
    table = scheme_from_toml(path.read_text(encoding="utf-8"))
    rows = [f"T{n},{p},{c},{a},{g}" for n, (p, c, a, g) in enumerate([(70, 60, 50, "a"), (200, 150, 175.50, "b")] * 6)]
    text = "case_id,points,current_weekly_cost,agreed_weekly_budget,care_group\n" + "\n".join(rows) + "\n"
    options = read_options({"min_group_size": "2"}, {"min_group_size": "m"})
    done = recalibrate(table, path.read_text(encoding="utf-8"), text, options)
    assert done.scheme_toml is None and done.version is None
    result = done.calibration
    assert result.method == "table"
    assert result.accuracy is not None and result.accuracy.median_abs_pct == Decimal("0.0")
    groups = {g.name: g for g in result.by_care_group}
    # The table gives a £50.00 (its cost £60) and b £175.50 (its cost £150): shares 83.3% and 117.0%.
    assert (groups["a"].share, groups["b"].share) == (Decimal("83.3"), Decimal("117.0"))
    assert groups["a"].flagged and not groups["b"].flagged
    assert result.warnings[0].startswith("This scheme uses a points table, which a rate cannot change")
    assert main(["calibrate", str(tmp_path / "c.csv"), "--scheme", str(path), "--out", str(tmp_path)]) == 1
    (tmp_path / "c.csv").write_text(text, encoding="utf-8")
    assert main(["calibrate", str(tmp_path / "c.csv"), "--scheme", str(path), "--out", str(tmp_path / "o")]) == 0
    assert (tmp_path / "o" / "report.html").exists() and not (tmp_path / "o" / "scheme.toml").exists()


def _cases(pairs: list[tuple[int, Decimal]]) -> Cases:
    made = tuple(
        Case(
            case_id=f"P{n}",
            points_before=p,
            points=p,
            current_cost=c,
            agreed=None,
            indicative=None,
            care_group="g",
            age_band="a",
        )
        for n, (p, c) in enumerate(pairs)
    )
    return Cases(cases=made, problems=(), rows_read=len(made), blank_lines=0, ignored_columns=())


@settings(max_examples=150, deadline=None)
@given(
    pairs=st.lists(
        st.tuples(st.integers(0, 400), st.integers(0, 500_000).map(lambda p: Decimal(p) / 100)), min_size=1, max_size=40
    ),
    base_pence=st.integers(0, 10_000),
    target_pence=st.none() | st.integers(1, 50_000_000),
)
def test_the_rate_with_a_base_amount_is_total_less_bases_over_points(
    pairs: list[tuple[int, Decimal]], base_pence: int, target_pence: int | None
) -> None:
    scheme = _BASED[0]
    base = Decimal(base_pence) / 100
    assert scheme.allocation.base is not None
    scheme = replace(scheme, allocation=replace(scheme.allocation, base=replace(scheme.allocation.base, value=base)))
    target = None if target_pence is None else Decimal(target_pence) / 100
    cases = _cases(pairs)
    points = sum(p for p, _ in pairs)
    cost = sum((c for _, c in pairs), Decimal(0))
    try:
        result = calibrate(scheme, cases, target_total=target)
    except CasesError:
        total = cost if target is None else target
        assert points == 0 or cost == 0 or round_rate((total - len(pairs) * base) / points) <= 0
        return
    assert result.rate_per_point == round_rate((cost - len(pairs) * base) / points)
    total = cost if target is None else target
    assert result.rate_used == round_rate((total - len(pairs) * base) / points)
    # At the rate used, the cases' amounts add up to the total, but for the rounding of the rate
    # (half of 0.0001 a point) and of each amount (half a penny).
    slack = points * Decimal("0.00005") + len(pairs) * Decimal("0.005")
    assert abs(result.total_indicative - total) <= slack


_BASED = [scheme_from_toml(with_base_source())]


def test_charts_have_labelled_axes_and_tick_values(example: Scheme) -> None:
    from ras_core.council.charts import ticks

    assert ticks(103, whole=True) == [0, 50, 100, 150]
    assert ticks(Decimal("805.12")) == [0, 200, 400, 600, 800, 1000]
    assert ticks(2, whole=True) == [0, 1, 2]
    text = "case_id,points,current_weekly_cost,agreed_weekly_budget\nA,10,50,55\nB,103,500,480\n"
    html = report_html(calibrate(example, read_cases(text, example)))
    for label in ("Points (after unpaid help)", "Current weekly cost (£)", "Cases"):
        assert f">{label}</text>" in html, label
    for tick in (">0</text>", ">50</text>", ">150</text>", ">£0</text>", ">£200</text>", ">£600</text>"):
        assert tick in html, tick


def test_the_page_reads_min_group_size_and_a_table_scheme_gets_no_new_file() -> None:
    from conftest import TEST_SCHEMES
    from ras_core import web

    assert json.loads(web.load_scheme_text(EXAMPLE.read_text(encoding="utf-8")))["ok"]
    cases = "case_id,points,current_weekly_cost,care_group\nA,10,50,x\nB,20,90,y\n"
    refused = json.loads(web.calibrate_json(cases, json.dumps({"min_group_size": "a few"})))
    assert refused == {
        "ok": False,
        "problems": ['Minimum group size: "a few" is not a number of cases: write a whole number, like 10.'],
    }
    reply = json.loads(web.calibrate_json(cases, json.dumps({"min_group_size": 1})))  # a JSON number is fine
    assert reply["ok"] and reply["summary"]["min_group_size"] == 1
    assert [g["too_few_to_judge"] for g in reply["summary"]["fairness"]["by_care_group"]] == [False, False]
    assert reply["new_version"] == "2026.2" and reply["scheme_toml"]

    assert json.loads(web.load_scheme_text((TEST_SCHEMES / "table.toml").read_text(encoding="utf-8")))["ok"]
    reply = json.loads(web.calibrate_json(cases, "{}"))
    assert reply["ok"] and reply["scheme_toml"] is None and reply["new_version"] is None
    assert reply["summary"]["method"] == "table"
    assert json.loads(web.load_scheme_text(EXAMPLE.read_text(encoding="utf-8")))["ok"]  # as other tests expect
