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
(``lines[2].rates.evening``), into one `PlanError`. The problems this module writes are
messages (`ras_core.i18n`), said in the language asked for (`lang`); what the shared
reader adds (a value described, a key missing or unknown, a choice not allowed) is in
English.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import json
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from ..files import BOM
from ..i18n import SOURCE, Message, message
from ..scheme._reader import Reader, describe
from ..scheme.errors import InputError, Problem
from ..scheme.model import PERIODS
from ..scheme.numbers import MAX_MONEY, quote
from ..scheme.reader_words import CONSTANT, EXPECTED, KEY_TWICE
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

# The problems, declared once for translators ({got} is the value given, described).
_TOO_LARGE = message("is too large for a plan file (more than {size} KB)", context="problem")
_NOT_JSON = message(
    "line {line}, column {column}: not valid JSON: {why}",
    context="problem",
    note="{why} is the JSON reader's own words, in English.",
)
_TOO_DEEP = message("is nested too deeply to be a plan file", context="problem")
_TOO_LONG_NUMBER = message("has a number more than {digits} digits long, which no plan file has", context="problem")
_NOT_AN_OBJECT = message("expected a JSON object, got {got}", context="problem")
_FORMAT = message("this reads plan files of format {format}, got {got}", context="problem")
_HIGH_BELOW_LOW = message(
    "must not be less than low", context="problem", note="The band's high and low amounts (the keys high and low)."
)
_TOO_MANY_LINES = message("has {count} lines; a plan can have at most {most}", context="problem")
_ONE_CONTINGENCY = message("a plan can have only one contingency line", context="problem")
_NIGHTS = message("a whole number of nights a week from 0 to 7", context="problem", note="After 'expected'.")
_HOURS = message("a number of hours a week from 0 to 168", context="problem", note="After 'expected'.")
_PERCENT = message("a percentage from 0 to 100", context="problem", note="After 'expected'.")
_AMOUNT = message('an amount in pounds, like "13.00"', context="problem", note="After 'expected'.")
_OVER_A_WEEK = message(
    "add up to more than the 168 hours in a week", context="problem", note="The hours (the key hours)."
)
_NO_HOURS = message("no hours given: give hours a week for at least one time (or sleep-in nights)", context="problem")
_NO_RATE = message("missing; expected pounds an hour for the {hours} hours given", context="problem")
_BAD_DATE = message("expected a date written as YYYY-MM-DD, got {got}", context="problem")
_TOO_LONG_TEXT = message("is too long ({length} characters); at most {most}", context="problem")
_THE_NUMBER = message("the number {format}", context="expected", note="After 'expected': the file's format.")
_TOO_MANY_ENTRIES = message("has {count} entries; at most {most}", context="problem")


class PlanError(InputError):
    """A plan file that cannot be used."""


class _Refused(ValueError):
    pass


def plan_from_json(text: str, *, source: str = "plan.json", lang: str = SOURCE) -> Plan:
    """Parse and check a plan file's text; raise `PlanError` with every problem (in `lang`)."""
    text = text.removeprefix(BOM)
    if len(text.encode("utf-8", "surrogatepass")) > MAX_PLAN_BYTES:
        too_large = _TOO_LARGE.say(lang, size=MAX_PLAN_BYTES // 1000)
        raise PlanError(source, [Problem(path="", message=too_large)])
    try:
        data = json.loads(
            text,
            parse_constant=functools.partial(_constant, lang=lang),
            parse_int=functools.partial(_number, lang=lang),
            parse_float=functools.partial(_number, lang=lang),
            object_pairs_hook=functools.partial(_pairs, lang=lang),
        )
    except json.JSONDecodeError as error:
        not_json = _NOT_JSON.say(lang, line=error.lineno, column=error.colno, why=error.msg)
        raise PlanError(source, [Problem(path="", message=not_json)]) from None
    except _Refused as error:
        raise PlanError(source, [Problem(path="", message=str(error))]) from None
    except RecursionError:
        raise PlanError(source, [Problem(path="", message=_TOO_DEEP.say(lang))]) from None
    return plan_from_dict(data, source=source, lang=lang)


def _constant(name: str, *, lang: str) -> Any:
    raise _Refused(CONSTANT.say(lang, name=name))


def _number(text: str, *, lang: str) -> Decimal:
    if len(text) > MAX_DIGITS:
        raise _Refused(_TOO_LONG_NUMBER.say(lang, digits=MAX_DIGITS))
    return Decimal(text)


def _pairs(pairs: list[tuple[str, Any]], *, lang: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _Refused(KEY_TWICE.say(lang, key=quote(key)))
        out[key] = value
    return out


def plan_from_dict(data: Any, *, source: str = "plan.json", lang: str = SOURCE) -> Plan:
    if not isinstance(data, dict):
        raise PlanError(source, [Problem(path="", message=_NOT_AN_OBJECT.say(lang, got=describe(data)))])
    problems: list[Problem] = []
    top = Reader(data, "", problems)
    raw_format = top._take("format", _THE_NUMBER.later(format=FORMAT), True)
    if raw_format is not None and (not isinstance(raw_format, Decimal) or raw_format != FORMAT):
        top.problem("format", _FORMAT.say(lang, format=FORMAT, got=describe(raw_format)))
    day = _date(top, "date", lang)
    person = _text(top, "for", lang, required=False)
    council, scheme, band = "", "", Band(low=Decimal(0), high=None, period="week")
    result = top.table("result")
    if result is not None:
        council = _text(result, "council", lang, required=False)
        scheme = _text(result, "scheme", lang, required=False)
        where = result.table("band")
        if where is not None:
            low = _amount(where, "low", lang)
            high = None if where.data.get("high") is None else _amount(where, "high", lang)
            where.has("high")
            period = where.choice("period", PERIODS)
            if high is not None and high < low:
                where.problem("high", _HIGH_BELOW_LOW.say(lang))
            band = Band(low=low, high=high, period=period)
            where.done()
        result.done()
    outcomes = tuple(_text_list(top, "outcomes", lang))
    reasons = _text(top, "reasons", lang, required=False)
    allowance = top.boolean("employment_allowance", required=False, default=True)
    lines = tuple(_lines(top, lang))
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


def _lines(top: Reader, lang: str) -> list[PlanLine]:
    out: list[PlanLine] = []
    readers = list(top.tables("lines", required=False))
    if len(readers) > MAX_LINES:
        top.problem("lines", _TOO_MANY_LINES.say(lang, count=len(readers), most=MAX_LINES))
        return out
    contingencies = 0
    for reader in readers:
        kind = reader.choice("kind", KINDS)
        if reader.data.get("kind") not in KINDS:
            continue  # what the line holds depends on its kind: nothing more to check
        fields: dict[str, Any] = {"kind": kind, "name": _text(reader, "name", lang)}
        if kind in ("pa", "agency"):
            fields["hours"] = _hours(reader, lang)
        if kind == "pa":
            fields["rates"] = _rates(reader, fields["hours"], lang)
            fields["age_band"] = reader.choice("age_band", AGE_BANDS)
            fields["sleep_in_nights"] = _nights(reader, lang)
            if reader.has("sleep_in_rate"):
                fields["sleep_in_rate"] = _amount(reader, "sleep_in_rate", lang)
            fields["pension_opt_in"] = reader.boolean("pension_opt_in", required=False)
        elif kind in ("day_activity", "short_break"):
            fields["cost"] = _amount(reader, "cost", lang)
            fields["every"] = reader.choice("every", EVERY)
        elif kind == "one_off" or (kind == "insurance" and reader.has("cost")):
            fields["cost"] = _amount(reader, "cost", lang)
        elif kind == "support_service":
            fields["service"] = reader.choice("service", SERVICES)
        elif kind == "contingency":
            contingencies += 1
            fields["percent"] = _amount(reader, "percent", lang, maximum=Decimal(100), what=_PERCENT)
            if contingencies > 1:
                reader.problem("kind", _ONE_CONTINGENCY.say(lang))
        reader.done()
        out.append(PlanLine(**fields))
    return out


def _nights(reader: Reader, lang: str) -> int:
    if not reader.has("sleep_in_nights"):
        return 0
    nights = _amount(reader, "sleep_in_nights", lang, maximum=Decimal(7), what=_NIGHTS)
    if nights != nights.to_integral_value():
        reader.problem("sleep_in_nights", EXPECTED.say(lang, what=_NIGHTS.say(lang), got=nights))
        return 0
    return int(nights)


def _hours(reader: Reader, lang: str) -> dict[str, Decimal]:
    table = reader.table("hours")
    out: dict[str, Decimal] = {}
    if table is None:
        return out
    before = len(reader.problems)
    for time in TIMES:
        if table.has(time):
            value = _amount(table, time, lang, maximum=HOURS_IN_WEEK, what=_HOURS)
            if value:
                out[time] = value
    table.done()
    if sum(out.values(), Decimal(0)) > HOURS_IN_WEEK:
        reader.problem("hours", _OVER_A_WEEK.say(lang))
    if not out and not reader.data.get("sleep_in_nights") and len(reader.problems) == before:
        reader.problem("hours", _NO_HOURS.say(lang))
    return out


def _rates(reader: Reader, hours: dict[str, Decimal], lang: str) -> dict[str, Decimal]:
    table = reader.table("rates", required=bool(hours))
    out: dict[str, Decimal] = {}
    if table is None:
        return out
    for time in TIMES:
        if table.has(time):
            out[time] = _amount(table, time, lang)
        elif time in hours:
            table.problem(time, _NO_RATE.say(lang, hours=hours[time]))
    table.done()
    return out


def _amount(reader: Reader, key: str, lang: str, *, maximum: Decimal = MAX_MONEY, what: Message = _AMOUNT) -> Decimal:
    value = reader._take(key, what, True)
    if value is None:
        return Decimal(0)
    if isinstance(value, str) and len(value) <= MAX_DIGITS and AMOUNT_TEXT.fullmatch(value.strip()):
        with contextlib.suppress(InvalidOperation):
            value = Decimal(value.strip().removeprefix("£").replace(",", ""))
    if not isinstance(value, Decimal) or not value.is_finite():
        reader.problem(key, EXPECTED.say(lang, what=what.say(lang), got=describe(value)))
        return Decimal(0)
    if value < 0 or value > maximum or value.as_tuple().exponent < -4:  # type: ignore[operator]
        reader.problem(key, EXPECTED.say(lang, what=what.say(lang), got=value))
        return Decimal(0)
    return value


def _date(reader: Reader, key: str, lang: str) -> datetime.date:
    text = reader.text(key)
    try:
        return datetime.date.fromisoformat(text) if len(text) == 10 else _bad_date()
    except ValueError:
        if text:
            reader.problem(key, _BAD_DATE.say(lang, got=quote(text)))
        return datetime.date(2000, 1, 1)


def _bad_date() -> datetime.date:
    raise ValueError


def _text(reader: Reader, key: str, lang: str, *, required: bool = True) -> str:
    value = reader.text(key, required=required)
    if len(value) > MAX_TEXT:
        reader.problem(key, _TOO_LONG_TEXT.say(lang, length=f"{len(value):,}", most=f"{MAX_TEXT:,}"))
        return value[:MAX_TEXT]
    return value


def _text_list(reader: Reader, key: str, lang: str) -> list[str]:
    values = reader.text_list(key, required=False)
    if len(values) > MAX_LINES:
        reader.problem(key, _TOO_MANY_ENTRIES.say(lang, count=len(values), most=MAX_LINES))
        return []
    return [v[:MAX_TEXT] for v in values]
