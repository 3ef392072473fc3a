"""The costed support plan: golden cases (tests/plans/golden.toml, each named by the
sentence it proves, with the sum worked by hand), the figures chosen by date, bad plan
and figures files (every problem at once, with dotted paths), and properties that hold
for any plan (more hours never cost less; the total is the sum of the lines; a year is
52 weeks)."""

from __future__ import annotations

import datetime
import json
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from ras_core.plan import (
    WEEKS,
    FiguresError,
    PlanError,
    cost_plan,
    employment_figures,
    plan_costs,
    plan_from_json,
)
from ras_core.plan.words import as_text, lines

PLANS = Path(__file__).resolve().parent / "plans"
LAW_TEXT = (ROOT / "content" / "employment.toml").read_text(encoding="utf-8")
LAW = employment_figures(LAW_TEXT)
COSTS = plan_costs((PLANS / "costs.toml").read_text(encoding="utf-8"), source="costs.toml")
BAND = {"low": "150.00", "high": "175.00", "period": "week"}


def plan_dict(lines_: list[dict[str, Any]], **rest: Any) -> dict[str, Any]:
    return {
        "format": 1,
        "date": rest.get("date", "2026-11-23"),
        "for": "Test Person",
        "result": {"council": "Test Council", "scheme": "test", "band": rest.get("band", BAND)},
        "outcomes": [],
        "reasons": "",
        "employment_allowance": rest.get("employment_allowance", False),
        "lines": lines_,
    }


def costed(data: dict[str, Any]) -> Any:
    return cost_plan(plan_from_json(json.dumps(data)), LAW, COSTS)


def _cases() -> list[Any]:
    cases = tomllib.loads((PLANS / "golden.toml").read_text(encoding="utf-8"))["cases"]
    return [pytest.param(case, id=case["name"]) for case in cases]


@pytest.mark.parametrize("case", _cases())
def test_golden(case: dict[str, Any]) -> None:
    rest = {k: case[k] for k in ("date", "band", "employment_allowance") if k in case}
    result = costed(plan_dict(case["lines"], **rest))
    expect = case["expect"]
    assert f"{result.weekly_total:f}" == expect["weekly_total"]
    assert f"{result.yearly_total:f}" == expect["yearly_total"]
    if "lines" in expect:
        assert [[f"{c.weekly:f}", f"{c.yearly:f}"] for c in result.lines] == expect["lines"]
    if "position" in expect:
        assert result.position == expect["position"]
    if "difference" in expect:
        assert f"{result.difference:f}" == expect["difference"]
    text = as_text(lines(result))
    for said in case.get("says", []):
        assert said in text
    for unsaid in case.get("never_says", []):
        assert unsaid not in text


def test_next_years_figures_are_new_rows_with_no_code_change() -> None:
    """A row added for 1 April 2027 is used from that day, and the 2026 row before it."""
    later = LAW_TEXT + (
        '\n[[minimum_wage.age_21_and_over]]\nlabel = "National Living Wage, aged 21 and over"\nvalue = 13.21\n'
        'start = 2027-04-01\nsource = { title = "A later row", url = "https://www.gov.uk/" }\n'
    )
    law = employment_figures(later)
    assert law.on("minimum_wage.age_21_and_over", datetime.date(2027, 3, 31)).value == Decimal("12.71")  # type: ignore[union-attr]
    assert law.on("minimum_wage.age_21_and_over", datetime.date(2027, 4, 1)).value == Decimal("13.21")  # type: ignore[union-attr]
    pa = {"kind": "pa", "name": "PA", "age_band": "age_21_and_over", "hours": {"weekday": "10"}}
    plan = plan_from_json(json.dumps(plan_dict([{**pa, "rates": {"weekday": "13.00"}}], date="2027-04-01")))
    text = as_text(lines(cost_plan(plan, law, COSTS)))
    assert "below the minimum wage for a personal assistant aged 21 or over on 1 April 2027: £13.21 an hour" in text


def test_a_plan_dated_before_every_row_names_the_figure() -> None:
    pa = {"kind": "pa", "name": "PA", "age_band": "apprentice", "hours": {"weekday": "10"}, "rates": {"weekday": "9"}}
    with pytest.raises(FiguresError) as error:
        costed(plan_dict([pa], date="2024-01-01"))
    assert error.value.lines() == [
        "employment.toml: holiday.accrual_percent: no figure in force on 2024-01-01 (the plan's date); the first "
        "starts on 2024-04-01: add a row for that date"
    ]


def test_a_bad_plan_file_lists_every_problem_at_once() -> None:
    bad = {
        "format": 2,
        "date": "23/11/2026",
        "result": {"band": {"low": "200", "high": "100", "period": "month"}},
        "lines": [
            {
                "kind": "pa",
                "name": "PA",
                "age_band": "age_40",
                "hours": {"weekday": "20", "evening": "2"},
                "rates": {"weekday": "abc"},
                "sleep_in_nights": 9,
            },
            {"kind": "holiday", "name": "x"},
            {"kind": "one_off", "name": "Tablet", "cost": "-5", "colour": "red"},
            {"kind": "contingency", "name": "c", "percent": "150"},
        ],
    }
    with pytest.raises(PlanError) as error:
        plan_from_json(json.dumps(bad), source="bad.json")
    assert error.value.lines() == [
        "bad.json: format: this reads plan files of format 1, got a number (2)",
        'bad.json: date: expected a date written as YYYY-MM-DD, got "23/11/2026"',
        'bad.json: result.band.period: must be one of "week", "year", got "month"',
        "bad.json: result.band.high: must not be less than low",
        'bad.json: lines[0].rates.weekday: expected an amount in pounds, like "13.00", got text ("abc")',
        "bad.json: lines[0].rates.evening: missing; expected pounds an hour for the 2 hours given",
        'bad.json: lines[0].age_band: must be one of "age_21_and_over", "age_18_to_20", "age_16_to_17", '
        '"apprentice", got "age_40"',
        "bad.json: lines[0].sleep_in_nights: expected a whole number of nights a week from 0 to 7, got 9",
        'bad.json: lines[1].kind: must be one of "pa", "agency", "day_activity", "short_break", "one_off", '
        '"support_service", "insurance", "contingency", got "holiday"',
        'bad.json: lines[2].cost: expected an amount in pounds, like "13.00", got -5',
        "bad.json: lines[2].colour: unknown key; allowed keys here: cost, kind, name",
        "bad.json: lines[3].percent: expected a percentage from 0 to 100, got 150",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[1, 2]", "plan.json: expected a JSON object, got a list"),
        ("{", "plan.json: line 1, column 2: not valid JSON: Expecting property name enclosed in double quotes"),
        ('{"a": NaN}', "plan.json: not valid JSON: NaN is not allowed"),
        ('{"a": 1, "a": 2}', 'plan.json: not valid here: the key "a" appears twice'),
        ("[" * 5000 + "]" * 5000, "plan.json: is nested too deeply to be a plan file"),
        ('{"a": "' + "x" * 200_001 + '"}', "plan.json: is too large for a plan file (more than 200 KB)"),
    ],
)
def test_files_that_are_not_plans(text: str, message: str) -> None:
    with pytest.raises(PlanError) as error:
        plan_from_json(text)
    assert error.value.lines() == [message]


def test_a_bad_figures_file_lists_every_problem() -> None:
    text = (
        "format = 1\n[[holiday.weeks]]\nlabel = 'x'\nvalue = 'many'\nstart = 2024-04-01\n"
        "source = { title = 't', url = 'http://x' }\n[[holiday.weeks]]\nlabel = 'y'\nvalue = 5.6\n"
        "start = 2024-04-01\nsource = { title = 't', url = '' }\n"
    )
    with pytest.raises(FiguresError) as error:
        employment_figures(text, source="e.toml")
    found = error.value.lines()
    assert found[:3] == [
        'e.toml: holiday.weeks[0].value: expected a number of 0 or more, or true, got text ("many")',
        "e.toml: holiday.weeks[0].source.url: must be an https:// address, or empty for a decision that is not online",
        "e.toml: holiday.weeks[1].start: another row of holiday.weeks starts on 2024-04-01",
    ]
    assert "e.toml: minimum_wage.age_21_and_over: missing; this figure is needed to cost a plan" in found


def test_the_shipped_files_load_and_every_figure_cites_an_https_source() -> None:
    council = plan_costs((ROOT / "content" / "plan-costs.toml").read_text(encoding="utf-8"))
    assert council.illustrative
    for rows in LAW.rows.values():
        for row in rows:
            assert row.reference.url and row.reference.url.startswith("https://"), row.key
            assert row.reference.title and row.label


def test_the_example_plan_is_built_on_the_example_result() -> None:
    from ras_core import answers_from_dict, estimate, load_scheme

    scheme = load_scheme(ROOT / "content" / "schemes" / "example.toml")
    answers = json.loads((ROOT / "content" / "answers" / "example-answers.json").read_text(encoding="utf-8"))
    result = estimate(scheme, answers_from_dict(answers, scheme))
    plan = plan_from_json((ROOT / "content" / "plans" / "example-plan.json").read_text(encoding="utf-8"))
    assert (plan.band.low, plan.band.high, plan.band.period) == (result.band.low, result.band.high, scheme.period)
    assert plan.scheme == scheme.id and plan.council == scheme.council


def test_a_plan_file_round_trips() -> None:
    text = (ROOT / "content" / "plans" / "example-plan.json").read_text(encoding="utf-8")
    plan = plan_from_json(text)
    assert plan_from_json(json.dumps(plan.to_dict())) == plan


# -- properties -----------------------------------------------------------------------

hours = st.decimals(min_value=0, max_value=60, places=2)
rates = st.decimals(min_value=Decimal("12.71"), max_value=40, places=2)


def _pa(h: Decimal, rate: Decimal, nights: int = 0) -> dict[str, Any]:
    return {
        "kind": "pa",
        "name": "PA",
        "age_band": "age_21_and_over",
        "hours": {"weekday": str(h)},
        "rates": {"weekday": str(rate)},
        "sleep_in_nights": nights,
    }


@settings(max_examples=200, deadline=None)
@given(hours, hours, rates, st.booleans(), st.integers(0, 7))
def test_more_hours_never_cost_less(a: Decimal, b: Decimal, rate: Decimal, allowance: bool, nights: int) -> None:
    low, high = sorted((a, b))
    if high == 0 and nights == 0:
        return
    cheaper = costed(plan_dict([_pa(low if low or nights else high, rate, nights)], employment_allowance=allowance))
    dearer = costed(plan_dict([_pa(high, rate, nights)], employment_allowance=allowance))
    assert dearer.weekly_total >= cheaper.weekly_total
    assert dearer.yearly_total >= cheaper.yearly_total


money = st.decimals(min_value=0, max_value=5000, places=2)


@settings(max_examples=200, deadline=None)
@given(
    hours.filter(lambda h: h > 0),
    rates,
    money,
    st.sampled_from(["week", "month", "year"]),
    money,
    st.decimals(min_value=0, max_value=20, places=1),
    st.booleans(),
)
def test_the_total_is_the_sum_of_the_lines_and_a_year_is_52_weeks(
    h: Decimal, rate: Decimal, cost: Decimal, every: str, once: Decimal, share: Decimal, allowance: bool
) -> None:
    result = costed(
        plan_dict(
            [
                _pa(h, rate),
                {"kind": "agency", "name": "A", "hours": {"evening": str(h)}},
                {"kind": "day_activity", "name": "D", "cost": str(cost), "every": every},
                {"kind": "one_off", "name": "O", "cost": str(once)},
                {"kind": "insurance", "name": "I"},
                {"kind": "contingency", "name": "C", "percent": str(share)},
            ],
            employment_allowance=allowance,
        )
    )
    assert result.weekly_total == sum(c.weekly for c in result.lines)
    assert result.yearly_total == sum(c.yearly for c in result.lines)
    for line in result.lines:
        assert line.weekly == line.weekly.quantize(Decimal("0.01")) and line.yearly == line.yearly.quantize(
            Decimal("0.01")
        )
        if line.basis == "week":
            assert line.yearly == line.weekly * WEEKS
        elif line.basis == "year":
            # weekly = yearly ÷ 52 rounded to the penny: at most half a penny a week out.
            assert abs(line.weekly * WEEKS - line.yearly) <= Decimal("0.26")


# -- the page's entry point -------------------------------------------------------------


def test_plan_json_gives_what_ras_plan_json_gives_and_never_raises() -> None:
    from ras_core import web
    from ras_core.plan.output import run_plan

    example = (ROOT / "content" / "plans" / "example-plan.json").read_text(encoding="utf-8")
    law = LAW_TEXT
    council = (ROOT / "content" / "plan-costs.toml").read_text(encoding="utf-8")
    reply = json.loads(web.plan_json(example, law, council))
    assert reply["ok"] is True
    expected = json.loads(
        run_plan(
            str(ROOT / "content" / "plans" / "example-plan.json"),
            str(ROOT / "content" / "employment.toml"),
            str(ROOT / "content" / "plan-costs.toml"),
            True,
        )
    )
    assert reply["plan"] == expected
    bad = json.loads(web.plan_json('{"format": 1, "date": "2026-11-23", "result": {}}', law, council))
    assert bad == {"ok": False, "problems": ["Missing; expected a table (at result.band)."]}
    assert json.loads(web.plan_json(None, law, council)) == {"ok": False, "problems": [web.UNEXPECTED]}  # type: ignore[arg-type]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20) | st.floats(allow_nan=False),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=20,
)
KEYS = st.sampled_from(["format", "date", "result", "lines", "outcomes", "reasons", "for", "employment_allowance"])


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(max_size=200),
        st.dictionaries(KEYS, json_values).map(json.dumps),
        st.lists(
            st.dictionaries(st.sampled_from(["kind", "name", "hours", "rates", "cost"]), json_values), max_size=3
        ).map(lambda lines: json.dumps({**plan_dict([]), "lines": lines})),
    )
)
def test_any_text_gets_a_reply_with_problems_or_a_plan_never_an_exception(text: str) -> None:
    from ras_core import web

    council = (ROOT / "content" / "plan-costs.toml").read_text(encoding="utf-8")
    reply = json.loads(web.plan_json(text, LAW_TEXT, council))
    assert reply["ok"] or (reply["problems"] and web.UNEXPECTED not in reply["problems"]), reply


def one_pa_at(rate: str) -> str:
    """A plan file of one PA's 10 weekday hours at `rate`, as written."""
    plan = {
        "format": 1,
        "date": "2026-05-01",
        "result": {"band": {"low": "150.00", "high": "175.00", "period": "week"}},
        "lines": [
            {
                "kind": "pa",
                "name": "PA",
                "age_band": "age_21_and_over",
                "hours": {"weekday": "10"},
                "rates": {"weekday": rate},
            }
        ],
    }
    return json.dumps(plan)


@pytest.mark.parametrize("written", ["13,00", "1,2,3", "1_300", "1e3", "13.00.00", "£13,0"])
def test_an_amount_written_any_other_way_is_refused_never_read_as_another_number(written: str) -> None:
    with pytest.raises(PlanError) as error:
        plan_from_json(one_pa_at(written), source="plan.json")
    assert error.value.lines() == [
        f'plan.json: lines[0].rates.weekday: expected an amount in pounds, like "13.00", got text ("{written}")'
    ]


@pytest.mark.parametrize(("written", "read"), [("13", "13"), ("£13.50", "13.50"), ("1,300.25", "1300.25")])
def test_an_amount_with_a_pound_sign_or_thousands_commas_is_read_as_written(written: str, read: str) -> None:
    assert plan_from_json(one_pa_at(written)).lines[0].rates["weekday"] == Decimal(read)
