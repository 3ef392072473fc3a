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

`lines(costed, lang)` says it all in `lang` (English unless another is named): every
sentence is a message (`ras_core.i18n`); the notices and the figures used are in
`notices.py`, the working in `working.py`. What the person wrote (their name, outcomes,
reasons, each line's name) and the figures' labels and sources (content/employment.toml,
content/plan-costs.toml) are data, shown as they are.
"""

from __future__ import annotations

from typing import Any

from ...estimate.words import Line
from ...i18n import SOURCE, message
from ...scheme._reader import say
from ...scheme.money import pounds, pounds_exact
from ..cost import WEEKS, CostedLine, CostedPlan
from ..model import KIND_WORDS
from .notices import day_words, figure_line, notices
from .working import line_working

__all__ = ["Line", "as_text", "lines", "plan_words"]

SPACED = ("heading", "bring", "rounding", "closing")

_TITLE_FOR = message("Costed support plan for {person}", note="{person} is who the plan is for, as written in it.")
_TITLE = message("Costed support plan")
_EXAMPLE = message("({council}'s costs here are example figures, not any council's.)")
_DATE = message("Plan date: {day}. The figures in force on that day are used.")
_BAND = {
    "week": (
        message("Indicative budget: {low} or more a week."),
        message("Indicative budget: {low} to {high} a week."),
    ),
    "year": (
        message("Indicative budget: {low} or more a year."),
        message("Indicative budget: {low} to {high} a year."),
    ),
}
_OUTCOMES = message("Outcomes", context="plan heading")
_SUPPORT = message("Support and what it costs")
_NAMED = message(
    "{kind}: {name}",
    context="plan line",
    note="A kind of line and the name the person gave it: Personal assistant: Morning personal assistant.",
)
_LINE = message("{name}: {weekly} a week, {yearly} a year.")
_TOTAL = message("Total: {weekly} a week, {yearly} a year.")
_BRING_TITLE = message("What to bring to the council")
_REASONS = message("Your reasons", context="plan heading")
_WORKING = message("How we worked this out")
_ROUNDING = message(
    "A year is {weeks} weeks. Lines costed by the week are × {weeks} for the year; lines costed by the year are "
    "÷ {weeks} for the week. Every amount is rounded to the penny, halves up, before it is added; the totals are "
    "the sums of the lines as shown."
)
_FIGURES = message("Figures used")
_CLOSING = message(
    "This plan is where talking with the council starts. The indicative budget is a starting point, not a cap: it "
    "can go up or down, and your budget is agreed in your support plan."
)
_POSITION = {
    ("within", "week"): message("The plan's total, {total} a week, is within the indicative budget."),
    ("within", "year"): message("The plan's total, {total} a year, is within the indicative budget."),
    ("over", "week"): message(
        "The plan's total, {total} a week, is {difference} a week more than the top of the indicative budget "
        "({edge} a week)."
    ),
    ("over", "year"): message(
        "The plan's total, {total} a year, is {difference} a year more than the top of the indicative budget "
        "({edge} a year)."
    ),
    ("under", "week"): message(
        "The plan's total, {total} a week, is {difference} a week less than the bottom of the indicative budget "
        "({edge} a week)."
    ),
    ("under", "year"): message(
        "The plan's total, {total} a year, is {difference} a year less than the bottom of the indicative budget "
        "({edge} a year)."
    ),
}
_ALWAYS = message(
    "Bring this plan, with your reasons: what each line is for and which of your outcomes it meets. Bring anything "
    "that shows what your support needs, such as a diary of a typical week."
)
_BRING = {
    "over": message(
        "Your plan costs more than the indicative budget. That does not mean it will be turned down: the budget is "
        "worked out from answers to a few questions, and your plan shows what your support really costs. {always} "
        "Say why a cheaper way would not meet your needs, so the council can see why each cost is needed.",
        note="{always} is the sentences that start: Bring this plan, with your reasons.",
    ),
    "under": message(
        "Your plan costs less than the indicative budget. That is fine: a plan costs what your support costs. "
        "{always} Check that the plan covers all your outcomes before you bring it.",
        note="{always} is the sentences that start: Bring this plan, with your reasons.",
    ),
    "within": message(
        "{always} The council agrees your budget with you in your support plan.",
        note="{always} is the sentences that start: Bring this plan, with your reasons.",
    ),
}
_SOURCE = message("Source: {title}.", note="After a line of the result, the published source it relies on.")


def line_name(line: CostedLine, lang: str = SOURCE) -> str:
    """The kind of line, then the person's name for it when it is not just the kind's."""
    made = KIND_WORDS.get(line.kind)
    if made is None:
        return line.name
    kind = made.say(lang)
    if line.name in ("", kind, made.msgid):
        return kind
    return _NAMED.say(lang, kind=kind, name=line.name)


def lines(costed: CostedPlan, lang: str = SOURCE) -> list[Line]:
    plan = costed.plan
    band = plan.band
    out = [Line("title", _TITLE_FOR.say(lang, person=plan.person) if plan.person else _TITLE.say(lang))]
    if costed.illustrative:
        out.append(Line("example", _EXAMPLE.say(lang, council=say(costed, "council", lang))))
    out.append(Line("date", _DATE.say(lang, day=day_words(plan.date, lang))))
    open_ended, span = _BAND[band.period]
    if band.high is None:
        out.append(Line("band", open_ended.say(lang, low=pounds(band.low))))
    else:
        out.append(Line("band", span.say(lang, low=pounds(band.low), high=pounds(band.high))))
    if plan.outcomes:
        out.append(Line("heading", _OUTCOMES.say(lang)))
        out += [Line("outcome", text) for text in plan.outcomes]
    out.append(Line("heading", _SUPPORT.say(lang)))
    for line in costed.lines:
        said = _LINE.say(lang, name=line_name(line, lang), weekly=_signed(line.weekly), yearly=_signed(line.yearly))
        out.append(Line("line", said))
    total = _TOTAL.say(lang, weekly=pounds_exact(costed.weekly_total), yearly=pounds_exact(costed.yearly_total))
    out.append(Line("total", total))
    out.append(Line("position", _position(costed, lang)))
    out.append(Line("bring", _BRING[costed.position].say(lang, always=_ALWAYS.say(lang)), title=_BRING_TITLE.say(lang)))
    out += notices(costed, lang)
    if plan.reasons:
        out.append(Line("heading", _REASONS.say(lang)))
        out.append(Line("reasons", plan.reasons))
    out.append(Line("heading", _WORKING.say(lang)))
    council = say(costed, "council", lang)
    for line in costed.lines:
        out.append(Line("working.line", line_name(line, lang)))
        out += [Line("working", text, reference=ref) for text, ref in line_working(line, council, lang)]
    out.append(Line("rounding", _ROUNDING.say(lang, weeks=WEEKS)))
    out.append(Line("heading", _FIGURES.say(lang)))
    out += [figure_line(figure, lang) for figure in costed.figures]
    out.append(Line("closing", _CLOSING.say(lang)))
    return out


def _signed(amount: Any) -> str:
    return f"−{pounds_exact(-amount)}" if amount < 0 else pounds_exact(amount)


def _position(costed: CostedPlan, lang: str) -> str:
    band = costed.plan.band
    edge = band.low if costed.position == "under" else band.high or band.low
    said = _POSITION[(costed.position, band.period)]
    total, difference = pounds_exact(costed.compared), pounds_exact(costed.difference)
    return said.say(lang, total=total, difference=difference, edge=pounds(edge))


def as_text(found: list[Line], lang: str = SOURCE) -> str:
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
            out.append("   " + _SOURCE.say(lang, title=line.reference.title))
    return "\n".join(out)


def plan_words(costed: CostedPlan, lang: str = SOURCE) -> list[dict[str, Any]]:
    """The lines as plain dicts for the page (`web.plan_json`)."""
    return [line.to_dict() for line in lines(costed, lang)]
