"""A council's RAS scheme as data: the shape of the TOML file a council writes.

Frozen dataclasses for every part of a scheme: areas of life and their questions,
unpaid support, how points become money (a rate or a table), bands, thresholds, the
hourly rate and the eligibility screen, with the rules of the scheme's nation
(`NationRules`, read from the data packaged in `ras_core/eligibility/`). Every number a council sets is a `Parameter`
with a label, a description and, where they apply, a reference and a start date, so
that the working shown to a person can say where each figure comes from. Reading
and checking a scheme file is `load.py`'s job; nothing here reads files.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal, Protocol, TypeVar

NATIONS = ("england", "scotland", "wales")
PERIODS = ("week", "year")
# Whom a scheme's assessment is for: an adult who needs care and support, or a carer
# (their own assessment of the support they need; each has its own eligibility law).
PERSONS = ("adult", "carer")
# Scotland's national eligibility framework: risk bands, highest first.
RISKS = ("critical", "substantial", "moderate", "low")
# Have the people who help with an area said they are willing and able to keep doing it?
# "not_sure" counts as no: a council must not assume a carer will go on caring.
WILLING = (("yes", "Yes"), ("no", "No"), ("not_sure", "Not sure"))


class _Identified(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=_Identified)


def by_id(items: tuple[T, ...], ident: str) -> T | None:
    """The item with this id, or None."""
    return next((item for item in items if item.id == ident), None)


@dataclass(frozen=True, slots=True, kw_only=True)
class Reference:
    """A published source a figure relies on (a law, a council decision, a method)."""

    id: str
    title: str
    url: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Parameter:
    """A number the council sets, with what it means and where it comes from."""

    label: str
    description: str
    value: Decimal
    reference: Reference | None
    start_date: datetime.date | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Option:
    """An answer: its points, whether it means an outcome is not achieved, the risk it
    shows (Scotland), and why it needs the budget worked out individually, if it does."""

    id: str
    label: str
    points: int
    outcome_not_achieved: bool
    individual_costing: str | None = None
    risk: str | None = None
    individual_costing_them: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Question:
    """A need question. The `_them` wordings, where the scheme gives them (every question
    or none), are for someone answering for another person ("Do they ..."); the `_easy`
    ones, where given, are its Easy Read wording (short sentences, everyday words)."""

    id: str
    text: str
    hint: str
    guide: str | None
    outcomes: tuple[str, ...]
    options: tuple[Option, ...]
    text_them: str | None = None
    hint_them: str | None = None
    # The question in Easy Read, for the site's Easy Read assessment (English only).
    text_easy: str | None = None
    hint_easy: str | None = None

    def option(self, option_id: str) -> Option | None:
        return by_id(self.options, option_id)


@dataclass(frozen=True, slots=True, kw_only=True)
class Domain:
    """An area of life, with its need questions and whether unpaid help is asked about
    (never in a scheme with no `[unpaid_support]` section)."""

    id: str
    title: str
    intro: str | None
    questions: tuple[Question, ...]
    asks_unpaid_support: bool
    unpaid_support_question: str
    intro_them: str | None = None
    unpaid_support_question_them: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SupportOption:
    """An answer to "does someone help without being paid?": the share of points kept."""

    id: str
    label: str
    keep: Decimal


@dataclass(frozen=True, slots=True, kw_only=True)
class UnpaidSupport:
    question: str
    hint: str
    willing_question: str
    willing_hint: str
    options: tuple[SupportOption, ...]
    question_them: str | None = None
    hint_them: str | None = None
    willing_question_them: str | None = None
    willing_hint_them: str | None = None

    def option(self, option_id: str) -> SupportOption | None:
        return by_id(self.options, option_id)


@dataclass(frozen=True, slots=True, kw_only=True)
class TableRow:
    """Points from `low` to `high` (inclusive; `high` None for the top row) give `amount`."""

    low: int
    high: int | None
    amount: Decimal


@dataclass(frozen=True, slots=True, kw_only=True)
class Allocation:
    """How points become money: `rate` (base + points x rate) or a points `table`."""

    method: Literal["rate", "table"]
    rate_per_point: Parameter | None
    base: Parameter | None
    rows: tuple[TableRow, ...]
    label: str
    description: str
    reference: Reference | None
    start_date: datetime.date | None

    def row_for(self, total: int) -> TableRow:
        """The table row a points total falls in; beyond a table's end, its last row.

        A checked table covers every total the answers can reach, or ends at or above the
        exceptional level: a total beyond its end is worked out individually, and the last
        row's amount is only the starting point (`beyond_table` says when)."""
        for row in self.rows:
            if row.low <= total and (row.high is None or total <= row.high):
                return row
        return self.rows[-1]

    def beyond_table(self, total: int) -> bool:
        """Whether a total is past the end of a table that ends (never for a rate)."""
        if self.method != "table" or not self.rows:
            return False
        end = self.rows[-1].high
        return end is not None and total > end


@dataclass(frozen=True, slots=True, kw_only=True)
class Bands:
    """Bands of fixed `width`, or explicit `edges`. An amount on an edge goes in the band above."""

    label: str
    description: str
    width: Decimal | None
    edges: tuple[Decimal, ...]
    reference: Reference | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Outcome:
    id: str
    text: str
    text_them: str | None = None

    def said(self, them: bool) -> str:
        return self.text_them if them and self.text_them is not None else self.text


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    """One part of a nation's eligibility law, in plain words, with where it is written.

    For a condition, `decided` says who decides it: "answers" (the screen works it out)
    or "assessment" (the council decides it with the person)."""

    id: str
    text: str
    where: str
    decided: str = "assessment"
    text_them: str | None = None

    def said(self, them: bool) -> str:
        """The rule in words, of the person answering or (`them`) of the person answered for."""
        return self.text_them if them and self.text_them is not None else self.text


@dataclass(frozen=True, slots=True, kw_only=True)
class RiskBand:
    id: str
    label: str
    text: str
    text_them: str | None = None

    def said(self, them: bool) -> str:
        return self.text_them if them and self.text_them is not None else self.text


@dataclass(frozen=True, slots=True, kw_only=True)
class NationRules:
    """A nation's eligibility rules as data (`ras_core/eligibility/NATION.toml`).

    `screen` is "outcomes" (England, Wales: enough outcomes not achieved) or "risk"
    (Scotland: the risk to independence at or above the council's threshold). The rules'
    texts in other languages (`text_cy` beside `text` in the file) are `translations`,
    each found by its English, as a scheme's are: `say`."""

    nation: str
    person: str
    name: str
    screen: str
    law: Reference
    conditions: tuple[Rule, ...]
    unable: tuple[Rule, ...]
    minimum_unmet: int | None
    outcomes: tuple[Rule, ...]
    bands: tuple[RiskBand, ...]
    checked: datetime.date
    note: str
    carers: str = ""  # what people who help without being paid can ask for (adults' rules)
    carers_law: Reference | None = None
    translations: Translations = field(default_factory=lambda: Translations())

    def say(self, lang: str, english: str) -> str:
        """One of the rules' texts in `lang` (its English where the rules have none)."""
        return english if lang == "en" else self.translations.say(lang, english)


@dataclass(frozen=True, slots=True, kw_only=True)
class Eligibility:
    """A screen (not a decision), by the rules of the scheme's nation.

    England and Wales: how many outcomes must look unmet (`minimum_unmet`). Scotland:
    the council's `threshold`, a band of the national framework (critical, substantial,
    moderate, low); answers carry the risk they show."""

    rules: NationRules
    minimum_unmet: Parameter | None
    outcomes: tuple[Outcome, ...]
    threshold: RiskBand | None
    reference: Reference | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Translations:
    """A scheme's texts in its other languages, each by its English (as gettext finds a
    message by its English): (language, English, translation)."""

    entries: tuple[tuple[str, str, str], ...] = ()
    _index: dict[tuple[str, str], str] = field(default_factory=dict, compare=False, hash=False, repr=False)

    def __post_init__(self) -> None:
        self._index.update({(lang, english): text for lang, english, text in self.entries})

    def say(self, lang: str, english: str) -> str:
        """The text in `lang`, or the English where the scheme has none (English only)."""
        return self._index.get((lang, english), english)


@dataclass(frozen=True, slots=True, kw_only=True)
class Scheme:
    id: str
    council: str
    title: str
    version: str
    effective_from: datetime.date
    nation: str
    illustrative: bool
    period: str
    contact: str
    how_to_question: str
    references: tuple[Reference, ...]
    domains: tuple[Domain, ...]
    unpaid_support: UnpaidSupport | None
    allocation: Allocation
    minimum_points: Parameter | None
    exceptional_points: Parameter | None
    bands: Bands
    hourly_rate: Parameter | None
    weeks_per_year: Parameter
    eligibility: Eligibility
    person: str = "adult"
    # The languages the scheme is written in, English first; a bilingual scheme has the
    # other language of every text a person reads (`_reader.Words`).
    languages: tuple[str, ...] = ("en",)
    translations: Translations = field(default_factory=Translations)

    def say(self, lang: str, english: str) -> str:
        """One of the scheme's texts in `lang` (its English where it has none)."""
        return english if lang == "en" else self.translations.say(lang, english)

    @property
    def speaks_of_them(self) -> bool:
        """Whether the scheme has wording for someone answering for another person."""
        return any(q.text_them is not None for _, q in self.questions())

    def support_question(self, domain: Domain) -> str:
        """The unpaid-support question for a domain (its own wording, or the scheme's)."""
        shared = self.unpaid_support.question if self.unpaid_support is not None else ""
        return domain.unpaid_support_question or shared

    def support_option(self, option_id: str) -> SupportOption | None:
        return None if self.unpaid_support is None else self.unpaid_support.option(option_id)

    def questions(self) -> list[tuple[Domain, Question]]:
        return [(domain, question) for domain in self.domains for question in domain.questions]

    def highest_total(self) -> int:
        """The most points the answers can give (each question's highest answer)."""
        return sum(max((o.points for o in q.options), default=0) for _, q in self.questions())
