"""Names and figures in words for the contribution estimate: income types, age bands,
savings bands, dated figures, and the questions the page asks (so the page writes none).

Everything a person reads about what they might pay comes from this module and
`words.py`; `ras contribution` and the page show the same text.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from ..estimate.words.voice import THEM, YOU, Voice
from ..i18n import date_words
from ..scheme import money
from .answers import AGE_BANDS, CARE_RATES, NOT_SAID
from .calculate import Used
from .rules import INCOME_TYPES, NationCharging, SavingsBand

INCOME = {
    "earnings": "Earnings from work",
    "state_pension": "State Pension",
    "private_pension": "Private or workplace pensions",
    "pension_credit": "Pension Credit",
    "benefits": "Universal Credit, Employment and Support Allowance or other benefits",
    "care_benefit": "Attendance Allowance, the daily living part of PIP or the care part of DLA",
    "mobility": "The mobility part of PIP or DLA",
    "other": "Any other income",
}
AGES = {
    "18-24": "18 to 24",
    "25-pension": "25 to Pension Credit age",
    "pension": "Pension Credit age or over",
}
CARE = {
    "none": "I do not get any of these",
    "lower": "A lower rate (Attendance Allowance lower rate, PIP daily living standard rate, DLA care lowest or "
    "middle rate)",
    "higher": "The highest rate (Attendance Allowance higher rate, PIP daily living enhanced rate, DLA care "
    "highest rate)",
}
CARE_THEM = CARE | {"none": "They do not get any of these"}
NOT_SAID_WORDS = "I'd rather not say"  # the person answering, whoever the answers are about


def pounds(amount: Decimal) -> str:
    """An amount with pence, as every working step writes it: "£1,234.50"."""
    return money.pounds_exact(amount)


def pair(low: Decimal, high: Decimal) -> str:
    """ "£12.00", or "£12.00 to £30.00" when the two differ."""
    return pounds(low) if low == high else f"{pounds(low)} to {pounds(high)}"


def day(date: datetime.date) -> str:
    """ "1 April 2026"."""
    return date_words(date)


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def listing(items: list[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def band_words(band: SavingsBand) -> str:
    """ "£14,250 or less", "£14,250.01 to £18,750", or "more than £23,250"."""
    if band.high is None:
        return f"more than {money.pounds(band.low - Decimal('0.01'))}"
    if band.low == 0:
        return f"{money.pounds(band.high)} or less"
    return f"{money.pounds(band.low)} to {money.pounds(band.high)}"


def figure_value(used: Used) -> str:
    """A figure's value as a person reads it: money, or a percentage for the council's share."""
    value = used.row.value
    if used.figure.id == "percentage_charged":
        return f"{value.normalize():f}%"
    if used.figure.id == "tariff_step":
        return money.pounds(value)
    return pounds(value)


def figure_line(used: Used) -> str:
    """ "Upper capital limit: £23,250.00, in force from 1 April 2015." and what is not confirmed."""
    row = used.row
    text = f"{used.figure.label}: {figure_value(used)}, in force from {day(row.start)}."
    if used.gap and row.until is not None:
        text += f" We have not found the figure for dates after {day(row.until)}, so we used this one."
    if not row.confirmed:
        text += " Read in a secondary source, not yet checked against the official text."
    return text


def questions(nation: NationCharging) -> list[dict[str, Any]]:
    """The questions the page asks, in order, with their answers' words (each skippable).

    Each question also carries its words for someone answering for another person
    (``them``: its text, hint and any option worded differently), so the page can speak
    of "them" as the rest of the assessment does, without asking again."""
    out = _questions(nation, YOU)
    for own, theirs in zip(out, _questions(nation, THEM), strict=True):
        changed = {
            mine["id"]: other["text"]
            for mine, other in zip(own["options"], theirs["options"], strict=True)
            if mine["text"] != other["text"]
        }
        own["them"] = {"text": theirs["text"], "hint": theirs["hint"], "options": changed}
    return out


def _questions(nation: NationCharging, v: Voice) -> list[dict[str, Any]]:
    if nation.method == "scotland":
        return []  # personal care is free whatever the answers; nothing to ask
    out: list[dict[str, Any]] = [
        {
            "id": "age",
            "text": f"How old are {v.you}?",
            "hint": f"The amount {v.you} must be left with to live on depends on {v.your} age.",
            "kind": "choice",
            "options": [{"id": a, "text": AGES[a]} for a in AGE_BANDS],
        }
    ]
    if nation.savings_bands:
        out.append(
            {
                "id": "savings",
                "text": f"How much do {v.you} have in savings and investments?",
                "hint": "Count money in the bank, savings accounts, shares and premium bonds. "
                f"Do not count the home {v.you} live in.",
                "kind": "choice",
                "options": [{"id": b.id, "text": band_words(b)} for b in nation.savings_bands],
            }
        )
    if nation.method != "scotland":
        out.append(
            {
                "id": "income",
                "text": f"How much income do {v.you} get each week?",
                "hint": "Write each amount a week, in pounds and pence. "
                f"Leave out any {v.you} do not get (or write 0).",
                "kind": "money",
                "options": [{"id": i, "text": INCOME[i]} for i in INCOME_TYPES],
            }
        )
        out += [
            {
                "id": "care_rate",
                "text": f"Which rate of Attendance Allowance, PIP daily living or DLA care do {v.you} get?",
                "hint": "Under Pension Credit age, these decide the disability premiums in the amount "
                f"{v.you} must be left with.",
                "kind": "choice",
                "options": [{"id": c, "text": (CARE_THEM if v.them else CARE)[c]} for c in CARE_RATES],
            },
            {
                "id": "housing",
                "text": f"How much do {v.you} pay each week for {v.your} home?",
                "hint": f"Rent, mortgage and service charges, less any help {v.you} get with them.",
                "kind": "amount",
                "options": [],
            },
            {
                "id": "disability_costs",
                "text": f"How much do {v.you} spend each week because of {v.your} disability?",
                "hint": "For example extra heating, laundry, special food or equipment. Leave it out and "
                "the council's standard allowance is used.",
                "kind": "amount",
                "options": [],
            },
        ]
    for question in out:
        question["not_said"] = {"id": NOT_SAID, "text": NOT_SAID_WORDS}
    return out
