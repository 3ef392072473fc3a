"""Names and figures in words for the contribution estimate: income types, age bands,
savings bands, dated figures, and the questions the page asks (so the page writes none).

Everything a person reads about what they might pay comes from this module and
`words.py`; `ras contribution` and the page show the same text. Every sentence and
phrase is a message (`ras_core.i18n`), declared once below and said in the language
asked for (English unless another is named); a sentence that speaks of the person is
declared in both voices (`estimate.words.voice.voiced`). The charging rules files'
own texts (figures' labels) are data, said in Welsh where the file gives it
(`scheme._reader.say`); sources keep their published titles.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from ..estimate.words.voice import THEM, YOU, Voice, voiced
from ..i18n import SOURCE, Message, date_words, message
from ..scheme import money
from ..scheme._reader import say
from .answers import AGE_BANDS, CARE_RATES, NOT_SAID
from .calculate import Used
from .rules import INCOME_TYPES, NationCharging, SavingsBand

INCOME = {
    ident: message(text, context="income", note="A type of weekly income the person is asked about.")
    for ident, text in (
        ("earnings", "Earnings from work"),
        ("state_pension", "State Pension"),
        ("private_pension", "Private or workplace pensions"),
        ("pension_credit", "Pension Credit"),
        ("benefits", "Universal Credit, Employment and Support Allowance or other benefits"),
        ("care_benefit", "Attendance Allowance, the daily living part of PIP or the care part of DLA"),
        ("mobility", "The mobility part of PIP or DLA"),
        ("other", "Any other income"),
    )
}
AGES = {
    ident: message(text, context="age", note="An age band the person chooses from.")
    for ident, text in (
        ("18-24", "18 to 24"),
        ("25-pension", "25 to Pension Credit age"),
        ("pension", "Pension Credit age or over"),
    )
}
_CARE_NOTE = "A rate of disability benefit the person chooses from."
CARE = {
    "lower": message(
        "A lower rate (Attendance Allowance lower rate, PIP daily living standard rate, DLA care lowest or "
        "middle rate)",
        context="care rate",
        note=_CARE_NOTE,
    ),
    "higher": message(
        "The highest rate (Attendance Allowance higher rate, PIP daily living enhanced rate, DLA care highest rate)",
        context="care rate",
        note=_CARE_NOTE,
    ),
}
CARE_NONE = voiced("I do not get any of these", "They do not get any of these")
# The person answering, whoever the answers are about.
NOT_SAID_WORDS = message("I'd rather not say", note="An answer the person may give to any money question.")

_PAIR = message("{low} to {high}", note="A range of two sums: '£150 × 52 = £7,800 to £175 × 52 = £9,100'.")
_MORE_THAN = message("more than {amount}", note="A band of savings: 'more than £23,250'.")
_OR_LESS = message("{amount} or less", note="A band of savings: '£14,250 or less'.")
_FIGURE = message("{label}: {value}, in force from {day}.", note="A figure of the charging rules, with its date.")
_NOT_FOUND = message("We have not found the figure for dates after {day}, so we used this one.")
_UNCONFIRMED = message("Read in a secondary source, not yet checked against the official text.")

_AGE = voiced("How old are you?", "How old are they?")
_AGE_HINT = voiced(
    "The amount you must be left with to live on depends on your age.",
    "The amount they must be left with to live on depends on their age.",
)
_SAVINGS = voiced(
    "How much do you have in savings and investments?", "How much do they have in savings and investments?"
)
_SAVINGS_HINT = voiced(
    "Count money in the bank, savings accounts, shares and premium bonds. Do not count the home you live in.",
    "Count money in the bank, savings accounts, shares and premium bonds. Do not count the home they live in.",
)
_INCOME = voiced("How much income do you get each week?", "How much income do they get each week?")
_INCOME_HINT = voiced(
    "Write each amount a week, in pounds and pence. Leave out any you do not get (or write 0).",
    "Write each amount a week, in pounds and pence. Leave out any they do not get (or write 0).",
)
_CARE_RATE = voiced(
    "Which rate of Attendance Allowance, PIP daily living or DLA care do you get?",
    "Which rate of Attendance Allowance, PIP daily living or DLA care do they get?",
)
_CARE_RATE_HINT = voiced(
    "Under Pension Credit age, these decide the disability premiums in the amount you must be left with.",
    "Under Pension Credit age, these decide the disability premiums in the amount they must be left with.",
)
_HOUSING = voiced("How much do you pay each week for your home?", "How much do they pay each week for their home?")
_HOUSING_HINT = voiced(
    "Rent, mortgage and service charges, less any help you get with them.",
    "Rent, mortgage and service charges, less any help they get with them.",
)
_DISABILITY_COSTS = voiced(
    "How much do you spend each week because of your disability?",
    "How much do they spend each week because of their disability?",
)
_DISABILITY_COSTS_HINT = message(
    "For example extra heating, laundry, special food or equipment. Leave it out and the council's standard "
    "allowance is used."
)


def pounds(amount: Decimal) -> str:
    """An amount with pence, as every working step writes it: "£1,234.50"."""
    return money.pounds_exact(amount)


def pair(low: Decimal, high: Decimal, lang: str = SOURCE) -> str:
    """ "£12.00", or "£12.00 to £30.00" when the two differ."""
    return pounds(low) if low == high else _PAIR.say(lang, low=pounds(low), high=pounds(high))


def day(date: datetime.date, lang: str = SOURCE) -> str:
    """ "1 April 2026"."""
    return date_words(date, lang)


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def band_words(band: SavingsBand, lang: str = SOURCE) -> str:
    """ "£14,250 or less", "£14,250.01 to £18,750", or "more than £23,250"."""
    if band.high is None:
        return _MORE_THAN.say(lang, amount=money.pounds(band.low - Decimal("0.01")))
    if band.low == 0:
        return _OR_LESS.say(lang, amount=money.pounds(band.high))
    return _PAIR.say(lang, low=money.pounds(band.low), high=money.pounds(band.high))


def figure_value(used: Used) -> str:
    """A figure's value as a person reads it: money, or a percentage for the council's share."""
    value = used.row.value
    if used.figure.id == "percentage_charged":
        return f"{value.normalize():f}%"
    if used.figure.id == "tariff_step":
        return money.pounds(value)
    return pounds(value)


def figure_line(used: Used, lang: str = SOURCE) -> str:
    """ "Upper capital limit: £23,250.00, in force from 1 April 2015." and what is not confirmed."""
    row = used.row
    said = [
        _FIGURE.say(lang, label=say(used.figure, "label", lang), value=figure_value(used), day=day(row.start, lang))
    ]
    if used.gap and row.until is not None:
        said.append(_NOT_FOUND.say(lang, day=day(row.until, lang)))
    if not row.confirmed:
        said.append(_UNCONFIRMED.say(lang))
    return " ".join(said)


def unconfirmed(lang: str = SOURCE) -> str:
    """ "Read in a secondary source, not yet checked against the official text." """
    return _UNCONFIRMED.say(lang)


def questions(nation: NationCharging, lang: str = SOURCE) -> list[dict[str, Any]]:
    """The questions the page asks, in order, with their answers' words (each skippable).

    Each question also carries its words for someone answering for another person
    (``them``: its text, hint and any option worded differently), so the page can speak
    of "them" as the rest of the assessment does, without asking again."""
    out = _questions(nation, YOU, lang)
    for own, theirs in zip(out, _questions(nation, THEM, lang), strict=True):
        changed = {
            mine["id"]: other["text"]
            for mine, other in zip(own["options"], theirs["options"], strict=True)
            if mine["text"] != other["text"]
        }
        own["them"] = {"text": theirs["text"], "hint": theirs["hint"], "options": changed}
    return out


def _options(words: dict[str, Message], idents: tuple[str, ...], lang: str) -> list[dict[str, str]]:
    return [{"id": ident, "text": words[ident].say(lang)} for ident in idents]


def _questions(nation: NationCharging, v: Voice, lang: str) -> list[dict[str, Any]]:
    if nation.method == "scotland":
        return []  # personal care is free whatever the answers; nothing to ask
    out: list[dict[str, Any]] = [
        {
            "id": "age",
            "text": _AGE.say(lang, v),
            "hint": _AGE_HINT.say(lang, v),
            "kind": "choice",
            "options": _options(AGES, AGE_BANDS, lang),
        }
    ]
    if nation.savings_bands:
        out.append(
            {
                "id": "savings",
                "text": _SAVINGS.say(lang, v),
                "hint": _SAVINGS_HINT.say(lang, v),
                "kind": "choice",
                "options": [{"id": b.id, "text": band_words(b, lang)} for b in nation.savings_bands],
            }
        )
    care = [{"id": c, "text": CARE_NONE.say(lang, v) if c == "none" else CARE[c].say(lang)} for c in CARE_RATES]
    out += [
        {
            "id": "income",
            "text": _INCOME.say(lang, v),
            "hint": _INCOME_HINT.say(lang, v),
            "kind": "money",
            "options": _options(INCOME, INCOME_TYPES, lang),
        },
        {
            "id": "care_rate",
            "text": _CARE_RATE.say(lang, v),
            "hint": _CARE_RATE_HINT.say(lang, v),
            "kind": "choice",
            "options": care,
        },
        {
            "id": "housing",
            "text": _HOUSING.say(lang, v),
            "hint": _HOUSING_HINT.say(lang, v),
            "kind": "amount",
            "options": [],
        },
        {
            "id": "disability_costs",
            "text": _DISABILITY_COSTS.say(lang, v),
            "hint": _DISABILITY_COSTS_HINT.say(lang),
            "kind": "amount",
            "options": [],
        },
    ]
    for question in out:
        question["not_said"] = {"id": NOT_SAID, "text": NOT_SAID_WORDS.say(lang)}
    return out
