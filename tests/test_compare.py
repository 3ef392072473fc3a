"""`ras compare OLD.toml NEW.toml CASES.csv`: what a new version changes, case by case and in total."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import EXAMPLE, TEST_SCHEMES
from ras_core import scheme_from_toml
from ras_core.cli import main, parser
from ras_core.council.compare import compare
from ras_core.estimate.figures import amount_for

CASES = "case_id,points,current_weekly_cost\nA,10,50\nB,20,100\nC,30,150\nD,x,10\n"


def new_version(tmp_path: Path) -> Path:
    """The example with version 2026.2, a base amount of £20 and £4.00 a point (from £5.12)."""
    source = EXAMPLE.read_text(encoding="utf-8").replace('version = "2026.1"', 'version = "2026.2"', 1)
    source = source.replace("value = 5.12", "value = 4.00", 1).replace(
        "[allocation.rate_per_point]",
        '[allocation.base]\nlabel = "Base amount"\nlabel_cy = "Swm sylfaenol"\ndescription = "Paid to everyone."\n'
        'description_cy = "Fe\'i telir i bawb."\nvalue = 20\n\n'
        "[allocation.rate_per_point]",
    )
    path = tmp_path / "new.toml"
    path.write_text(source, encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_ras_compare_prints_every_case_and_the_totals(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cases = tmp_path / "cases.csv"
    cases.write_text(CASES, encoding="utf-8")
    code, out, err = run(capsys, "compare", EXAMPLE, new_version(tmp_path), cases)
    assert (code, err) == (0, "")
    # Old: 10 x £5.12 = £51.20 ... New: £20 + 10 x £4.00 = £60.00 ...
    assert out.splitlines() == [
        "Comparing Example Council self-assessment (example figures) version 2026.1 (old) with version 2026.2 "
        "(new), on 3 cases (1 of 4 rows not used).",
        "Total indicative amount a week: £307.20 old, £300.00 new: -£7.20 (-2.3%).",
        "1 would go up, 2 would go down and 0 would stay the same; the median change is -£2.40 a week.",
        "",
        "case_id  old points  new points  old amount  new amount  difference",
        "A                10          10      £51.20      £60.00      +£8.80",
        "B                20          20     £102.40     £100.00      -£2.40",
        "C                30          30     £153.60     £140.00     -£13.60",
        "",
        "Rows not used:",
        '- row 5, column points: "x" is not a number of points: write a whole number, like 12.',
    ]


def test_ras_compare_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cases = tmp_path / "cases.csv"
    cases.write_text(CASES, encoding="utf-8")
    code, out, _ = run(capsys, "compare", EXAMPLE, new_version(tmp_path), cases, "--json")
    assert code == 0
    facts = json.loads(out)
    assert facts["old"] == {"id": "example", "version": "2026.1"}
    assert facts["new"] == {"id": "example", "version": "2026.2"}
    assert facts["cases"][0] == {
        "case_id": "A",
        "old_points": 10,
        "new_points": 10,
        "old_amount": "51.20",
        "new_amount": "60.00",
        "difference": "8.80",
    }
    assert facts["totals"] == {"old": "307.20", "new": "300.00", "difference": "-7.20"}
    assert facts["counts"] == {"up": 1, "down": 2, "same": 0}
    assert (facts["median_difference"], facts["cases_compared"], facts["rows_rejected"]) == ("-2.40", 3, 1)


def test_a_scheme_compared_with_itself_changes_nothing(example_cases: Path) -> None:
    example = scheme_from_toml(EXAMPLE.read_text(encoding="utf-8"))
    result = compare(example, example, example_cases.read_bytes())
    assert (result.up, result.down, result.same) == (0, 0, 240)
    assert result.old_total == result.new_total


def test_compare_uses_each_versions_own_allocation_for_a_table() -> None:
    table = scheme_from_toml((TEST_SCHEMES / "table.toml").read_text(encoding="utf-8"))
    text = "case_id,points\nA,69\nB,70\nC,250\n"
    result = compare(table, table, text)
    assert [c.new_amount for c in result.cases] == [amount_for(table, p) for p in (69, 70, 250)]
    assert [c.new_amount for c in result.cases] == [Decimal(0), Decimal(50), Decimal("175.50")]


def test_compare_scores_answers_with_each_version_and_reads_helpers_willing(tmp_path: Path) -> None:
    from test_calibrate import answers_csv

    example = scheme_from_toml(EXAMPLE.read_text(encoding="utf-8"))
    new = scheme_from_toml(new_version(tmp_path).read_text(encoding="utf-8"))
    text, total = answers_csv(example, 30, seed=3, pence_per_point=500)
    assert "helpers_willing" in text.splitlines()[0]
    result = compare(example, new, text)
    assert sum(c.old_points for c in result.cases) == total
    assert result.new_total == sum((20 + Decimal(4) * c.new_points for c in result.cases), Decimal(0))


@pytest.mark.parametrize(
    ("cases", "lines"),
    [
        (
            "case_id;points\nA;1\n",
            [
                "{cases}: 1 problem found",
                "{cases}: With the old scheme (version 2026.1): The columns are separated by semicolons (;), not "
                'commas. Save the file as "CSV (comma delimited)" or "CSV UTF-8", then try again.',
            ],
        ),
        (
            "case_id,points\nA,x\n",
            [
                "{cases}: 1 problem found",
                "{cases}: No row could be used with both schemes, so there is nothing to compare. "
                "See the problems listed.",
            ],
        ),
    ],
    ids=["semicolons", "no usable row"],
)
def test_ras_compare_refuses_plainly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], cases: str, lines: list[str]
) -> None:
    path = tmp_path / "cases.csv"
    path.write_text(cases, encoding="utf-8")
    code, out, err = run(capsys, "compare", EXAMPLE, EXAMPLE, path)
    assert (code, out) == (1, "")
    assert err.splitlines() == [line.format(cases=path) for line in lines]


def test_ras_compare_with_a_missing_or_bad_scheme_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cases = tmp_path / "cases.csv"
    cases.write_text(CASES, encoding="utf-8")
    code, out, err = run(capsys, "compare", EXAMPLE, tmp_path / "missing.toml", cases)
    assert (code, out) == (1, "") and "missing.toml" in err and "Traceback" not in err


def test_ras_compare_help_says_what_it_does() -> None:
    text = parser().format_help()
    assert "compare" in text and "show what a new version of a scheme changes" in text
    sub = next(a for a in parser()._subparsers._group_actions if a.dest == "command")  # type: ignore[union-attr]
    help_text = sub.choices["compare"].format_help()  # type: ignore[attr-defined]
    for words in ("OLD.toml", "NEW.toml", "CASES.csv", "--json", "up, down or stay the same"):
        assert words in " ".join(help_text.split()), words


@pytest.fixture
def example_cases() -> Path:
    from conftest import ROOT

    return ROOT / "content" / "calibration" / "example-sample.csv"
