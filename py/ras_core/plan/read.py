"""Reading a plan file: JSON, format 1, checked with every problem at once.

    {"format": 1, "date": "2026-11-23", "for": "Sam",
     "result": {"council": "Example Council", "scheme": "example",
                "band": {"low": "150.00", "high": "175.00", "period": "week"}},
     "outcomes": ["..."], "reasons": "...", "employment_allowance": true,
     "lines": [LINE, ...]}

Each LINE has a `kind` and a `name`, and by kind:

- ``pa``: `hours` and `rates` ({weekday, evening, weekend, waking_night}: hours a week
  and pounds an hour; a rate for every time with hours), `age_band` (age_21_and_over,
  age_18_to_20, age_16_to_17, apprentice), optional `sleep_in_nights` (0 to 7 a week),
  `sleep_in_rate` (pounds a night; the council's flat rate when left out) and
  `pension_opt_in` (the PA has asked to join the pension though they earn below the
  trigger);
- ``agency``: `hours` (the council's rates are used);
- ``day_activity``, ``short_break``: `cost` and `every` (week, month or year);
- ``one_off``: `cost` (spread over the year);
- ``support_service``: `service` (payroll or managed_account; the council's cost);
- ``insurance``: optional `cost` a year (the council's typical cost when left out);
- ``contingency``: `percent` of the other lines.

Money and hours are written as text ("13.00") or as JSON numbers; both are read
exactly. Reading collects every problem, with its dotted path
(``lines[2].rates.evening``), into one `PlanError`.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from ..files import BOM
from ..scheme._reader import Reader, describe
from ..scheme.errors import InputError, Problem
from ..scheme.model import PERIODS
from ..scheme.numbers import MAX_MONEY, quote
from .model import AGE_BANDS, EVERY, FORMAT, KINDS, SERVICES, TIMES, Band, Plan, PlanLine

MAX_PLAN_BYTES = 200_000
MAX_LINES = 100
MAX_DIGITS = 30
# An amount as text: digits, with commas only between thousands ("1,250.50"), so that
# "13,00" (thirteen pounds, written with a decimal comma) or "1,2,3" is refused, never
# read as 1300 or 123; no exponent, no underscores.
AMOUNT_TEXT = re.compile(r"-?£?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?")
MAX_TEXT = 5_000
HOURS_IN_WEEK = Decimal(168)


class PlanError(InputError):
    """A plan file that cannot be used."""


class _Refused(ValueError):
    pass


def plan_from_json(text: str, *, source: str = "plan.json") -> Plan:
    """Parse and check a plan file's text; raise `PlanError` with every problem."""
    text = text.removeprefix(BOM)
    if len(text.encode("utf-8", "surrogatepass")) > MAX_PLAN_BYTES:
        message = f"is too large for a plan file (more than {MAX_PLAN_BYTES // 1000} KB)"
        raise PlanError(source, [Problem(path="", message=message)])
    try:
        data = json.loads(
            text, parse_constant=_constant, parse_int=_number, parse_float=_number, object_pairs_hook=_pairs
        )
    except json.JSONDecodeError as error:
        message = f"line {error.lineno}, column {error.colno}: not valid JSON: {error.msg}"
        raise PlanError(source, [Problem(path="", message=message)]) from None
    except _Refused as error:
        raise PlanError(source, [Problem(path="", message=str(error))]) from None
    except RecursionError:
        raise PlanError(source, [Problem(path="", message="is nested too deeply to be a plan file")]) from None
    return plan_from_dict(data, source=source)


def _constant(name: str) -> Any:
    raise _Refused(f"not valid JSON: {name} is not allowed")


def _number(text: str) -> Decimal:
    if len(text) > MAX_DIGITS:
        raise _Refused(f"has a number more than {MAX_DIGITS} digits long, which no plan file has")
    return Decimal(text)


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _Refused(f"not valid here: the key {quote(key)} appears twice")
        out[key] = value
    return out


def plan_from_dict(data: Any, *, source: str = "plan.json") -> Plan:
    if not isinstance(data, dict):
        raise PlanError(source, [Problem(path="", message=f"expected a JSON object, got {describe(data)}")])
    problems: list[Problem] = []
    top = Reader(data, "", problems)
    raw_format = top._take("format", "the number 1", True)
    if raw_format is not None and (not isinstance(raw_format, Decimal) or raw_format != FORMAT):
        top.problem("format", f"this reads plan files of format {FORMAT}, got {describe(raw_format)}")
    day = _date(top, "date")
    person = _text(top, "for", required=False)
    council, scheme, band = "", "", Band(low=Decimal(0), high=None, period="week")
    result = top.table("result")
    if result is not None:
        council = _text(result, "council", required=False)
        scheme = _text(result, "scheme", required=False)
        where = result.table("band")
        if where is not None:
            low = _amount(where, "low")
            high = None if where.data.get("high") is None else _amount(where, "high")
            where.has("high")
            period = where.choice("period", PERIODS)
            if high is not None and high < low:
                where.problem("high", "must not be less than low")
            band = Band(low=low, high=high, period=period)
            where.done()
        result.done()
    outcomes = tuple(_text_list(top, "outcomes"))
    reasons = _text(top, "reasons", required=False)
    allowance = top.boolean("employment_allowance", required=False, default=True)
    lines = tuple(_lines(top))
    top.done()
    if problems:
        raise PlanError(source, problems)
    return Plan(
        date=day,
        person=person,
        council=council,
        scheme=scheme,
        band=band,
        outcomes=outcomes,
        reasons=reasons,
        employment_allowance=allowance,
        lines=lines,
    )


def _lines(top: Reader) -> list[PlanLine]:
    out: list[PlanLine] = []
    readers = list(top.tables("lines", required=False))
    if len(readers) > MAX_LINES:
        top.problem("lines", f"has {len(readers)} lines; a plan can have at most {MAX_LINES}")
        return out
    contingencies = 0
    for reader in readers:
        kind = reader.choice("kind", KINDS)
        if reader.data.get("kind") not in KINDS:
            continue  # what the line holds depends on its kind: nothing more to check
        fields: dict[str, Any] = {"kind": kind, "name": _text(reader, "name")}
        if kind in ("pa", "agency"):
            fields["hours"] = _hours(reader)
        if kind == "pa":
            fields["rates"] = _rates(reader, fields["hours"])
            fields["age_band"] = reader.choice("age_band", AGE_BANDS)
            fields["sleep_in_nights"] = _nights(reader)
            if reader.has("sleep_in_rate"):
                fields["sleep_in_rate"] = _amount(reader, "sleep_in_rate")
            fields["pension_opt_in"] = reader.boolean("pension_opt_in", required=False)
        elif kind in ("day_activity", "short_break"):
            fields["cost"] = _amount(reader, "cost")
            fields["every"] = reader.choice("every", EVERY)
        elif kind == "one_off" or (kind == "insurance" and reader.has("cost")):
            fields["cost"] = _amount(reader, "cost")
        elif kind == "support_service":
            fields["service"] = reader.choice("service", SERVICES)
        elif kind == "contingency":
            contingencies += 1
            fields["percent"] = _amount(reader, "percent", maximum=Decimal(100), what="a percentage from 0 to 100")
            if contingencies > 1:
                reader.problem("kind", "a plan can have only one contingency line")
        reader.done()
        out.append(PlanLine(**fields))
    return out


def _nights(reader: Reader) -> int:
    if not reader.has("sleep_in_nights"):
        return 0
    what = "a whole number of nights a week from 0 to 7"
    nights = _amount(reader, "sleep_in_nights", maximum=Decimal(7), what=what)
    if nights != nights.to_integral_value():
        reader.problem("sleep_in_nights", f"expected {what}, got {nights}")
        return 0
    return int(nights)


def _hours(reader: Reader) -> dict[str, Decimal]:
    table = reader.table("hours")
    out: dict[str, Decimal] = {}
    if table is None:
        return out
    before = len(reader.problems)
    for time in TIMES:
        if table.has(time):
            value = _amount(table, time, maximum=HOURS_IN_WEEK, what="a number of hours a week from 0 to 168")
            if value:
                out[time] = value
    table.done()
    if sum(out.values(), Decimal(0)) > HOURS_IN_WEEK:
        reader.problem("hours", "add up to more than the 168 hours in a week")
    if not out and not reader.data.get("sleep_in_nights") and len(reader.problems) == before:
        reader.problem("hours", "no hours given: give hours a week for at least one time (or sleep-in nights)")
    return out


def _rates(reader: Reader, hours: dict[str, Decimal]) -> dict[str, Decimal]:
    table = reader.table("rates", required=bool(hours))
    out: dict[str, Decimal] = {}
    if table is None:
        return out
    for time in TIMES:
        if table.has(time):
            out[time] = _amount(table, time)
        elif time in hours:
            table.problem(time, f"missing; expected pounds an hour for the {hours[time]} hours given")
    table.done()
    return out


def _amount(
    reader: Reader, key: str, *, maximum: Decimal = MAX_MONEY, what: str = 'an amount in pounds, like "13.00"'
) -> Decimal:
    value = reader._take(key, what, True)
    if value is None:
        return Decimal(0)
    if isinstance(value, str) and len(value) <= MAX_DIGITS and AMOUNT_TEXT.fullmatch(value.strip()):
        with contextlib.suppress(InvalidOperation):
            value = Decimal(value.strip().removeprefix("£").replace(",", ""))
    if not isinstance(value, Decimal) or not value.is_finite():
        reader.problem(key, f"expected {what}, got {describe(value)}")
        return Decimal(0)
    if value < 0 or value > maximum or value.as_tuple().exponent < -4:  # type: ignore[operator]
        reader.problem(key, f"expected {what}, got {value}")
        return Decimal(0)
    return value


def _date(reader: Reader, key: str) -> datetime.date:
    text = reader.text(key)
    try:
        return datetime.date.fromisoformat(text) if len(text) == 10 else _bad_date()
    except ValueError:
        if text:
            reader.problem(key, f"expected a date written as YYYY-MM-DD, got {quote(text)}")
        return datetime.date(2000, 1, 1)


def _bad_date() -> datetime.date:
    raise ValueError


def _text(reader: Reader, key: str, *, required: bool = True) -> str:
    value = reader.text(key, required=required)
    if len(value) > MAX_TEXT:
        reader.problem(key, f"is too long ({len(value):,} characters); at most {MAX_TEXT:,}")
        return value[:MAX_TEXT]
    return value


def _text_list(reader: Reader, key: str) -> list[str]:
    values = reader.text_list(key, required=False)
    if len(values) > MAX_LINES:
        reader.problem(key, f"has {len(values)} entries; at most {MAX_LINES}")
        return []
    return [v[:MAX_TEXT] for v in values]
