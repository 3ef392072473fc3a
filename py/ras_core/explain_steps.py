"""The published method's steps from points to money: unpaid help, the rate or table,
and the thresholds.

Each sentence is a message (`ras_core.i18n`), said in the language of `markdown.Said`,
with the scheme's own texts in its translation; every figure a council set is shown
with all its decimal places (`money.pounds_full`), in every language.
"""

from __future__ import annotations

from .i18n import message, plural_message
from .markdown import Said
from .scheme import money
from .scheme.model import Scheme

_STEP_2 = message("Step 2: unpaid help", note="A heading of the published method.")
_NOT_ASKED = message("This scheme does not ask about unpaid help: all the points for your needs count.")
_SHARE = message(
    "For each area we ask: \u201c{question}\u201d The answer sets the share of that area's points that is kept:",
    note="{question} is the scheme's question about unpaid help.",
)
# The tables' headers and a figure's name with what it is, shared with `explain.py`.
TABLE_ANSWER = message("Answer", context="table header", note="The column of a question's answers.")
TABLE_POINTS = message("Points", context="table header", note="The column of each answer's points.")
LABELLED = message("**{label}.** {description}", note="Markdown: **…** is bold. A figure's name and what it is.")
_TABLE_KEPT = message("Share of points kept", context="table header", note="The column of each answer's share.")
_WILLING = message(
    "For each area where someone helps, we also ask: \u201c{question}\u201d (Yes, No or Not sure). The share is "
    "used only in the areas where the answer is Yes: a council must not assume that someone will go on caring, so "
    "No and Not sure keep all the points. The kept points are rounded to a whole number (halves round up). Your "
    "result always shows the figure both with and without unpaid help.",
    note="{question} asks whether the helpers are willing and able to keep helping; Yes, No and Not sure are its "
    "answers (context 'helpers willing').",
)
_SKIPPED = message("We do not ask about unpaid help for: {areas}.", note="{areas} is a list of areas, with commas.")
_STEP_3 = message("Step 3: from points to money", note="A heading of the published method.")
_RATE = message(
    "{label}: **{rate}** a point{since}. {description}",
    note="Markdown: **…** is bold. {since} is ' (from DATE)' or nothing.",
)
_BASE = {
    "week": message(
        "{label}: **{base}** a week{since}. {description}",
        note="Markdown: **…** is bold. {since} is ' (from DATE)' or nothing.",
    ),
    "year": message(
        "{label}: **{base}** a year{since}. {description}",
        note="Markdown: **…** is bold. {since} is ' (from DATE)' or nothing.",
    ),
}
_AMOUNT_BASE = message(
    "Amount = {base} + total points \u00d7 {rate}.", note="{base} is the base amount's name, in lower case."
)
_AMOUNT = message("Amount = total points \u00d7 {rate}.")
_ROUNDED = message("The amount is rounded to the nearest penny (halves round up).")
_TABLE_AMOUNT = {
    "week": message("Amount a week", context="table header", note="The column of a points table's amounts."),
    "year": message("Amount a year", context="table header", note="The column of a points table's amounts."),
}
_RANGE = message("{low} to {high}", context="points", note="A row of a points table: '10 to 19' points.")
_FROM = message("{low} or more", context="points", note="The last row of a points table: '50 or more' points.")
# "{n} points" in English whatever the number, as before; other languages by their plural rule.
_TABLE_END = plural_message(
    "The table ends at {n} points. Beyond it your budget is worked out individually with you, and the last "
    "row's amount is only the starting point.",
    "The table ends at {n} points. Beyond it your budget is worked out individually with you, and the last "
    "row's amount is only the starting point.",
)
_THRESHOLDS = message("Thresholds", note="A heading of the published method.")
_NO_THRESHOLDS = message("This scheme has no thresholds.")
_COMPARED = message("Both compare the points for your needs, before unpaid help.")
_MINIMUM_TEXT = (
    "**{label}: {n} points.** Below this, you may not have eligible needs. You still see the working. If the "
    "eligibility screen says you are likely to be eligible, the screen wins: the law decides who is eligible, not "
    "points. {description}"
)
_MINIMUM = plural_message(
    _MINIMUM_TEXT, _MINIMUM_TEXT, note="Markdown: **…** is bold. {label} is the name of the council's minimum."
)
_EXCEPTIONAL_TEXT = (
    "**{label}: {n} points.** At or above this, your budget will be worked out individually with you, and the "
    "figure is only a starting point. The estimate is never a limit. {description}"
)
_EXCEPTIONAL = plural_message(
    _EXCEPTIONAL_TEXT,
    _EXCEPTIONAL_TEXT,
    note="Markdown: **…** is bold. {label} is the name of the council's exceptional level.",
)


def unpaid_section(scheme: Scheme, said: Said) -> list[str]:
    lang, support = said.lang, scheme.unpaid_support
    lines = [f"## {_STEP_2.say(lang)}", ""]
    if support is None:
        return [*lines, _NOT_ASKED.say(lang), ""]
    lines += [
        _SHARE.say(lang, question=said(support.question)),
        "",
        f"| {TABLE_ANSWER.say(lang)} | {_TABLE_KEPT.say(lang)} |",
        "| --- | --- |",
        *(f"| {said(share.label)} | {money.percent(share.keep)} |" for share in support.options),
        "",
        _WILLING.say(lang, question=said(support.willing_question)),
    ]
    skipped = [said(d.title) for d in scheme.domains if not d.asks_unpaid_support]
    if skipped:
        lines += ["", _SKIPPED.say(lang, areas=", ".join(skipped))]
    return [*lines, ""]


def allocation_section(scheme: Scheme, said: Said) -> list[str]:
    lang, allocation, period = said.lang, scheme.allocation, scheme.period
    described = LABELLED.say(lang, label=said(allocation.label), description=said(allocation.description))
    lines = [f"## {_STEP_3.say(lang)}", "", described + said.cite(allocation.reference), ""]
    full = money.pounds_full
    if allocation.method == "rate":
        rate = allocation.rate_per_point
        assert rate is not None
        description = said(rate.description) + said.cite(rate.reference)
        rated = _RATE.say(
            lang, label=said(rate.label), rate=full(rate.value), since=said.since(rate), description=description
        )
        lines.append(f"- {rated}")
        if allocation.base is not None:
            base = allocation.base
            description = said(base.description) + said.cite(base.reference)
            based = _BASE[period].say(
                lang, label=said(base.label), base=full(base.value), since=said.since(base), description=description
            )
            amount = _AMOUNT_BASE.say(lang, base=said(base.label).lower(), rate=full(rate.value))
            lines += [f"- {based}", "", amount]
        else:
            lines += ["", _AMOUNT.say(lang, rate=full(rate.value))]
        lines += ["", _ROUNDED.say(lang)]
    else:
        lines += [f"| {TABLE_POINTS.say(lang)} | {_TABLE_AMOUNT[period].say(lang)} |", "| --- | --- |"]
        for row in allocation.rows:
            span = _FROM.say(lang, low=row.low) if row.high is None else _RANGE.say(lang, low=row.low, high=row.high)
            lines.append(f"| {span} | {full(row.amount)} |")
        end = allocation.rows[-1].high if allocation.rows else None
        if end is not None:
            lines += ["", _TABLE_END.say(lang, n=end)]
    return [*lines, ""]


def thresholds_section(scheme: Scheme, said: Said) -> list[str]:
    lang = said.lang
    lines = [f"## {_THRESHOLDS.say(lang)}", ""]
    if scheme.minimum_points is None and scheme.exceptional_points is None:
        lines.append(_NO_THRESHOLDS.say(lang))
    else:
        lines += [_COMPARED.say(lang), ""]
    for parameter, sentence in ((scheme.minimum_points, _MINIMUM), (scheme.exceptional_points, _EXCEPTIONAL)):
        if parameter is not None:
            description = said(parameter.description) + said.cite(parameter.reference)
            points = int(parameter.value)
            lines.append("- " + sentence.say(lang, label=said(parameter.label), n=points, description=description))
    return [*lines, ""]
