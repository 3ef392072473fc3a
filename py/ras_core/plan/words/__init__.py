"""Every sentence about a costed plan, in one place: what `ras plan` prints and what the
plan page shows.

`lines(costed)` is the whole plan as an ordered list of `Line`s (slot, text, optional
title, optional reference), the same `Line` as the estimate's; `as_text` prints them.
The slots, in this order (those in brackets only when they apply):

- ``title``: "Costed support plan for Sam Example"
- [``example``]: the council's costs are example figures
- ``date``: the plan's date, whose figures are used
- ``band``: the indicative budget the plan is set against
- [``heading`` "Outcomes", ``outcome``]: each outcome, bulleted
- ``heading`` "Support and what it costs"; ``line``: each line, a week and a year
- ``total``: the total a week and a year
- ``position``: within the band, or over or under it by how much (never refused)
- ``bring`` (with a title): what to bring to the council, and why
- [``notice.minimum_wage``, ``notice.commitment``, ``notice.insurance``,
  ``notice.payroll``, ``notice.allowance``] (with titles): a rate below the minimum
  wage, below the council's pay commitment, and employer costs the plan leaves out
- [``heading`` "Your reasons", ``reasons``]
- ``heading`` "How we worked this out"; ``working``: each line's name
  (``working.line``) then its steps, with references; ``rounding``: weeks and rounding
- ``heading`` "Figures used"; ``figure``: each figure with its start date and source
- ``closing``: a plan is where talking with the council starts

As text, a blank line comes before each heading, notice, ``bring`` and the closing
line; titles are lines of their own; working steps are numbered within each line;
``outcome`` lines are bulleted; a reference follows as "   Source: TITLE.".
"""

from __future__ import annotations

import datetime
from typing import Any

from ...estimate.words import Line
from ...i18n import date_words
from ...scheme.money import pounds, pounds_exact, pounds_full, pounds_short
from ..cost import WEEKS, CostedPlan
from ..figures import Figure
from ..model import AGE_WORDS, KIND_WORDS, TIME_WORDS
from .working import line_working

__all__ = ["Line", "as_text", "lines", "plan_words"]

SPACED = ("heading", "bring", "rounding", "closing")


def day_words(day: datetime.date) -> str:
    return date_words(day)


def lines(costed: CostedPlan) -> list[Line]:
    plan = costed.plan
    band = plan.band
    period = band.period
    out = [Line("title", f"Costed support plan for {plan.person}" if plan.person else "Costed support plan")]
    if costed.illustrative:
        out.append(Line("example", f"({costed.council}'s costs here are example figures, not any council's.)"))
    out.append(Line("date", f"Plan date: {day_words(plan.date)}. The figures in force on that day are used."))
    high = "or more" if band.high is None else f"to {pounds(band.high)}"
    out.append(Line("band", f"Indicative budget: {pounds(band.low)} {high} a {period}."))
    if plan.outcomes:
        out.append(Line("heading", "Outcomes"))
        out += [Line("outcome", text) for text in plan.outcomes]
    out.append(Line("heading", "Support and what it costs"))
    for line in costed.lines:
        kind = KIND_WORDS.get(line.kind, line.name)
        name = kind if line.name in ("", kind) else f"{kind}: {line.name}"
        out.append(Line("line", f"{name}: {_signed(line.weekly)} a week, {_signed(line.yearly)} a year."))
    out.append(
        Line(
            "total",
            f"Total: {pounds_exact(costed.weekly_total)} a week, {pounds_exact(costed.yearly_total)} a year.",
        )
    )
    out.append(Line("position", _position(costed)))
    out.append(Line("bring", _bring(costed), title="What to bring to the council"))
    out += _notices(costed)
    if plan.reasons:
        out.append(Line("heading", "Your reasons"))
        out.append(Line("reasons", plan.reasons))
    out.append(Line("heading", "How we worked this out"))
    for line in costed.lines:
        kind = KIND_WORDS.get(line.kind, line.name)
        out.append(Line("working.line", kind if line.name in ("", kind) else f"{kind}: {line.name}"))
        out += [Line("working", text, reference=ref) for text, ref in line_working(line, costed.council)]
    out.append(
        Line(
            "rounding",
            f"A year is {WEEKS} weeks. Lines costed by the week are × {WEEKS} for the year; lines costed by the "
            f"year are ÷ {WEEKS} for the week. Every amount is rounded to the penny, halves up, before it is "
            "added; the totals are the sums of the lines as shown.",
        )
    )
    out.append(Line("heading", "Figures used"))
    out += [_figure(figure) for figure in costed.figures]
    out.append(
        Line(
            "closing",
            "This plan is where talking with the council starts. The indicative budget is a starting point, not a "
            "cap: it can go up or down, and your budget is agreed in your support plan.",
        )
    )
    return out


def _signed(amount: Any) -> str:
    return f"−{pounds_exact(-amount)}" if amount < 0 else pounds_exact(amount)


def _position(costed: CostedPlan) -> str:
    band = costed.plan.band
    period = band.period
    total = pounds_exact(costed.compared)
    if costed.position == "within":
        return f"The plan's total, {total} a {period}, is within the indicative budget."
    if costed.position == "over":
        return (
            f"The plan's total, {total} a {period}, is {pounds_exact(costed.difference)} a {period} more than "
            f"the top of the indicative budget ({pounds(band.high or band.low)} a {period})."
        )
    return (
        f"The plan's total, {total} a {period}, is {pounds_exact(costed.difference)} a {period} less than the "
        f"bottom of the indicative budget ({pounds(band.low)} a {period})."
    )


def _bring(costed: CostedPlan) -> str:
    always = (
        "Bring this plan, with your reasons: what each line is for and which of your outcomes it meets. "
        "Bring anything that shows what your support needs, such as a diary of a typical week."
    )
    if costed.position == "over":
        return (
            "Your plan costs more than the indicative budget. That does not mean it will be turned down: the "
            "budget is worked out from answers to a few questions, and your plan shows what your support "
            f"really costs. {always} Say why a cheaper way would not meet your needs, so the council can see "
            "why each cost is needed."
        )
    if costed.position == "under":
        return (
            "Your plan costs less than the indicative budget. That is fine: a plan costs what your support "
            f"costs. {always} Check that the plan covers all your outcomes before you bring it."
        )
    return f"{always} The council agrees your budget with you in your support plan."


def _notices(costed: CostedPlan) -> list[Line]:
    out: list[Line] = []
    day = day_words(costed.plan.date)
    for line in costed.lines:
        job = line.employment
        if job is None:
            continue
        minimum = job.minimum_wage
        age = AGE_WORDS[job.age_band]
        for part in job.below_minimum:
            out.append(
                Line(
                    "notice.minimum_wage",
                    f"{line.name}: the {TIME_WORDS[part.time]} rate, {pounds_full(part.rate)} an hour, is below the "
                    f"minimum wage for a personal assistant {age} on {day}: {pounds_full(minimum.value)} an hour "
                    f"(from {day_words(minimum.start)}). You must pay at least {pounds_full(minimum.value)} an "
                    "hour: change the rate.",
                    title="Below the minimum wage",
                    reference=minimum.reference,
                )
            )
        commitment = job.commitment
        for part in job.below_commitment:
            if commitment is None or part in job.below_minimum:
                continue
            out.append(
                Line(
                    "notice.commitment",
                    f"{line.name}: the {TIME_WORDS[part.time]} rate, {pounds_full(part.rate)} an hour, is below "
                    f"{commitment.label}: {pounds_full(commitment.value)}. This is not the legal minimum; ask the "
                    "council what it expects you to pay.",
                    title="Below the council's pay rate",
                    reference=commitment.reference,
                )
            )
    if costed.missing_insurance is not None:
        figure = costed.missing_insurance
        out.append(
            Line(
                "notice.insurance",
                "The plan has no line for employer's liability insurance. Ask the council whether you need it: "
                f"{figure.label}: {pounds_short(figure.value)}.",
                title="No insurance in the plan",
                reference=figure.reference,
            )
        )
    if costed.missing_payroll is not None:
        figure = costed.missing_payroll
        out.append(
            Line(
                "notice.payroll",
                "The plan has no line for running your personal assistants' payroll (payslips, tax, National "
                f"Insurance and pension): {figure.label}: {pounds_short(figure.value)}. Add one, or say in your "
                "reasons who will do it.",
                title="No payroll in the plan",
                reference=figure.reference,
            )
        )
    if costed.allowance_eligibility is not None:
        out.append(
            Line(
                "notice.allowance",
                "The plan does not take off the Employment Allowance, which you can claim as someone who employs "
                "care and support workers. With it, the plan would cost less.",
                title="Employment Allowance not claimed",
                reference=costed.allowance_eligibility.reference,
            )
        )
    return out


# Rows whose value is true: a rule in words (its label), not a figure.
RULES = ("care_and_support_workers", "not_counted", "who_is_enrolled")


def _figure(figure: Figure) -> Line:
    if figure.key.endswith(RULES):
        text = f"{figure.label} In force from {day_words(figure.start)}."
    else:
        text = f"{figure.label}: {_value(figure)}, from {day_words(figure.start)}."
    if not figure.confirmed:
        text += " Read in a secondary source; not yet confirmed in the primary text."
    return Line("figure", text, reference=figure.reference)


def _value(figure: Figure) -> str:
    key = figure.key
    if key.endswith(("percent", "rate")) and not key.startswith("minimum_wage"):
        return f"{figure.value.normalize():f}%"
    if key == "holiday.weeks":
        return f"{figure.value} weeks"
    return pounds_full(figure.value)


def as_text(found: list[Line]) -> str:
    out: list[str] = []
    step = 0
    for line in found:
        if line.slot in SPACED or line.slot.startswith("notice.") or line.slot == "working.line":
            out.append("")
        if line.title:
            out.append(line.title)
        if line.slot == "working.line":
            step = 0
            out.append(f"{line.text}:")
        elif line.slot == "working":
            step += 1
            out.append(f"{step}. {line.text}")
        elif line.slot == "outcome":
            out.append(f"- {line.text}")
        else:
            out.append(line.text)
        if line.reference is not None:
            out.append(f"   Source: {line.reference.title}.")
    return "\n".join(out)


def plan_words(costed: CostedPlan) -> list[dict[str, Any]]:
    """The lines as plain dicts for the page (`web.plan_json`)."""
    return [line.to_dict() for line in lines(costed)]
