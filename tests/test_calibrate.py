"""Council tools: calibrating the rate from local cases, accuracy and fairness, bad CSVs."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import EXAMPLE, ROOT, TEST_SCHEMES
from helpers import random_answers
from ras_core import Scheme, answers_from_dict, estimate, load_scheme
from ras_core.council.calibrate import calibrate
from ras_core.council.cases import CasesError, read_cases
from ras_core.council.new_scheme import next_version, recalibrated_toml
from ras_core.council.report import report_html

SAMPLE = ROOT / "content" / "calibration" / "example-sample.csv"


def points_csv(rows: list[tuple[str, int, str, str, str, str]]) -> str:
    lines = ["case_id,points,current_weekly_cost,agreed_weekly_budget,care_group,age_band"]
    lines += [",".join(map(str, row)) for row in rows]
    return "\n".join(lines) + "\n"


def answers_csv(scheme: Scheme, count: int, seed: int, pence_per_point: int) -> tuple[str, int]:
    """Cases answered at random, each costing exactly `pence_per_point` a point."""
    rng = random.Random(seed)
    questions = [q.id for _, q in scheme.questions()]
    areas = [d.id for d in scheme.domains if d.asks_unpaid_support]
    lines = [
        ",".join(
            ["case_id", *questions, *(f"unpaid_support.{a}" for a in areas), "helpers_willing", "current_weekly_cost"]
        )
    ]
    total = 0
    for n in range(count):
        data = random_answers(scheme, rng)
        points = estimate(scheme, answers_from_dict(data, scheme)).total
        total += points
        cost = Decimal(points * pence_per_point) / 100
        cells = [f"K{n}", *(data["answers"][q] for q in questions), *(data["unpaid_support"][a] for a in areas)]
        cells += ["yes" if data["helpers_willing"] else "no", f"{cost:.2f}"]
        lines.append(",".join(cells))
    return "\n".join(lines) + "\n", total


def test_a_sample_with_a_known_rate_recovers_it_exactly(example: Scheme) -> None:
    text, total = answers_csv(example, 500, seed=11, pence_per_point=437)
    result = calibrate(example, read_cases(text, example))
    assert result.total_points == total
    assert result.exact_rate == Decimal("4.37")
    assert result.rate_per_point == Decimal("4.37")
    assert len(result.cases.cases) == 500 and result.cases.problems == ()


def test_the_example_sample_gives_the_example_rate(example: Scheme) -> None:
    result = calibrate(example, read_cases(SAMPLE.read_bytes(), example))
    # £47,023.26 / 9,183 points = £5.120686..., rounded to 4 decimal places.
    assert (result.total_cost, result.total_points, result.rate_per_point) == (
        Decimal("47023.26"),
        9183,
        Decimal("5.1207"),
    )


def test_target_total_and_contingency(example: Scheme) -> None:
    cases = read_cases(points_csv([("A", 10, "50.00", "", "", ""), ("B", 30, "150.00", "", "", "")]), example)
    result = calibrate(example, cases, target_total=Decimal("300"), contingency_percent=Decimal("5"))
    assert result.rate_per_point == Decimal("5.00")  # 200 / 40
    assert result.rate_for_target == Decimal("7.50")  # 300 / 40
    assert result.total_indicative == Decimal("300.00")
    assert result.contingency == Decimal("15.00")  # 5% of 300, a separate sum


def test_accuracy_against_agreed_budgets(example: Scheme) -> None:
    # At £5.12 a point: 10 points = £51.20; 20 = £102.40; 40 = £204.80.
    rows = [
        ("A", 10, "50", "51.20", "g1", "18-64"),  # 0% off
        ("B", 20, "100", "96.00", "g1", "65+"),  # +6.67%
        ("C", 40, "200", "256.00", "g2", "65+"),  # -20.0%
        ("D", 10, "50", "", "g2", "65+"),  # no agreed budget: not counted
    ]
    accuracy = calibrate(example, read_cases(points_csv(rows), example)).accuracy
    assert accuracy is not None
    assert accuracy.cases == 3
    assert accuracy.median_abs_pct == Decimal("6.7")
    assert accuracy.mean_abs_pct == Decimal("8.9")
    assert accuracy.within_10 == Decimal("66.7")
    assert accuracy.within_20 == Decimal("100.0")
    assert [row[0] for row in accuracy.largest] == ["C", "B", "A"]
    assert accuracy.bias_by_group == (("g1", 2, Decimal("3.3")), ("g2", 1, Decimal("-20.0")))
    assert accuracy.source == "the scheme's current rate of £5.12 a point"


def test_fairness_flags_a_group_the_scheme_would_give_a_different_share_of_its_cost(example: Scheme) -> None:
    rows = [("A", 100, "500", "", "older", "65+"), ("B", 100, "500", "", "older", "65+")]
    rows += [("C", 100, "800", "", "younger", "18-64")]  # £8 a point against £6 overall: +33.3%
    result = calibrate(example, read_cases(points_csv(rows), example), fairness_threshold=Decimal(20), min_group_size=1)
    assert result.rate_per_point == Decimal(6)  # every case gets £600.00
    groups = {g.name: g for g in result.by_care_group}
    # The scheme gives every group 100% of its cost in all; the younger group 75% of its cost: -25%.
    assert groups["younger"].share == Decimal("75.0") and groups["younger"].share_differs_by == Decimal("-25.0")
    assert groups["younger"].flagged and groups["younger"].differs_by == Decimal("33.3")
    assert groups["older"].share == Decimal("120.0") and groups["older"].share_differs_by == Decimal("20.0")
    assert not groups["older"].flagged  # 20% is not more than 20%
    assert [g.name for g in result.by_age_band] == ["18-64", "65+"]


def test_a_group_smaller_than_the_minimum_is_too_few_to_judge_not_flagged(example: Scheme) -> None:
    rows = [(f"A{n}", 100, "500", "", "older", "65+") for n in range(12)]
    rows += [(f"C{n}", 100, "900", "", "younger", "18-64") for n in range(3)]
    result = calibrate(example, read_cases(points_csv(rows), example))
    assert result.min_group_size == 10
    groups = {g.name: g for g in result.by_care_group}
    assert groups["younger"].too_few and not groups["younger"].flagged
    assert groups["younger"].share_differs_by is not None and abs(groups["younger"].share_differs_by) > 20
    assert not groups["older"].too_few
    shifts = {s.name: s for s in result.shifts.by_care_group}
    assert shifts["younger"].too_few and not shifts["older"].too_few
    html = report_html(result)
    assert "too few to judge (fewer than 10 cases)" in html
    assert calibrate(example, read_cases(points_csv(rows), example), min_group_size=3).by_care_group[1].flagged


def problems(text: str | bytes, scheme: Scheme) -> list[str]:
    return [str(p) for p in read_cases(text, scheme).problems]


def test_every_bad_row_is_listed_with_row_column_and_reason(example: Scheme) -> None:
    header = "case_id,points,current_weekly_cost,agreed_weekly_budget"
    text = "\n".join(
        [
            header,
            "A,10,50.00,",
            "A,10,50.00,",  # duplicate id
            "B,-3,50.00,",  # bad points
            "C,10,-5,",  # negative cost
            "",  # blank line: skipped
            "D,10,fifty,",  # not money
            ",10,50.00,",  # no id
            "E,10,50.00,1,extra",  # a stray field
            '"F, with comma",10,50.00,',  # quoted field: fine
        ]
    )
    cases = read_cases(text, example)
    assert [str(p) for p in cases.problems] == [
        'row 3, column case_id: "A" is also used on row 2',
        'row 4, column points: "-3" is less than 0: points must be 0 or more.',
        'row 5, column current_weekly_cost: "-5" is less than £0: amounts must be £0 or more.',
        'row 7, column current_weekly_cost: "fifty" is not an amount of money: write pounds and pence, '
        "like 1250 or 1,250.50.",
        "row 8, column case_id: is empty",
        "row 9: has 5 fields, but the header has 4: check for a stray comma or quote",
    ]
    assert [c.case_id for c in cases.cases] == ["A", "F, with comma"]
    assert cases.rows_read == 8 and cases.blank_lines == 1


def test_unknown_option_ids_and_missing_answers(example: Scheme) -> None:
    text, _ = answers_csv(example, 2, seed=1, pence_per_point=500)
    lines = text.splitlines()
    header = lines[0].split(",")
    row = lines[1].split(",")
    row[header.index("washing")] = "sometimes"
    row[header.index("toilet")] = ""
    row[header.index("unpaid_support.home")] = "lots"
    lines[1] = ",".join(row)
    assert problems("\n".join(lines), example) == [
        'row 2, column washing: "sometimes" is not an answer to this question; allowed: daily, full, none, some',
        "row 2, column toilet: is empty: every question needs an answer",
        'row 2, column unpaid_support.home: "lots" is not an answer about unpaid help; allowed: most, none, some',
    ]


def test_a_utf8_bom_is_fine(example: Scheme) -> None:
    data = "\ufeff" + points_csv([("A", 10, "50.00", "", "", "")])
    assert len(read_cases(data.encode("utf-8"), example).cases) == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"case_id;points;current_weekly_cost\nA;1;2\n", "The columns are separated by semicolons (;), not commas."),
        (b"case_id\tpoints\tcurrent_weekly_cost\n", "The columns are separated by tabs, not commas."),
        (
            "case_id,points,current_weekly_cost\nA,1,£2\nB,1,caf\xe9\n".encode("latin-1"),
            "The file is not UTF-8 text (the first problem is on row 2).",
        ),
        (b"case_id,points\nA,1\n", "The file has no column current_weekly_cost."),
        (
            b"case_id,current_weekly_cost,washing\nA,1,none\n",
            'The file has no column "points", or a column for every question',
        ),
        (b"", "The file is empty."),
    ],
    ids=["semicolons", "tabs", "not UTF-8", "missing cost", "missing answers", "empty"],
)
def test_a_file_that_cannot_be_read_says_why(example: Scheme, data: bytes, message: str) -> None:
    with pytest.raises(CasesError) as caught:
        read_cases(data, example)
    assert message in str(caught.value)


def test_no_usable_row_is_a_clear_error(example: Scheme) -> None:
    with pytest.raises(CasesError, match="No row could be used"):
        calibrate(example, read_cases("case_id,points,current_weekly_cost\nA,x,1\n", example))


def test_the_new_scheme_has_the_new_rate_and_version_and_everything_else_as_it_was(example: Scheme) -> None:
    cases = read_cases(points_csv([("A", 10, "43.70", "", "", "")]), example)
    result = calibrate(example, cases)
    text = recalibrated_toml(EXAMPLE.read_text(encoding="utf-8"), result, next_version(example.version))
    new = load_scheme_text(text)
    assert new.version == "2026.2"
    assert new.allocation.rate_per_point is not None and new.allocation.rate_per_point.value == Decimal("4.37")
    assert [q.id for _, q in new.questions()] == [q.id for _, q in example.questions()]
    changed = [(a, b) for a, b in zip(EXAMPLE.read_text().splitlines(), text.splitlines(), strict=True) if a != b]
    # version, rate, and the rate's description in English and in Welsh
    assert [old.split(" = ")[0] for old, _ in changed] == ["version", "description", "description_cy", "value"]
    assert changed[2][1].startswith('description_cy = "Gwerth un pwynt bob wythnos: £43.70, cyfanswm cost')
    assert new.say("cy", new.allocation.rate_per_point.description) == json.loads(changed[2][1].split(" = ", 1)[1])


def load_scheme_text(text: str) -> Scheme:
    from ras_core import scheme_from_toml

    return scheme_from_toml(text)


def test_next_version() -> None:
    assert [next_version(v) for v in ["2026.1", "7", "2026.09", "spring"]] == ["2026.2", "8", "2026.10", "spring.1"]


def test_report_is_accessible_html_and_escapes_the_file(example: Scheme) -> None:
    rows = [("<script>alert(1)</script>", 10, "50.00", "60.00", "<b>group</b>", "65+")]
    result = calibrate(example, read_cases(points_csv(rows), example), min_group_size=1)
    html = report_html(result, new_version="2026.2")
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert "<b>group</b>" not in html
    assert html.count('role="img"') == 4
    for chart in ("scatter", "changes", "difference", "groups"):
        assert f'aria-labelledby="{chart}-title {chart}-desc"' in html
    assert "<caption>By care group</caption>" in html and "<caption>By age band</caption>" in html


def test_ras_calibrate_writes_the_report_and_a_new_scheme(tmp_path: Path) -> None:
    before = EXAMPLE.read_bytes()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "ras_core",
            "calibrate",
            str(SAMPLE),
            "--scheme",
            str(EXAMPLE),
            "--out",
            str(tmp_path),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    facts = json.loads(done.stdout)
    assert (facts["rate_per_point"], facts["cases_used"], facts["rows_rejected"]) == ("5.1207", 240, 0)
    assert facts["rate_working"] == [
        "Rate per point: £47,023.26 ÷ 9,183 points = £5.120686..., rounded to 4 decimal places: £5.1207 a point."
    ]
    assert (tmp_path / "report.html").read_text(encoding="utf-8").startswith("<!doctype html>")
    assert load_scheme(tmp_path / "scheme.toml").version == "2026.2"
    assert EXAMPLE.read_bytes() == before  # the old file is untouched


def test_ras_calibrate_with_a_bad_file_exits_1_without_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "cases.csv"
    bad.write_text("case_id;points;current_weekly_cost\n", encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "ras_core",
            "calibrate",
            str(bad),
            "--scheme",
            str(EXAMPLE),
            "--out",
            str(tmp_path / "o"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "separated by semicolons" in done.stderr and "Traceback" not in done.stderr


def test_a_multi_line_description_holding_a_table_header_is_rewritten_whole(example: Scheme) -> None:
    source = EXAMPLE.read_text(encoding="utf-8")
    start = source.index('description = "What one point is worth each week: £47,023.26')
    end = source.index("\n", start)
    source = source[:start] + 'description = """\n[scheme]\nversion = "trap"\n"""' + source[end:]
    source = source.replace('version = "2026.1"', 'version = "2026.1" # the current one')
    cases = read_cases(points_csv([("A", 10, "43.70", "", "", "")]), example)
    text = recalibrated_toml(source, calibrate(example, cases), "2026.2")
    new = load_scheme_text(text)
    assert new.version == "2026.2"
    assert new.allocation.rate_per_point is not None
    assert new.allocation.rate_per_point.value == Decimal("4.37")
    assert new.allocation.rate_per_point.description.startswith("What one point is worth each week: £43.70")


def test_a_version_with_quotes_and_backslashes_is_written_as_toml_text(example: Scheme) -> None:
    cases = read_cases(points_csv([("A", 10, "43.70", "", "", "")]), example)
    version = 'spring "2026"\\ \t'
    text = recalibrated_toml(EXAMPLE.read_text(encoding="utf-8"), calibrate(example, cases), version)
    assert load_scheme_text(text).version == version


def test_a_new_scheme_that_would_not_load_is_not_offered(example: Scheme) -> None:
    cases = read_cases(points_csv([("A", 10, "43.70", "", "", "")]), example)
    with pytest.raises(CasesError) as caught:
        recalibrated_toml(EXAMPLE.read_text(encoding="utf-8"), calibrate(example, cases), "")
    assert str(caught.value) == (
        "The new scheme file would not be a valid scheme, so it was not made: scheme.version: must not be empty."
    )


def test_rates_that_round_to_nothing_are_refused(example: Scheme) -> None:
    cases = read_cases(points_csv([("A", 100000, "50.00", "", "", "")]), example)
    with pytest.raises(CasesError) as caught:
        calibrate(example, cases, target_total=Decimal("1"))
    assert str(caught.value) == (
        "The rate per point would be £0.00 (£1.00 / 100,000 points, rounded to 4 decimal places), and a rate "
        "must be more than £0. Give a larger target total."
    )
    with pytest.raises(CasesError, match=r"^The cases cost £0\.00 in all"):
        calibrate(example, read_cases(points_csv([("A", 10, "0", "", "", "")]), example))


def test_formula_cells_are_shown_as_text_in_the_report_and_summary(example: Scheme) -> None:
    from ras_core.serialize import calibration_to_dict as summary

    text = "\n".join(
        [
            "case_id,points,current_weekly_cost,agreed_weekly_budget,care_group,age_band,=cmd",
            "=HYPERLINK(1),10,50.00,60.00,+group,@age,x",
            "-case,20,90.00,60.00,-group,=1+1,x",
        ]
    )
    result = calibrate(example, read_cases(text, example))
    html = report_html(result)
    for cell in ("=HYPERLINK(1)", "-case", "+group", "-group", "@age", "=1+1"):
        assert f">{cell}<" not in html and f">&#x27;{cell}<" in html, cell  # an apostrophe, escaped
    assert "Columns not used: &#x27;=cmd." in html
    facts = summary(result)
    fairness = facts["fairness"]
    assert isinstance(fairness, dict)
    assert [g["name"] for g in fairness["by_care_group"]] == ["'+group", "'-group"]
    assert [g["name"] for g in fairness["by_age_band"]] == ["'=1+1", "'@age"]
    assert facts["ignored_columns"] == ["'=cmd"]


def test_a_report_from_a_scheme_full_of_markup_escapes_all_of_it() -> None:
    scheme = load_scheme(ROOT / "tests" / "hostile" / "schemes" / "markup.toml")
    rows = [("<script>alert(1)</script>", 10, "50.00", "60.00", 'x"><img src=x onerror=alert(1)>', "&amp;")]
    html = report_html(calibrate(scheme, read_cases(points_csv(rows), scheme)), page=False, new_version="<b>2</b>")
    for raw in ("<script", "<meta", "<img", "<b>", "<i>", "<a "):
        assert raw not in html, raw
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&amp;amp;" in html


def _answer_sets(scheme: Scheme, count: int, seed: int) -> list[dict[str, object]]:
    """The answers `answers_csv` writes for the same count and seed."""
    rng = random.Random(seed)
    return [random_answers(scheme, rng) for _ in range(count)]


def test_calibration_gives_a_table_scheme_the_estimates_own_amounts() -> None:
    table = load_scheme(TEST_SCHEMES / "table.toml")
    text, _ = answers_csv(table, 80, seed=5, pence_per_point=437)
    result = calibrate(table, read_cases(text, table))
    expected = [estimate(table, answers_from_dict(data, table)).amount for data in _answer_sets(table, 80, 5)]
    assert list(result.indicative) == expected
    assert result.total_indicative == sum(expected, Decimal(0))

    # Accuracy on a table scheme compares the table's amounts with the agreed budgets.
    rows = [("A", 70, "50", "90.00", "g1", "65+"), ("B", 200, "150", "175.50", "g1", "65+")]
    accuracy = calibrate(table, read_cases(points_csv(rows), table)).accuracy
    assert accuracy is not None and accuracy.source == "the scheme's current table"
    assert {row[0]: row[1] for row in accuracy.largest} == {
        "A": estimate_amount(table, 70),
        "B": estimate_amount(table, 200),
    }


def estimate_amount(scheme: Scheme, points: int) -> Decimal:
    from ras_core.estimate.figures import amount_for

    return amount_for(scheme, points)


def test_calibration_gives_a_scheme_with_a_base_amount_the_estimates_own_amounts() -> None:
    from ras_core.council.options import Options
    from ras_core.council.recalibrate import recalibrate

    source = EXAMPLE.read_text(encoding="utf-8").replace(
        "[allocation.rate_per_point]",
        '[allocation.base]\nlabel = "Base amount"\nlabel_cy = "Swm sylfaenol"\ndescription = "Paid to everyone."\n'
        'description_cy = "Fe\'i telir i bawb."\nvalue = 40\n\n'
        "[allocation.rate_per_point]",
    )
    based = load_scheme_text(source)
    text, _ = answers_csv(based, 80, seed=9, pence_per_point=437)
    done = recalibrate(based, source, text, Options())
    assert done.scheme_toml is not None
    new = load_scheme_text(done.scheme_toml)
    assert new.allocation.base is not None and new.allocation.base.value == 40
    answer_sets = [data | {"scheme_version": new.version} for data in _answer_sets(based, 80, 9)]
    expected = [estimate(new, answers_from_dict(data, new)).amount for data in answer_sets]
    assert list(done.calibration.indicative) == expected
