"""A council's RAS scheme: questions and points, unpaid support, allocation, bands.

A scheme is data (one TOML file a council writes); this module only describes its
shape as frozen dataclasses and reads it from plain dicts with the typed getters in
`_reader`. Every number a council sets is a `Parameter` with a label, a
description and, where they apply, a reference and a start date, so that the
working shown to a person can say where each figure comes from. Loading reports
every problem at once (`SchemeError`), each with the file and a dotted path.
"""

from __future__ import annotations

import datetime
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from ._reader import Reader, is_number
from .errors import Problem, SchemeError
from .files import BOM, read_text
from .numbers import MAX_MONEY, MAX_POINTS

NATIONS = ("england", "scotland", "wales")
PERIODS = ("week", "year")
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")


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
    id: str
    label: str
    points: int
    outcome_not_achieved: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class Question:
    id: str
    text: str
    hint: str
    guide: str | None
    outcomes: tuple[str, ...]
    options: tuple[Option, ...]

    def option(self, option_id: str) -> Option | None:
        for option in self.options:
            if option.id == option_id:
                return option
        return None


@dataclass(frozen=True, slots=True, kw_only=True)
class Domain:
    """An area of life, with its need questions and whether unpaid help is asked about."""

    id: str
    title: str
    intro: str | None
    questions: tuple[Question, ...]
    asks_unpaid_support: bool
    unpaid_support_question: str


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

    def option(self, option_id: str) -> SupportOption | None:
        for option in self.options:
            if option.id == option_id:
                return option
        return None


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


@dataclass(frozen=True, slots=True, kw_only=True)
class Eligibility:
    """A screen (not a decision): how many outcomes must look unmet to be likely eligible."""

    minimum_unmet: Parameter
    outcomes: tuple[Outcome, ...]
    reference: Reference | None


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
    unpaid_support: UnpaidSupport
    allocation: Allocation
    minimum_points: Parameter | None
    exceptional_points: Parameter | None
    bands: Bands
    hourly_rate: Parameter
    weeks_per_year: Parameter
    eligibility: Eligibility

    def support_question(self, domain: Domain) -> str:
        """The unpaid-support question for a domain (its own wording, or the scheme's)."""
        return domain.unpaid_support_question or self.unpaid_support.question

    def questions(self) -> list[tuple[Domain, Question]]:
        return [(domain, question) for domain in self.domains for question in domain.questions]


# -- loading ---------------------------------------------------------------------


def load_scheme(path: str | Path) -> Scheme:
    """Read and check a scheme TOML file; raise `SchemeError` listing every problem."""
    return scheme_from_toml(read_text(path, SchemeError), source=str(path))


def scheme_from_toml(text: str, *, source: str = "scheme.toml") -> Scheme:
    try:
        data = tomllib.loads(text.removeprefix(BOM), parse_float=Decimal)
    except tomllib.TOMLDecodeError as error:
        raise SchemeError(source, [Problem(path="", message=_toml_message(error))]) from None
    except RecursionError:
        raise SchemeError(source, [Problem(path="", message="is nested too deeply to be a scheme")]) from None
    except ValueError:
        # tomllib lets Python's own error through for a whole number of more than
        # 4,300 digits; nothing else in a TOML file raises it.
        raise SchemeError(source, [Problem(path="", message="not valid TOML: a number is too long to read")]) from None
    return scheme_from_dict(data, source=source)


def _toml_message(error: tomllib.TOMLDecodeError) -> str:
    # Python 3.11 has no lineno/colno attributes; the message always ends with them.
    text = str(error)
    found = re.search(r"^(.*) \(at line (\d+), column (\d+)\)$", text)
    if found:
        return f"line {found[2]}, column {found[3]}: not valid TOML: {found[1]}"
    return f"not valid TOML: {text}"


def scheme_from_dict(data: Mapping[str, Any], *, source: str = "scheme.toml") -> Scheme:
    problems: list[Problem] = []
    top = Reader(data, "", problems)
    loader = _Loader(problems)
    scheme = loader.scheme(top)
    top.done()
    if problems:
        raise SchemeError(source, problems)
    assert scheme is not None
    return scheme


class _Loader:
    """Walks the scheme tables; cross-checks (ids, references, ranges) happen here."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        self.references: dict[str, Reference] = {}

    def fail(self, path: str, message: str) -> None:
        self.problems.append(Problem(path=path, message=message))

    def ident(self, reader: Reader, key: str = "id") -> str:
        value = reader.text(key)
        if value and not ID_PATTERN.match(value):
            reader.problem(
                key,
                f'must use only lower-case letters, digits and "-", starting with a letter or digit, got "{value}"',
            )
        return value

    def unique(self, items: list[tuple[str, str]], what: str) -> None:
        """Report ids used twice; `items` is (id, path of its id)."""
        first: dict[str, str] = {}
        for ident, path in items:
            if not ident:
                continue
            if ident in first:
                self.fail(path, f'duplicate {what} id "{ident}" (first used at {first[ident]})')
            else:
                first[ident] = path

    def reference(self, reader: Reader, key: str = "reference") -> Reference | None:
        name = reader.optional_text(key)
        if name is None:
            return None
        found = self.references.get(name)
        if found is None:
            known = ", ".join(sorted(self.references)) or "none are defined"
            reader.problem(key, f'unknown reference "{name}"; references defined: {known}')
        return found

    def parameter(
        self,
        parent: Reader,
        key: str,
        *,
        required: bool = True,
        whole: bool = False,
        minimum: Decimal | None = None,
        above: Decimal | None = None,
    ) -> Parameter | None:
        reader = parent.table(key, required=required)
        if reader is None:
            return None
        label = reader.text("label")
        description = reader.text("description")
        value = Decimal(reader.whole("value")) if whole else reader.number("value")
        reference = self.reference(reader)
        start = reader.date("start_date", required=False)
        reader.done()
        raw = reader.data.get("value")
        # A value of the wrong kind is already reported; its ranges are not checked too.
        if is_number(raw) and (not whole or isinstance(raw, int)):
            if minimum is not None and value < minimum:
                reader.problem("value", f"must be {minimum} or more, got {value}")
            if above is not None and value <= above:
                reader.problem("value", f"must be more than {above}, got {value}")
            too_large(reader, "value", value)
        return Parameter(label=label, description=description, value=value, reference=reference, start_date=start)

    # -- sections ------------------------------------------------------------

    def scheme(self, top: Reader) -> Scheme | None:
        for name, reader in top.named_tables("references"):
            if not ID_PATTERN.match(name):
                self.fail(reader.path, 'reference names use lower-case letters, digits and "-"')
            self.references[name] = Reference(id=name, title=reader.text("title"), url=reader.optional_text("url"))
            reader.done()

        head = top.table("scheme")
        identity = self.identity(head) if head else None
        domains = tuple(self.domains(top))
        support = self.unpaid_support(top.table("unpaid_support"))
        allocation = self.allocation(top.table("allocation"))
        minimum_points, exceptional_points = self.thresholds(top.table("thresholds", required=False))
        bands = self.bands(top.table("bands"))
        money = top.table("money")
        hourly_rate = weeks = None
        if money is not None:
            hourly_rate = self.parameter(money, "hourly_rate", above=Decimal(0))
            weeks = self.parameter(money, "weeks_per_year", whole=True, above=Decimal(0))
            money.done()
        eligibility = self.eligibility(top.table("eligibility"), domains)

        if (
            minimum_points is not None
            and exceptional_points is not None
            and exceptional_points.value <= minimum_points.value
        ):
            self.fail(
                "thresholds.exceptional_points.value",
                f"must be more than thresholds.minimum_points ({minimum_points.value}), got {exceptional_points.value}",
            )

        if (
            identity is None
            or support is None
            or allocation is None
            or bands is None
            or hourly_rate is None
            or weeks is None
            or eligibility is None
        ):
            return None
        return Scheme(
            **identity,
            references=tuple(self.references.values()),
            domains=domains,
            unpaid_support=support,
            allocation=allocation,
            minimum_points=minimum_points,
            exceptional_points=exceptional_points,
            bands=bands,
            hourly_rate=hourly_rate,
            weeks_per_year=weeks,
            eligibility=eligibility,
        )

    def identity(self, reader: Reader) -> dict[str, Any]:
        values: dict[str, Any] = {
            "id": self.ident(reader),
            "council": reader.text("council"),
            "title": reader.text("title"),
            "version": reader.text("version"),
            "effective_from": reader.date("effective_from") or datetime.date(1970, 1, 1),
            "nation": reader.choice("nation", NATIONS),
            "illustrative": reader.boolean("illustrative"),
            "period": reader.choice("period", PERIODS),
            "contact": reader.text("contact"),
            "how_to_question": reader.text("how_to_question"),
        }
        reader.done()
        return values

    def domains(self, top: Reader) -> list[Domain]:
        domains: list[Domain] = []
        domain_ids: list[tuple[str, str]] = []
        question_ids: list[tuple[str, str]] = []
        for reader in top.tables("domains"):
            domain_id = self.ident(reader)
            domain_ids.append((domain_id, reader.at("id")))
            questions: list[Question] = []
            for q in reader.tables("questions"):
                question = self.question(q)
                question_ids.append((question.id, q.at("id")))
                questions.append(question)
            domains.append(
                Domain(
                    id=domain_id,
                    title=reader.text("title"),
                    intro=reader.optional_text("intro"),
                    questions=tuple(questions),
                    asks_unpaid_support=reader.boolean("ask_unpaid_support", required=False, default=True),
                    unpaid_support_question=reader.text("unpaid_support_question", required=False),
                )
            )
            reader.done()
        self.unique(domain_ids, "domain")
        self.unique(question_ids, "question")
        return domains

    def question(self, reader: Reader) -> Question:
        question_id = self.ident(reader)
        options: list[Option] = []
        option_ids: list[tuple[str, str]] = []
        for o in reader.tables("options"):
            option_id = self.ident(o)
            option_ids.append((option_id, o.at("id")))
            points = o.whole("points")
            if points < 0:
                o.problem("points", f"must be a whole number 0 or more, got {points}")
            elif points > MAX_POINTS:
                o.problem("points", f"must be {MAX_POINTS:,} or less, got {points}")
            options.append(
                Option(
                    id=option_id,
                    label=o.text("label"),
                    points=points,
                    outcome_not_achieved=o.boolean("outcome_not_achieved", required=False, default=False),
                )
            )
            o.done()
        self.unique(option_ids, "option")
        if 0 < len(options) < 2:
            reader.problem("options", "must have at least 2 options to choose from")
        question = Question(
            id=question_id,
            text=reader.text("text"),
            hint=reader.text("hint"),
            guide=reader.optional_text("guide"),
            outcomes=tuple(reader.text_list("outcomes", required=False)),
            options=tuple(options),
        )
        reader.done()
        return question

    def unpaid_support(self, reader: Reader | None) -> UnpaidSupport | None:
        if reader is None:
            return None
        options: list[SupportOption] = []
        ids: list[tuple[str, str]] = []
        for o in reader.tables("options"):
            option_id = self.ident(o)
            ids.append((option_id, o.at("id")))
            keep = o.number("keep")
            if "keep" in o.data and not Decimal(0) <= keep <= Decimal(1):
                o.problem("keep", f"must be a share from 0 to 1 (1 keeps all points), got {keep}")
            options.append(SupportOption(id=option_id, label=o.text("label"), keep=keep))
            o.done()
        self.unique(ids, "option")
        if options and not any(o.keep == 1 for o in options):
            reader.problem("options", "one option must keep all points (keep = 1), for no help")
        support = UnpaidSupport(
            question=reader.text("question"),
            hint=reader.text("hint"),
            willing_question=reader.text("willing_question"),
            willing_hint=reader.text("willing_hint"),
            options=tuple(options),
        )
        reader.done()
        return support

    def allocation(self, reader: Reader | None) -> Allocation | None:
        if reader is None:
            return None
        method = reader.choice("method", ("rate", "table"))
        label = reader.text("label")
        description = reader.text("description")
        reference = self.reference(reader)
        start = reader.date("start_date", required=False)
        rate = base = None
        rows: list[TableRow] = []
        if method == "rate":
            rate = self.parameter(reader, "rate_per_point", above=Decimal(0))
            base = self.parameter(reader, "base", required=False, minimum=Decimal(0))
            if reader.has("rows"):
                reader.problem("rows", 'only for method = "table"; remove it or change the method')
        else:
            rows = self.table_rows(reader)
            for key in ("rate_per_point", "base"):
                if reader.has(key):
                    reader.problem(key, 'only for method = "rate"; remove it or change the method')
        reader.done()
        return Allocation(
            method="rate" if method == "rate" else "table",
            rate_per_point=rate,
            base=base,
            rows=tuple(rows),
            label=label,
            description=description,
            reference=reference,
            start_date=start,
        )

    def table_rows(self, reader: Reader) -> list[TableRow]:
        rows: list[TableRow] = []
        readers = list(reader.tables("rows"))
        for i, r in enumerate(readers):
            last = i == len(readers) - 1
            low = r.whole("from")
            high: int | None = r.whole("to", required=not last) if (not last or r.has("to")) else None
            amount = r.number("amount")
            if "amount" in r.data and amount < 0:
                r.problem("amount", f"must be 0 or more, got {amount}")
            too_large(r, "amount", amount)
            r.done()
            if i == 0 and "from" in r.data and low != 0:
                r.problem("from", f"the first row must start at 0 points, got {low}")
            if rows and "from" in r.data:
                previous = rows[-1]
                if previous.high is not None and low != previous.high + 1:
                    kind = "a gap" if low > previous.high + 1 else "an overlap"
                    r.problem(
                        "from",
                        f"must be {previous.high + 1} (one more than the previous row's "
                        f'"to", {previous.high}), got {low}: there is {kind}',
                    )
                if "amount" in r.data and amount < previous.amount:
                    r.problem(
                        "amount",
                        f"must not be less than the previous row's amount "
                        f"({previous.amount}), got {amount}: more points never give less",
                    )
            if high is not None and "to" in r.data and "from" in r.data and high < low:
                r.problem("to", f'must be {low} ("from") or more, got {high}')
            rows.append(TableRow(low=low, high=high, amount=amount))
        return rows

    def thresholds(self, reader: Reader | None) -> tuple[Parameter | None, Parameter | None]:
        if reader is None:
            return None, None
        minimum = self.parameter(reader, "minimum_points", required=False, whole=True, minimum=Decimal(0))
        exceptional = self.parameter(reader, "exceptional_points", required=False, whole=True, above=Decimal(0))
        reader.done()
        return minimum, exceptional

    def bands(self, reader: Reader | None) -> Bands | None:
        if reader is None:
            return None
        label = reader.text("label")
        description = reader.text("description")
        reference = self.reference(reader)
        width: Decimal | None = None
        edges: list[Decimal] = []
        has_width, has_edges = reader.has("width"), reader.has("edges")
        if has_width == has_edges:
            reader.problem("", 'give either "width" (bands of equal size) or "edges", not both')
        if has_width:
            width = reader.number("width")
            if is_number(reader.data["width"]) and width <= 0:
                reader.problem("width", f"must be more than 0, got {width}")
            too_large(reader, "width", width)
        if has_edges:
            edges = reader.number_list("edges")
            if edges and edges[0] != 0:
                self.fail(f"{reader.at('edges')}[0]", f"the first edge must be 0, got {edges[0]}")
            for i in range(1, len(edges)):
                if edges[i] <= edges[i - 1]:
                    self.fail(
                        f"{reader.at('edges')}[{i}]",
                        f"must be more than the previous edge ({edges[i - 1]}), got {edges[i]}",
                    )
            if 0 < len(edges) < 2:
                reader.problem("edges", "must have at least 2 edges")
            if edges:
                too_large(reader, "edges", edges[-1])
        reader.done()
        return Bands(
            label=label,
            description=description,
            width=width,
            edges=tuple(edges),
            reference=reference,
        )

    def eligibility(self, reader: Reader | None, domains: tuple[Domain, ...]) -> Eligibility | None:
        if reader is None:
            return None
        minimum = self.parameter(reader, "minimum_unmet", whole=True, minimum=Decimal(1))
        reference = self.reference(reader)
        outcomes: list[Outcome] = []
        ids: list[tuple[str, str]] = []
        for o in reader.tables("outcomes"):
            outcome_id = self.ident(o)
            ids.append((outcome_id, o.at("id")))
            outcomes.append(Outcome(id=outcome_id, text=o.text("text")))
            o.done()
        reader.done()
        self.unique(ids, "outcome")
        known = {o.id for o in outcomes}
        for d, domain in enumerate(domains):
            for q, question in enumerate(domain.questions):
                for k, outcome_id in enumerate(question.outcomes):
                    if outcome_id not in known:
                        self.fail(
                            f"domains[{d}].questions[{q}].outcomes[{k}]",
                            f'unknown outcome "{outcome_id}"; outcomes defined in '
                            f"eligibility.outcomes: {', '.join(o.id for o in outcomes)}",
                        )
        if minimum is None:
            return None
        return Eligibility(minimum_unmet=minimum, outcomes=tuple(outcomes), reference=reference)


def too_large(reader: Reader, key: str, value: Decimal) -> None:
    """Refuse a figure no council would set, before any sum with it can overflow."""
    if value >= MAX_MONEY:
        reader.problem(key, f"must be less than {MAX_MONEY:,}, got {value}")
