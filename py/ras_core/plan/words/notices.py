"""The plan's notices (a rate below the minimum wage or the council's pay rate, and the
employer's costs the plan leaves out) and the figures it used, in words.

The sentences are messages (`ras_core.i18n`), said in `lang`; a figure's label and its
source are data (content/employment.toml, content/plan-costs.toml), in English.
"""

from __future__ import annotations

import datetime

from ...estimate.words import Line
from ...i18n import SOURCE, date_words, message
from ...scheme._reader import say
from ...scheme.money import pounds_full, pounds_short
from ..cost import CostedPlan
from ..figures import Figure
from ..model import AGE_WORDS, TIME_WORDS

__all__ = ["figure_line", "notices"]

_MINIMUM_WAGE = message(
    "{name}: the {time} rate, {rate} an hour, is below the minimum wage for a personal assistant {age} on {day}: "
    "{minimum} an hour (from {start}). You must pay at least {minimum} an hour: change the rate.",
    note="{name} is the line's name, as the person wrote it; {time} a time of the week (weekday daytime); {age} an "
    "age band (aged 21 or over).",
)
_MINIMUM_WAGE_TITLE = message("Below the minimum wage")
_COMMITMENT = message(
    "{name}: the {time} rate, {rate} an hour, is below {commitment}: {value}. This is not the legal minimum; ask "
    "the council what it expects you to pay.",
    note="{commitment} is the council's name for its pay rate, in English: Example Council's direct payment rate "
    "for a personal assistant, an hour.",
)
_COMMITMENT_TITLE = message("Below the council's pay rate")
_INSURANCE = message(
    "The plan has no line for employer's liability insurance. Ask the council whether you need it: {label}: {cost}.",
    note="{label} is the council's name for the cost, in Welsh where its costs file gives it.",
)
_INSURANCE_TITLE = message("No insurance in the plan")
_PAYROLL = message(
    "The plan has no line for running your personal assistants' payroll (payslips, tax, National Insurance and "
    "pension): {label}: {cost}. Add one, or say in your reasons who will do it.",
    note="{label} is the council's name for the cost, in Welsh where its costs file gives it.",
)
_PAYROLL_TITLE = message("No payroll in the plan")
_ALLOWANCE = message(
    "The plan does not take off the Employment Allowance, which you can claim as someone who employs care and "
    "support workers. With it, the plan would cost less."
)
_ALLOWANCE_TITLE = message("Employment Allowance not claimed")
_RULE = message(
    "{label} In force from {day}.",
    note="A rule of the law, in its own words ({label}, a sentence, in Welsh where the figures file gives it), "
    "and the day it applies from.",
)
_FIGURE = message(
    "{label}: {value}, from {day}.",
    note="A figure's name, in Welsh where the figures file gives it ({label}: National Living Wage, aged 21 and "
    "over), its value and the day it applies from.",
)
_UNCONFIRMED = message("Read in a secondary source; not yet confirmed in the primary text.")
_WEEKS = message("{weeks} weeks", note="A number of weeks, which may be a fraction: 5.6 weeks.")

# Rows whose value is true: a rule in words (its label), not a figure.
RULES = ("care_and_support_workers", "not_counted", "who_is_enrolled")


def day_words(day: datetime.date, lang: str = SOURCE) -> str:
    return date_words(day, lang)


def notices(costed: CostedPlan, lang: str = SOURCE) -> list[Line]:
    out: list[Line] = []
    day = day_words(costed.plan.date, lang)
    for line in costed.lines:
        job = line.employment
        if job is None:
            continue
        minimum = job.minimum_wage
        age = AGE_WORDS[job.age_band].say(lang)
        for part in job.below_minimum:
            said = _MINIMUM_WAGE.say(
                lang,
                name=line.name,
                time=TIME_WORDS[part.time].say(lang),
                rate=pounds_full(part.rate),
                age=age,
                day=day,
                minimum=pounds_full(minimum.value),
                start=day_words(minimum.start, lang),
            )
            title = _MINIMUM_WAGE_TITLE.say(lang)
            out.append(Line("notice.minimum_wage", said, title=title, reference=minimum.reference))
        commitment = job.commitment
        for part in job.below_commitment:
            if commitment is None or part in job.below_minimum:
                continue
            said = _COMMITMENT.say(
                lang,
                name=line.name,
                time=TIME_WORDS[part.time].say(lang),
                rate=pounds_full(part.rate),
                commitment=say(commitment, "label", lang),
                value=pounds_full(commitment.value),
            )
            title = _COMMITMENT_TITLE.say(lang)
            out.append(Line("notice.commitment", said, title=title, reference=commitment.reference))
    if costed.missing_insurance is not None:
        figure = costed.missing_insurance
        said = _INSURANCE.say(lang, label=say(figure, "label", lang), cost=pounds_short(figure.value))
        out.append(Line("notice.insurance", said, title=_INSURANCE_TITLE.say(lang), reference=figure.reference))
    if costed.missing_payroll is not None:
        figure = costed.missing_payroll
        said = _PAYROLL.say(lang, label=say(figure, "label", lang), cost=pounds_short(figure.value))
        out.append(Line("notice.payroll", said, title=_PAYROLL_TITLE.say(lang), reference=figure.reference))
    if costed.allowance_eligibility is not None:
        reference = costed.allowance_eligibility.reference
        out.append(
            Line("notice.allowance", _ALLOWANCE.say(lang), title=_ALLOWANCE_TITLE.say(lang), reference=reference)
        )
    return out


def figure_line(figure: Figure, lang: str = SOURCE) -> Line:
    day = day_words(figure.start, lang)
    if figure.key.endswith(RULES):
        text = _RULE.say(lang, label=say(figure, "label", lang), day=day)
    else:
        text = _FIGURE.say(lang, label=say(figure, "label", lang), value=_value(figure, lang), day=day)
    if not figure.confirmed:
        text += " " + _UNCONFIRMED.say(lang)
    return Line("figure", text, reference=figure.reference)


def _value(figure: Figure, lang: str) -> str:
    key = figure.key
    if key.endswith(("percent", "rate")) and not key.startswith("minimum_wage"):
        return f"{figure.value.normalize():f}%"
    if key == "holiday.weeks":
        return _WEEKS.say(lang, weeks=figure.value)
    return pounds_full(figure.value)
