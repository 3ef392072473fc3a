"""The person's answers about money, read from the answers file's optional "contribution" key.

The key holds: ``{"age": "18-24" | "25-pension" | "pension", "savings": a savings band's
id, "income": {type: "120.50"}, "care_rate": "none" | "lower" | "higher", "housing":
"95.00", "disability_costs": "12.00"}``. Every answer may be left out or given as
"not_said" (the page's "I'd rather not say"): the result then shows the rule for it
instead of a figure. Money is weekly, pounds and pence, read with the one money parser
(`scheme.numbers.parse_money`). The rest of the file is checked by the scheme's own
answers reader; `contribution_answers_from_json` reports both readers' problems at once.

The problems this module writes are messages (`ras_core.i18n`), said in the language
asked for; what the shared readers add (a value described, an unknown key, a number's
own problem, and the scheme's answers) is in English.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..files import BOM
from ..i18n import SOURCE, message
from ..scheme._reader import Reader, describe
from ..scheme.answers import MAX_ANSWERS_BYTES, MAX_DIGITS, Answers, answers_from_dict
from ..scheme.errors import AnswersError, Problem
from ..scheme.model import Scheme
from ..scheme.numbers import NumberError, parse_money, quote
from .rules import INCOME_TYPES, NationCharging

KEY = "contribution"
NOT_SAID = "not_said"
AGE_BANDS = ("18-24", "25-pension", "pension")
# The rate of Attendance Allowance, PIP daily living or DLA care: "higher" is PIP's
# enhanced daily living rate or DLA's highest care rate (the enhanced disability premium).
CARE_RATES = ("none", "lower", "higher")
# A week's income of any one type is far below this; more is a typing slip.
MAX_WEEKLY = Decimal(100_000)

# The problems, declared once for translators ({got} is the value given, described).
_NOT_AN_OBJECT = message("expected a JSON object, got {got}", context="problem")
_NOT_AMOUNTS = message("expected a JSON object of weekly amounts, got {got}", context="problem")
_NO_SAVINGS = message("this nation's rules do not use savings; allowed: {allowed}", context="problem")
_NOT_ALLOWED = message("must be one of {allowed}, got {got}", context="problem")
_NOT_AMOUNT = message('expected a weekly amount like "120.50" or {not_said}, got {got}', context="problem")
_CONSTANT = message("not valid JSON: {name} is not allowed", context="problem")
_TOO_LONG = message("has a number more than {digits} digits long, which no answers file has", context="problem")
_TWICE = message("not valid here: the key {key} appears twice", context="problem")
_TOO_LARGE = message("is too large for an answers file (more than {size} KB)", context="problem")
_NOT_JSON = message(
    "line {line}, column {column}: not valid JSON: {why}",
    context="problem",
    note="{why} is the JSON reader's own words, in English.",
)
_TOO_DEEP = message("is nested too deeply to be an answers file", context="problem")


@dataclass(frozen=True, slots=True, kw_only=True)
class MoneyAnswers:
    """What the person told us; None wherever they would rather not say."""

    age: str | None
    savings: str | None
    income: dict[str, Decimal | None]
    care_rate: str | None
    housing: Decimal | None
    disability_costs: Decimal | None

    def to_dict(self) -> dict[str, Any]:
        def said(value: object) -> Any:
            return NOT_SAID if value is None else (f"{value:.2f}" if isinstance(value, Decimal) else value)

        return {
            "age": said(self.age),
            "savings": said(self.savings),
            "income": {k: said(v) for k, v in self.income.items()},
            "care_rate": said(self.care_rate),
            "housing": said(self.housing),
            "disability_costs": said(self.disability_costs),
        }


def money_answers(
    raw: Any, nation: NationCharging, problems: list[Problem], path: str = KEY, *, lang: str = SOURCE
) -> MoneyAnswers:
    """Read the contribution answers, appending every problem to `problems` (in `lang`)."""
    if not isinstance(raw, dict):
        problems.append(Problem(path=path, message=_NOT_AN_OBJECT.say(lang, got=describe(raw))))
        raw = {}
    top = Reader(raw, path, problems)
    age = _choice(top, "age", AGE_BANDS, lang)
    bands = tuple(b.id for b in nation.savings_bands)
    savings = _choice(top, "savings", bands, lang) if bands else None
    if not bands:
        _skip(top, "savings", lang)
    income_raw = top._take("income", "a JSON object of weekly amounts", False)
    income: dict[str, Decimal | None] = dict.fromkeys(INCOME_TYPES)
    if income_raw is not None:
        if isinstance(income_raw, dict):
            amounts = Reader(income_raw, top.at("income"), problems)
            for ident in INCOME_TYPES:
                income[ident] = _money(amounts, ident, lang)
            amounts.done()
        else:
            top.problem("income", _NOT_AMOUNTS.say(lang, got=describe(income_raw)))
    care_rate = _choice(top, "care_rate", CARE_RATES, lang)
    housing = _money(top, "housing", lang)
    disability_costs = _money(top, "disability_costs", lang)
    top.done()
    return MoneyAnswers(
        age=age,
        savings=savings,
        income=income,
        care_rate=care_rate,
        housing=housing,
        disability_costs=disability_costs,
    )


def _skip(top: Reader, key: str, lang: str) -> None:
    # A nation with no savings bands (Scotland) takes no savings answer but "not_said".
    value = top._take(key, NOT_SAID, False)
    if value is not None and value != NOT_SAID:
        top.problem(key, _NO_SAVINGS.say(lang, allowed=f'"{NOT_SAID}"'))


def _choice(top: Reader, key: str, allowed: tuple[str, ...], lang: str) -> str | None:
    value = top._take(key, "text", False)
    if value is None or value == NOT_SAID:
        return None
    if not isinstance(value, str) or value not in allowed:
        quoted = ", ".join(f'"{a}"' for a in (*allowed, NOT_SAID))
        top.problem(key, _NOT_ALLOWED.say(lang, allowed=quoted, got=describe(value)))
        return None
    return value


def _money(reader: Reader, key: str, lang: str) -> Decimal | None:
    value = reader._take(key, "an amount of money", False)
    if value is None or value == NOT_SAID:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
        reader.problem(key, _NOT_AMOUNT.say(lang, not_said=f'"{NOT_SAID}"', got=describe(value)))
        return None
    try:
        return parse_money(str(value), maximum=MAX_WEEKLY)
    except NumberError as error:
        reader.problem(key, error.message.say(lang).rstrip("."))
        return None


def contribution_answers_from_json(
    text: str, scheme: Scheme, nation: NationCharging, *, source: str = "answers.json", lang: str = SOURCE
) -> tuple[Answers, MoneyAnswers]:
    """The scheme's answers and the money answers from one file; every problem at once
    (this module's own in `lang`)."""
    data = _strict_json(text, source, lang)
    raw = data.pop(KEY, {}) if isinstance(data, dict) else {}
    problems: list[Problem] = []
    answers = None
    try:
        answers = answers_from_dict(data, scheme, source=source)
    except AnswersError as error:
        problems += error.problems
    money = money_answers(raw, nation, problems, lang=lang)
    if problems or answers is None:
        raise AnswersError(source, problems)
    return answers, money


class _Refused(ValueError):
    """A part of the JSON text refused while it is read; the message is for people."""


def _strict_json(text: str, source: str, lang: str) -> Any:
    """The file's JSON, read as strictly as the scheme's answers reader reads it: no
    NaN or Infinity, no key twice, no number too long, not too large."""

    def refuse_constant(name: str) -> Any:
        raise _Refused(_CONSTANT.say(lang, name=name))

    def number(kind: type[int] | type[Decimal]) -> Any:
        def read(digits: str) -> Any:
            if len(digits) > MAX_DIGITS:
                raise _Refused(_TOO_LONG.say(lang, digits=MAX_DIGITS))
            return kind(digits)

        return read

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in pairs:
            if key in out:
                raise _Refused(_TWICE.say(lang, key=quote(key)))
            out[key] = value
        return out

    text = text.removeprefix(BOM)
    if len(text.encode("utf-8", "surrogatepass")) > MAX_ANSWERS_BYTES:
        too_large = _TOO_LARGE.say(lang, size=MAX_ANSWERS_BYTES // 1000)
        raise AnswersError(source, [Problem(path="", message=too_large)])
    try:
        return json.loads(
            text,
            parse_constant=refuse_constant,
            parse_int=number(int),
            parse_float=number(Decimal),
            object_pairs_hook=no_duplicates,
        )
    except json.JSONDecodeError as error:
        not_json = _NOT_JSON.say(lang, line=error.lineno, column=error.colno, why=error.msg)
        raise AnswersError(source, [Problem(path="", message=not_json)]) from None
    except _Refused as error:
        raise AnswersError(source, [Problem(path="", message=str(error))]) from None
    except RecursionError:
        raise AnswersError(source, [Problem(path="", message=_TOO_DEEP.say(lang))]) from None


def kept_money_answers(text: str) -> dict[str, Any] | None:
    """The file's money answers as they are written (text, and text inside "income"),
    so a checked file gives them back to the page; anything else is left for the
    contribution's own check to report. None when the file has none."""
    try:
        data = json.loads(text.removeprefix(BOM))
    except (ValueError, RecursionError):
        return None
    raw = data.get(KEY) if isinstance(data, dict) else None
    if not isinstance(raw, dict):
        return None
    kept: dict[str, Any] = {}
    for key, value in raw.items():
        if isinstance(value, str):
            kept[key] = value
        elif key == "income" and isinstance(value, dict):
            kept[key] = {k: v for k, v in value.items() if isinstance(v, str)}
    return kept
