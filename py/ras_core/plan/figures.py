"""Dated figures for a costed plan: the employment figures and the council's costs.

Both files (content/employment.toml and a council's content/plan-costs.toml) hold
lists of dated rows: ``[[minimum_wage.age_21_and_over]]`` with label, value, start,
source {title, url} and optional confirmed and note; a label (and a council's name)
may have its Welsh beside it (`label_cy`), said by `scheme._reader.say`. `Figures.on(key, day)` gives the
row in force on a day (the latest whose start is on or before it), so next year's
figures are new rows and never a code change. Reading collects every problem, with
its dotted path (``pension.earnings_trigger_week[1].source.url``), into one
`InputError`.
"""

from __future__ import annotations

import datetime
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..i18n import message
from ..scheme._reader import Reader, describe, is_number, to_decimal
from ..scheme.errors import InputError, Problem
from ..scheme.load_words import NOT_TOML
from ..scheme.model import Reference

FORMAT = 1

# The figures file's own problems, declared once for translators (`ras_core.i18n`).
_P = "problem"
_NO_FORMAT = message("missing; expected the number {format}", context=_P)
_OTHER_FORMAT = message("expected the number {format} (the format this version reads), got {got}", context=_P)
_NOT_FIGURES = message("expected a table of figures, got {got}", context=_P)
_NOT_ROWS = message("expected a list of dated rows ([[{key}]])", context=_P)
_NEEDED = message("missing; this figure is needed to cost a plan", context=_P)
_NOT_VALUE = message("expected a number of 0 or more, or true, got {got}", context=_P)
_NOT_HTTPS = message("must be an https:// address, or empty for a decision that is not online", context=_P)
_SAME_START = message("another row of {key} starts on {start}", context=_P)
_VALUE = message("a number, or true", context="expected", note="After 'expected': what a key must hold.")


class FiguresError(InputError):
    """A figures file (employment figures or a council's plan costs) that cannot be used."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Figure:
    """One dated row: a figure as it applies from `start`, with where it was read."""

    key: str
    label: str
    value: Decimal
    start: datetime.date
    reference: Reference
    confirmed: bool
    note: str
    label_cy: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Figures:
    """Every row of a figures file, by dotted key (``pension.earnings_trigger_week``)."""

    source: str
    rows: Mapping[str, tuple[Figure, ...]]
    council: str = ""
    illustrative: bool = False
    council_cy: str = ""

    def on(self, key: str, day: datetime.date) -> Figure | None:
        """The row in force on `day`: the latest whose start is not after it."""
        found = [row for row in self.rows.get(key, ()) if row.start <= day]
        return max(found, key=lambda row: row.start) if found else None

    def keys(self) -> tuple[str, ...]:
        return tuple(self.rows)


def figures_from_toml(text: str, *, source: str, required: tuple[str, ...] = (), council: bool = False) -> Figures:
    """Read a figures file's text; every key in `required` must have at least one row."""
    try:
        data = tomllib.loads(text.removeprefix("\ufeff"), parse_float=Decimal)
    except tomllib.TOMLDecodeError as error:
        raise FiguresError(source, [Problem(path="", message=NOT_TOML.later(why=str(error)))]) from None
    problems: list[Problem] = []
    top = Reader(data, "", problems)
    if not top.has("format"):
        top.problem("format", _NO_FORMAT.later(format=FORMAT))
    elif isinstance(data["format"], bool) or data["format"] != FORMAT:
        top.problem("format", _OTHER_FORMAT.later(format=FORMAT, got=describe(data["format"])))
    name = top.text("council") if council else ""
    name_cy = top.translation("council", name) if council else ""
    illustrative = top.boolean("illustrative", required=False) if council else False
    rows: dict[str, tuple[Figure, ...]] = {}
    for group, value in data.items():
        if group in ("format", "council", "council_cy", "illustrative"):
            continue
        top.has(group)
        if not isinstance(value, dict):
            top.problem(group, _NOT_FIGURES.later(got=describe(value)))
            continue
        for name_, table in value.items():
            key = f"{group}.{name_}"
            if not isinstance(table, list) or not table or not all(isinstance(r, dict) for r in table):
                problems.append(Problem(path=key, message=_NOT_ROWS.later(key=key)))
                continue
            rows[key] = tuple(_rows(key, table, problems))
    top.done()
    for key in required:
        if key not in rows:
            problems.append(Problem(path=key, message=_NEEDED.later()))
    if problems:
        raise FiguresError(source, problems)
    return Figures(source=source, rows=rows, council=name, illustrative=illustrative, council_cy=name_cy)


def _rows(key: str, table: list[dict[str, Any]], problems: list[Problem]) -> list[Figure]:
    out: list[Figure] = []
    starts: set[datetime.date] = set()
    for i, row in enumerate(table):
        reader = Reader(row, f"{key}[{i}]", problems)
        label = reader.text("label")
        label_cy = reader.translation("label", label)
        raw = reader._take("value", _VALUE, True)
        if raw is True:
            value = Decimal(1)
        elif is_number(raw) and to_decimal(raw) >= 0:
            value = to_decimal(raw)
        else:
            if raw is not None:
                reader.problem("value", _NOT_VALUE.later(got=describe(raw)))
            value = Decimal(0)
        start = reader.date("start")
        where = reader.table("source")
        title, url = "", ""
        if where is not None:
            title = where.text("title")
            url = where.text("url", required=False)
            if url and not url.startswith("https://"):
                where.problem("url", _NOT_HTTPS.later())
            where.done()
        confirmed = reader.boolean("confirmed", required=False, default=True)
        note = reader.text("note", required=False)
        reader.done()
        if start is not None and start in starts:
            reader.problem("start", _SAME_START.later(key=key, start=start.isoformat()))
        if start is None:
            continue
        starts.add(start)
        out.append(
            Figure(
                key=key,
                label=label,
                value=value,
                start=start,
                reference=Reference(id=key, title=title, url=url or None),
                confirmed=confirmed,
                note=note,
                label_cy=label_cy,
            )
        )
    return out


EMPLOYMENT_KEYS = (
    "minimum_wage.age_21_and_over",
    "minimum_wage.age_18_to_20",
    "minimum_wage.age_16_to_17",
    "minimum_wage.apprentice",
    "national_insurance.employer_rate",
    "national_insurance.secondary_threshold_week",
    "employment_allowance.amount",
    "employment_allowance.care_and_support_workers",
    "pension.earnings_trigger_week",
    "pension.qualifying_lower_week",
    "pension.qualifying_upper_week",
    "pension.employer_minimum_percent",
    "pension.who_is_enrolled",
    "holiday.weeks",
    "holiday.accrual_percent",
    "sleep_in.not_counted",
)

COST_KEYS = (
    "agency.weekday",
    "agency.evening",
    "agency.weekend",
    "agency.waking_night",
    "pa.sleep_in_night",
    "employer.insurance_year",
    "services.payroll_year",
    "services.managed_account_year",
)


def employment_figures(text: str, *, source: str = "employment.toml") -> Figures:
    return figures_from_toml(text, source=source, required=EMPLOYMENT_KEYS)


def plan_costs(text: str, *, source: str = "plan-costs.toml") -> Figures:
    return figures_from_toml(text, source=source, required=COST_KEYS, council=True)
