"""Loading a scheme file: TOML text to a checked `Scheme`, or every problem at once.

The file is parsed with `tomllib` (numbers as exact Decimals) and walked with the
typed getters in `_reader`, section by section: identity, references, areas and
their questions, unpaid support (here; optional: a scheme that asks nothing about
unpaid help has no such section), the money sections (`load_money.py`) and the
eligibility screen by the scheme's nation (`load_eligibility.py`). Cross-checks (ids
used twice, unknown references and outcomes, a points table that ends before the
answers do) are made as the file is read. Loading reports every problem together
(`SchemeError`), each with the file and a dotted path. Things that are allowed but
may mislead are warnings, not problems (`warn.py`).
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import re
import tomllib
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..files import BOM, read_text
from . import load_eligibility, load_money, them
from . import load_words as w
from ._reader import OTHER_LANGUAGES, Reader, Words
from .checks import ID_PATTERN, Checks
from .errors import Problem, SchemeError
from .model import (
    NATIONS,
    PERIODS,
    PERSONS,
    RISKS,
    Allocation,
    Domain,
    Option,
    Parameter,
    Question,
    Reference,
    Scheme,
    SupportOption,
    Translations,
    UnpaidSupport,
)
from .numbers import MAX_POINTS

# The most words in one sentence of an Easy Read wording.
EASY_WORDS = 15


def load_scheme(path: str | Path) -> Scheme:
    """Read and check a scheme TOML file; raise `SchemeError` listing every problem."""
    return scheme_from_toml(read_text(path, SchemeError), source=str(path))


def scheme_from_toml(text: str, *, source: str = "scheme.toml") -> Scheme:
    try:
        data = tomllib.loads(text.removeprefix(BOM), parse_float=Decimal)
    except tomllib.TOMLDecodeError as error:
        raise SchemeError(source, [Problem(path="", message=_toml_message(error))]) from None
    except RecursionError:
        raise SchemeError(source, [Problem(path="", message=w.TOO_DEEP.later())]) from None
    except ValueError:
        # tomllib lets Python's own error through for a whole number of more than
        # 4,300 digits; nothing else in a TOML file raises it.
        raise SchemeError(source, [Problem(path="", message=w.NUMBER_TOO_LONG.later())]) from None
    return scheme_from_dict(data, source=source)


def _toml_message(error: tomllib.TOMLDecodeError) -> str:
    # Python 3.11 has no lineno/colno attributes; the message always ends with them.
    text = str(error)
    found = re.search(r"^(.*) \(at line (\d+), column (\d+)\)$", text)
    if found:
        return w.NOT_TOML_AT.later(line=found[2], column=found[3], why=found[1])
    return w.NOT_TOML.later(why=text)


def _languages(data: Mapping[str, Any]) -> tuple[str, ...]:
    """The languages named in scheme.languages, when they are ones a scheme can have (the
    key itself is checked where it is read, with the rest of [scheme])."""
    head = data.get("scheme")
    named = head.get("languages") if isinstance(head, dict) else None
    if (
        isinstance(named, list)
        and named[:1] == ["en"]
        and len(set(named)) == len(named)
        and all(lang in OTHER_LANGUAGES for lang in named[1:])
    ):
        return tuple(named)
    return ("en",)


def _words(data: Mapping[str, Any]) -> Words:
    head = data.get("scheme")
    named = head.get("languages", ["en"]) if isinstance(head, dict) else ["en"]
    languages = _languages(data)
    return Words(languages, unreadable=languages == ("en",) and named != ["en"])


def scheme_from_dict(data: Mapping[str, Any], *, source: str = "scheme.toml") -> Scheme:
    problems: list[Problem] = []
    words = _words(data)
    top = Reader(data, "", problems, words)
    loader = _Loader(problems)
    scheme = loader.scheme(top)
    top.done()
    if problems:
        raise SchemeError(source, problems)
    assert scheme is not None
    entries = tuple(
        (lang, english, text) for lang, found in words.found.items() for english, (text, _) in found.items()
    )
    return dataclasses.replace(scheme, languages=words.languages, translations=Translations(entries=entries))


class _Loader(Checks):
    """Walks the scheme tables; cross-checks (ids, references, ranges) happen here."""

    # -- sections ------------------------------------------------------------

    def scheme(self, top: Reader) -> Scheme | None:
        for name, reader in top.named_tables("references"):
            if not ID_PATTERN.match(name):
                self.fail(reader.path, w.REFERENCE_NAMES.later())
            self.references[name] = Reference(id=name, title=reader.words("title"), url=reader.optional_text("url"))
            reader.done()

        head = top.table("scheme")
        identity = self.identity(head) if head else None
        self.nation = identity["nation"] if identity else ""
        support_table = top.table("unpaid_support", required=False)
        domains = tuple(self.domains(top, asks=support_table is not None))
        support = self.unpaid_support(support_table)
        allocation = load_money.allocation(self, top.table("allocation"))
        minimum_points, exceptional_points = load_money.thresholds(self, top.table("thresholds", required=False))
        bands = load_money.bands(self, top.table("bands"))
        money = top.table("money")
        hourly_rate = weeks = None
        if money is not None:
            # Optional: a carer's budget buys breaks and things, not hours of care, and a
            # figure in hours would mislead there.
            hourly_rate = self.parameter(money, "hourly_rate", required=False, above=Decimal(0))
            weeks = self.parameter(money, "weeks_per_year", whole=True, above=Decimal(0))
            money.done()
        person = identity["person"] if identity else "adult"
        eligibility = load_eligibility.eligibility(
            self, top.table("eligibility", required=False), domains, self.nation or "england", person
        )
        them.check(self, domains, support)
        if allocation is not None:
            self.table_end(allocation, domains, exceptional_points)

        if (
            minimum_points is not None
            and exceptional_points is not None
            and exceptional_points.value <= minimum_points.value
        ):
            said = w.EXCEPTIONAL.later(minimum=minimum_points.value, value=exceptional_points.value)
            self.fail("thresholds.exceptional_points.value", said)

        if (
            identity is None
            or (support_table is not None and support is None)
            or allocation is None
            or bands is None
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
            "council": reader.words("council"),
            "title": reader.words("title"),
            "version": reader.text("version"),
            "effective_from": reader.date("effective_from") or datetime.date(1970, 1, 1),
            "nation": reader.choice("nation", NATIONS),
            "illustrative": reader.boolean("illustrative"),
            "period": reader.choice("period", PERIODS),
            "contact": reader.words("contact"),
            "how_to_question": reader.words("how_to_question"),
            "person": reader.choice("person", PERSONS, required=False) or "adult",
        }
        self.languages(reader)
        reader.done()
        return values

    def languages(self, reader: Reader) -> None:
        """scheme.languages: English, or English and Welsh (each text then has its Welsh)."""
        if not reader.has("languages"):
            return
        named = reader.text_list("languages")
        if named[:1] != ["en"] or len(set(named)) != len(named) or any(n not in OTHER_LANGUAGES for n in named[1:]):
            reader.problem("languages", w.LANGUAGES.later(got=json.dumps(named)))

    def table_end(self, allocation: Allocation, domains: tuple[Domain, ...], exceptional: Parameter | None) -> None:
        """A table that ends must reach the highest total, or end at or above the exceptional level."""
        if allocation.method != "table" or not allocation.rows or allocation.rows[-1].high is None:
            return
        end = allocation.rows[-1].high
        highest = sum(max((o.points for o in q.options), default=0) for d in domains for q in d.questions)
        if end >= highest or (exceptional is not None and end >= exceptional.value):
            return
        said = w.TABLE_END.later(end=end, highest=highest, next=end + 1)
        self.fail(f"allocation.rows[{len(allocation.rows) - 1}].to", said)

    def domains(self, top: Reader, *, asks: bool) -> list[Domain]:
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
            domain_asks = reader.boolean("ask_unpaid_support", required=False, default=asks)
            if not asks:
                for key in ("ask_unpaid_support", "unpaid_support_question"):
                    if reader.has(key):
                        reader.problem(key, w.NO_SUPPORT_SECTION.later())
            domains.append(
                Domain(
                    id=domain_id,
                    title=reader.words("title"),
                    intro=reader.optional_words("intro"),
                    questions=tuple(questions),
                    asks_unpaid_support=asks and domain_asks,
                    unpaid_support_question=reader.words("unpaid_support_question", required=False),
                    intro_them=reader.optional_words("intro_them"),
                    unpaid_support_question_them=reader.optional_words("unpaid_support_question_them"),
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
                o.problem("points", w.POINTS_NEGATIVE.later(points=points))
            elif points > MAX_POINTS:
                o.problem("points", w.POINTS_TOO_MANY.later(most=f"{MAX_POINTS:,}", points=points))
            options.append(
                Option(
                    id=option_id,
                    label=o.words("label"),
                    points=points,
                    outcome_not_achieved=o.boolean("outcome_not_achieved", required=False, default=False),
                    individual_costing=self.individual_costing(o),
                    risk=self.risk(o),
                    individual_costing_them=o.optional_words("individual_costing_them"),
                )
            )
            o.done()
        self.unique(option_ids, "option")
        if 0 < len(options) < 2:
            reader.problem("options", w.TWO_OPTIONS.later())
        question = Question(
            id=question_id,
            text=reader.words("text"),
            hint=reader.words("hint"),
            guide=reader.optional_words("guide"),
            outcomes=tuple(reader.text_list("outcomes", required=False)),
            options=tuple(options),
            text_them=reader.optional_words("text_them"),
            hint_them=reader.optional_words("hint_them"),
            text_easy=self.easy_read(reader, "text_easy"),
            hint_easy=self.easy_read(reader, "hint_easy"),
        )
        reader.done()
        return question

    def easy_read(self, reader: Reader, key: str) -> str | None:
        """An Easy Read wording: text, with short sentences (at most `EASY_WORDS` words)."""
        value = reader.optional_text(key)
        if value is None:
            return None
        if not value.strip():
            reader.problem(key, w.EASY_EMPTY.later())
            return None
        for sentence in re.split(r"(?<=[.?!])\s+", value.strip()):
            count = len(sentence.split())
            if count > EASY_WORDS:
                reader.problem(key, w.EASY_LONG.later(most=EASY_WORDS, count=count, sentence=repr(sentence)))
        return value

    def individual_costing(self, o: Reader) -> str | None:
        reason = o.optional_words("individual_costing")
        if reason is not None and not reason.strip():
            o.problem("individual_costing", w.WHY_INDIVIDUAL.later())
        return reason

    def risk(self, o: Reader) -> str | None:
        if not o.has("risk"):
            return None
        if self.nation != "scotland":
            o.problem("risk", w.RISK_SCOTLAND.later())
            return None
        return o.choice("risk", RISKS)

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
                o.problem("keep", w.KEEP_SHARE.later(keep=keep))
            options.append(SupportOption(id=option_id, label=o.words("label"), keep=keep))
            o.done()
        self.unique(ids, "option")
        if options and not any(o.keep == 1 for o in options):
            reader.problem("options", w.KEEP_ALL.later())
        support = UnpaidSupport(
            question=reader.words("question"),
            hint=reader.words("hint"),
            willing_question=reader.words("willing_question"),
            willing_hint=reader.words("willing_hint"),
            options=tuple(options),
            question_them=reader.optional_words("question_them"),
            hint_them=reader.optional_words("hint_them"),
            willing_question_them=reader.optional_words("willing_question_them"),
            willing_hint_them=reader.optional_words("willing_hint_them"),
        )
        reader.done()
        return support
