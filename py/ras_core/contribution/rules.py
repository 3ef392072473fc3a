"""Charging rules as typed data: a nation's rules and a council's choices, read from TOML.

`nation_from_toml` reads `content/charging/NATION.toml` and `council_from_toml` reads the
council's `content/charging/council.toml` (the shapes are described in that folder's
README). Both walk the whole file with the scheme's typed getters and collect every
problem, with its dotted path, into one `InputError`. A figure keeps all its dated rows;
`Figure.on(day)` picks the row in force on a day, so next year's figure is a new row and
never a change to the code.

Each text a person reads (a rule's `text` and `them`, a figure's `label`, the council's
name and its `other_support`) may have its Welsh beside it (`text_cy`, as in a
bilingual scheme), read by `Reader.translation`; `scheme._reader.say(data, key, lang)`
gives it in a language, or the English where the file has no translation. A
translation without its English is a problem.
"""

from __future__ import annotations

import datetime
import re
import tomllib
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..files import BOM
from ..scheme._reader import Reader
from ..scheme.errors import InputError, Problem
from . import rules_words as w

METHODS = ("england", "scotland", "wales")

# The income types the questions ask about, in the order they are asked.
INCOME_TYPES = (
    "earnings",
    "state_pension",
    "private_pension",
    "pension_credit",
    "benefits",
    "care_benefit",
    "mobility",
    "other",
)

# What each nation's calculation needs from its file.
FIGURES = {
    "england": (
        "capital_upper",
        "capital_lower",
        "tariff_step",
        "tariff_amount",
        "mig_18_24",
        "mig_25_pension",
        "mig_pension",
        "disability_premium",
        "enhanced_disability_premium",
    ),
    "wales": ("capital_limit", "maximum_weekly_charge"),
    "scotland": (),
}
RULES = {
    "england": ("charge", "capital", "housing", "disability_costs"),
    "wales": ("charge", "capital", "minimum_income", "housing"),
    "scotland": ("personal_care", "what_is_personal_care", "other_support"),
}
COUNCIL_FIGURES = ("percentage_charged", "disability_costs_allowance")
PENNY = Decimal("0.01")


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """Where a figure or rule was read: a title and an https address."""

    title: str
    url: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Row:
    """One dated value of a figure."""

    value: Decimal
    start: datetime.date
    until: datetime.date | None
    source: Source
    confirmed: bool
    note: str

    def gap(self, day: datetime.date) -> bool:
        """Whether `day` is after the last day this value is known to apply."""
        return self.until is not None and day > self.until


@dataclass(frozen=True, slots=True, kw_only=True)
class Figure:
    id: str
    label: str
    rows: tuple[Row, ...]
    label_cy: str = ""

    def on(self, day: datetime.date) -> Row | None:
        """The row in force on `day` (the latest that has started), or None."""
        started = [row for row in self.rows if row.start <= day]
        return started[-1] if started else None


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    """A rule in plain words, shown with the result, and where it is written."""

    id: str
    text: str
    them: str  # the same rule said of "them", for answers given for someone else
    start: datetime.date
    source: Source
    confirmed: bool
    note: str
    text_cy: str = ""
    them_cy: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class IncomeRule:
    """Whether one type of income counts in the financial assessment."""

    id: str
    counts: bool
    start: datetime.date
    source: Source
    confirmed: bool
    note: str


@dataclass(frozen=True, slots=True, kw_only=True)
class SavingsBand:
    """A band of savings the person chooses: from `low` to `high` (None: no top)."""

    id: str
    low: Decimal
    high: Decimal | None


@dataclass(frozen=True, slots=True, kw_only=True)
class NationCharging:
    nation: str
    name: str
    method: str
    checked: datetime.date
    law: Source
    savings_bands: tuple[SavingsBand, ...]
    income: dict[str, IncomeRule]
    figures: dict[str, Figure]
    rules: dict[str, Rule]

    def band(self, ident: str) -> SavingsBand | None:
        return next((b for b in self.savings_bands if b.id == ident), None)


@dataclass(frozen=True, slots=True, kw_only=True)
class CouncilCharging:
    council: str
    example: bool
    checked: datetime.date
    policy: Source
    figures: dict[str, Figure]
    other_support: str
    council_cy: str = ""
    other_support_cy: str = ""


def _parse(text: str, source: str) -> dict[str, Any]:
    # Imported here: the scheme loader's TOML messages, shared so both read alike.
    from ..scheme.load import _toml_message

    try:
        return tomllib.loads(text.removeprefix(BOM), parse_float=Decimal)
    except tomllib.TOMLDecodeError as error:
        raise InputError(source, [Problem(path="", message=_toml_message(error))]) from None
    except (RecursionError, ValueError):
        raise InputError(source, [Problem(path="", message=w.TOO_DEEP.later())]) from None


def nation_from_toml(text: str, *, source: str = "charging.toml") -> NationCharging:
    """A nation's charging rules; raise `InputError` listing every problem."""
    problems: list[Problem] = []
    top = Reader(_parse(text, source), "", problems)
    nation = top.text("nation")
    name = top.text("name")
    method = top.choice("method", METHODS)
    checked = top.date("checked") or datetime.date.min
    law = _source(top, "law")
    bands = _bands(top, required=method != "scotland")
    income = _income(top, required=method != "scotland")
    figures = _figures(top, FIGURES[method])
    rules = _rules(top, RULES[method])
    top.done()
    if problems:
        raise InputError(source, problems)
    return NationCharging(
        nation=nation,
        name=name,
        method=method,
        checked=checked,
        law=law,
        savings_bands=bands,
        income=income,
        figures=figures,
        rules=rules,
    )


def council_from_toml(text: str, *, source: str = "council.toml") -> CouncilCharging:
    """A council's charging choices; raise `InputError` listing every problem."""
    problems: list[Problem] = []
    top = Reader(_parse(text, source), "", problems)
    council = top.text("council")
    council_cy = top.translation("council", council)
    example = top.boolean("example", required=False)
    checked = top.date("checked") or datetime.date.min
    policy = _source(top, "policy")
    figures = _figures(top, COUNCIL_FIGURES)
    percentage = figures.get("percentage_charged")
    for i, row in enumerate(percentage.rows if percentage else ()):
        if row.value > 100:
            path = f"figures.percentage_charged.rows[{i}].value"
            problems.append(Problem(path=path, message=w.AT_MOST_100.later()))
    scotland = top.table("scotland", required=False)
    other = other_cy = ""
    if scotland is not None:
        other = scotland.text("other_support")
        other_cy = scotland.translation("other_support", other)
        scotland.done()
    top.done()
    if problems:
        raise InputError(source, problems)
    return CouncilCharging(
        council=council,
        example=example,
        checked=checked,
        policy=policy,
        figures=figures,
        other_support=other,
        council_cy=council_cy,
        other_support_cy=other_cy,
    )


def _source(reader: Reader, key: str) -> Source:
    table = reader.table(key)
    if table is None:
        return Source(title="", url="")
    title = table.text("title")
    url = table.text("url")
    if url and not url.startswith("https://"):
        table.problem("url", w.NOT_HTTPS.later(url=url[:60]))
    table.done()
    return Source(title=title, url=url)


def _checked(reader: Reader) -> tuple[datetime.date, Source, bool, str]:
    start = reader.date("start") or datetime.date.min
    source = _source(reader, "source")
    confirmed = reader.boolean("confirmed", required=False, default=True)
    note = reader.text("note", required=not confirmed, default="")
    return start, source, confirmed, note


def _bands(top: Reader, *, required: bool) -> tuple[SavingsBand, ...]:
    bands: list[SavingsBand] = []
    for band in top.tables("savings_bands", required=required):
        ident = band.text("id")
        low = band.number("low", required=False)
        high = band.number("high", required=False, default=Decimal(-1)) if band.has("high") else None
        if bands:
            before = bands[-1].high
            expected = None if before is None else before + PENNY
            if low != expected:
                shown = w.NO_TOP.later() if expected is None else f"{expected}"
                band.problem("low", w.PENNY_OVER.later(expected=shown, low=low))
        elif low != 0:
            band.problem("low", w.FIRST_BAND.later(low=low))
        if high is not None and high < low:
            band.problem("high", w.HIGH_BELOW_LOW.later(low=low, high=high))
        if any(b.id == ident for b in bands):
            band.problem("id", w.BAND_TWICE.later(ident=ident))
        band.done()
        bands.append(SavingsBand(id=ident, low=low, high=high))
    if bands and bands[-1].high is not None:
        top.problem("savings_bands", w.LAST_BAND.later())
    return tuple(bands)


def _income(top: Reader, *, required: bool) -> dict[str, IncomeRule]:
    out: dict[str, IncomeRule] = {}
    allowed = ", ".join(INCOME_TYPES)
    for ident, rule in top.named_tables("income"):
        if ident not in INCOME_TYPES:
            top.problem(f"income.{ident[:60]}", w.UNKNOWN_INCOME.later(allowed=allowed))
            continue
        counts = rule.boolean("counts")
        start, source, confirmed, note = _checked(rule)
        rule.done()
        out[ident] = IncomeRule(id=ident, counts=counts, start=start, source=source, confirmed=confirmed, note=note)
    if required:
        for ident in INCOME_TYPES:
            if ident not in out:
                top.problem(f"income.{ident}", w.INCOME_MISSING.later())
    return out


def _figures(top: Reader, needed: tuple[str, ...]) -> dict[str, Figure]:
    out: dict[str, Figure] = {}
    for ident, figure in top.named_tables("figures"):
        if ident not in needed:
            allowed = ", ".join(needed) or w.NONE.later()
            top.problem(f"figures.{ident[:60]}", w.NOT_A_FIGURE.later(allowed=allowed))
            continue
        label = figure.text("label")
        label_cy = figure.translation("label", label)
        rows: list[Row] = []
        for row in figure.tables("rows"):
            value = row.number("value")
            if value < 0:
                row.problem("value", w.NEGATIVE.later(value=value))
            start, source, confirmed, note = _checked(row)
            until = row.date("until", required=False)
            if until is not None and until < start:
                row.problem("until", w.UNTIL_BEFORE_START.later(start=start.isoformat()))
            if rows and start <= rows[-1].start:
                row.problem("start", w.DATE_ORDER.later(start=rows[-1].start.isoformat()))
            row.done()
            rows.append(Row(value=value, start=start, until=until, source=source, confirmed=confirmed, note=note))
        figure.done()
        out[ident] = Figure(id=ident, label=label, rows=tuple(rows), label_cy=label_cy)
    for ident in needed:
        if ident not in out:
            top.problem(f"figures.{ident}", w.FIGURE_MISSING.later())
    return out


_YOU = re.compile(r"\b[Yy]ou(rs?|rself)?\b")
_CHI = re.compile(r"\b([Cc]hi|[Cc]hithau|[Ee]ich)\b")  # "you" in Welsh


def _rules(top: Reader, needed: tuple[str, ...]) -> dict[str, Rule]:
    out: dict[str, Rule] = {}
    for ident, rule in top.named_tables("rules"):
        text = rule.text("text")
        text_cy = rule.translation("text", text)
        them = rule.optional_text("them")
        them_cy = rule.translation("them", them)
        if _CHI.search(them_cy):
            rule.problem("them_cy", w.SAYS_CHI.later())
        if them is None:
            if _YOU.search(text):
                rule.problem("them", w.THEM_MISSING.later())
            them, them_cy = text, text_cy
        elif _YOU.search(them):
            rule.problem("them", w.SAYS_YOU.later())
        start, source, confirmed, note = _checked(rule)
        rule.done()
        out[ident] = Rule(
            id=ident,
            text=text,
            them=them,
            start=start,
            source=source,
            confirmed=confirmed,
            note=note,
            text_cy=text_cy,
            them_cy=them_cy,
        )
    for ident in needed:
        if ident not in out:
            top.problem(f"rules.{ident}", w.RULE_MISSING.later())
    return out
