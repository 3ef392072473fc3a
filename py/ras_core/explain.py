"""The whole method of a scheme as Markdown, for councils to publish.

Everything a person needs to work out their own figure by hand: every question,
every answer and its points, the unpaid-support rule, the rate or table (every
figure with all its decimal places), the bands and their edge rule, the thresholds
(`explain_steps.py`), the answers that mean a budget is worked out individually, the
hours and yearly figures, and the eligibility screen by the scheme's nation
(`explain_screen.py`), with the description and source of every number.

`explain(scheme, lang)` writes it in `lang`: every sentence, heading and table header
is a message (`ras_core.i18n`), declared once here or beside the section that writes
it; the scheme's own texts are said in the scheme's translation (`Scheme.say`) and
the law's in its nation's rules (`NationRules.say`), by way of `markdown.Said`. The
figures and their formatting are the same in every language. A scheme not written in
`lang` is refused, as an estimate is (`estimate.words.unspoken`).
"""

from __future__ import annotations

from decimal import Decimal

from .estimate.words import unspoken
from .explain_screen import eligibility_section, individual_section
from .explain_steps import LABELLED, TABLE_ANSWER, TABLE_POINTS, allocation_section, thresholds_section, unpaid_section
from .i18n import SOURCE, message
from .markdown import Said, long_date, markdown_paragraphs, markdown_text
from .scheme import money
from .scheme.errors import Problem, SchemeError
from .scheme.model import Scheme

__all__ = ["explain", "long_date", "markdown_paragraphs", "markdown_text"]


# Whether the person pays towards the budget is decided apart from it, by each nation's
# own rules (content/nations/ cites them for the guidance pages).
_WHO_PAYS = {
    "england": message("A separate financial assessment decides whether you pay anything towards it."),
    "wales": message(
        "A separate financial assessment decides whether you pay anything towards it, up to a weekly maximum."
    ),
    "scotland": message(
        "Personal care and nursing care are free for adults assessed as needing them. A separate "
        "financial assessment decides whether you pay towards other help."
    ),
}
_TITLE = message("How the estimate is worked out: {title}", note="The published method's heading: the scheme's title.")
_VERSION = message(
    "{council}, version {version}, in use from {day}.", note="The council, the scheme's version and its first day."
)
_EXAMPLE_TITLE = message("An example scheme", note="The title of a warning box.")
_EXAMPLE = message("These figures are an example to show how the method works. They are not any council's figures.")
_INDICATIVE = message(
    "The estimate is **indicative**. It is a starting point for planning your support, not a limit. Your final "
    "budget is agreed in your support plan and can be higher or lower, and it must be enough to meet your eligible "
    "needs. {who_pays}",
    note="Markdown: **…** is bold. {who_pays} is who pays towards the budget, by the nation's rules.",
)
_STEP_1 = message("Step 1: points for each answer", note="A heading of the published method.")
_ANSWER_CARER = message(
    "Answer each question about your own life as it is now, with the caring you do. Each answer gives the points "
    "shown. Add up the points in each area."
)
_ANSWER = message(
    "Answer each question as if nobody else was there to help. Each answer gives the points shown. Add up the "
    "points in each area."
)
_ADD_UP = message("Add up the points for all the areas to get your total.")
_STEP_4 = message("Step 4: the band", note="A heading of the published method.")
_WIDE = message("Bands are {width} wide: {first} to {width}, {width} to {second}, and so on.")
_STARTS = message("Bands start at {edges}; the top band is {top} or more.")
_EDGE = message(
    "An amount exactly on the edge between two bands goes in the higher band. An amount of {zero} is shown as {zero}."
)
_STEP_5 = message("Step 5: a year, and hours of support", note="A heading of the published method.")
_YEAR = message(
    "A year: the weekly band \u00d7 {weeks} ({label}). {description}",
    note="{label} is the figure's name, in lower case.",
)
_HOURS = message(
    "Hours: the band \u00f7 {rate} an hour ({label}{since}), to one decimal place. {description} When your budget "
    "is worked out individually, no hours figure is given: it would understate what your support costs.",
    note="{label} is the hourly rate's name, in lower case; {since} is ' (from DATE)' or nothing.",
)
_NO_HOURS_CARER = message(
    "No hours of support are shown: this scheme sets no hourly rate (a carer's budget pays for breaks and things "
    "that help, not hours of care)."
)
_NO_HOURS = message("No hours of support are shown: this scheme sets no hourly rate.")
_WRONG = message("If you think your estimate is wrong", note="A heading of the published method.")
_CONTACT = message("Contact: {contact}")


def explain(scheme: Scheme, lang: str = SOURCE, *, source: str | None = None) -> str:
    """The method as Markdown in `lang`; a SchemeError (from `source`, the scheme's file,
    or its id) when the scheme is not written in `lang`."""
    refused = unspoken(scheme, lang)
    if refused is not None:
        raise SchemeError(
            source or scheme.id, [Problem(path="scheme.languages", message=refused, names_its_place=True)]
        )
    said = Said(scheme, lang)
    lines: list[str] = []
    add = lines.append
    add(f"# {_TITLE.say(lang, title=said(scheme.title))}")
    add("")
    version, day = markdown_text(scheme.version), long_date(scheme.effective_from, lang)
    add(_VERSION.say(lang, council=said(scheme.council), version=version, day=day))
    add("")
    if scheme.illustrative:
        add(f'!!! warning "{_EXAMPLE_TITLE.say(lang)}"')
        add(f"    {_EXAMPLE.say(lang)}")
        add("")
    add(_INDICATIVE.say(lang, who_pays=_WHO_PAYS[scheme.nation].say(lang)))
    add("")
    add(f"## {_STEP_1.say(lang)}")
    add("")
    # A carer's questions are about the carer's own life as it is, with the caring they do.
    add((_ANSWER_CARER if scheme.person == "carer" else _ANSWER).say(lang))
    add("")
    for domain in scheme.domains:
        add(f"### {said(domain.title)}")
        add("")
        if domain.intro:
            add(said.paragraphs(domain.intro))
            add("")
        for question in domain.questions:
            add(f"**{said(question.text)}**")
            add("")
            add(f"| {TABLE_ANSWER.say(lang)} | {TABLE_POINTS.say(lang)} |")
            add("| --- | --- |")
            for option in question.options:
                add(f"| {said(option.label)} | {option.points} |")
            add("")
    lines += unpaid_section(scheme, said)
    add(_ADD_UP.say(lang))
    add("")
    lines += allocation_section(scheme, said)
    lines += _band(scheme, said)
    lines += _year_and_hours(scheme, said)
    lines += thresholds_section(scheme, said)
    lines += individual_section(scheme, said)
    lines += eligibility_section(scheme, said)
    add(f"## {_WRONG.say(lang)}")
    add("")
    add(said.paragraphs(scheme.how_to_question))
    add("")
    add(_CONTACT.say(lang, contact=said(scheme.contact)))
    add("")
    return "\n".join(lines)


def _band(scheme: Scheme, said: Said) -> list[str]:
    lang, bands = said.lang, scheme.bands
    described = LABELLED.say(lang, label=said(bands.label), description=said(bands.description))
    lines = [f"## {_STEP_4.say(lang)}", "", described + said.cite(bands.reference), ""]
    short = money.pounds_short
    if bands.width is not None:
        width = short(bands.width)
        lines.append(_WIDE.say(lang, width=width, first=short(Decimal(0)), second=short(bands.width * 2)))
    else:
        edges = ", ".join(short(e) for e in bands.edges)
        lines.append(_STARTS.say(lang, edges=edges, top=short(bands.edges[-1])))
    lines += [_EDGE.say(lang, zero=money.pounds(Decimal(0))), ""]
    return lines


def _year_and_hours(scheme: Scheme, said: Said) -> list[str]:
    lang, weeks, hourly = said.lang, scheme.weeks_per_year, scheme.hourly_rate
    lines = [f"## {_STEP_5.say(lang)}", ""]
    if scheme.period == "week":
        label, description = said(weeks.label).lower(), said(weeks.description)
        year = _YEAR.say(lang, weeks=int(weeks.value), label=label, description=description)
        lines.append(f"- {year}{said.cite(weeks.reference)}")
    if hourly is not None:
        rate, label, since = money.pounds_full(hourly.value), said(hourly.label).lower(), said.since(hourly)
        description = said(hourly.description) + said.cite(hourly.reference)
        lines.append("- " + _HOURS.say(lang, rate=rate, label=label, since=since, description=description))
    else:
        lines.append("- " + (_NO_HOURS_CARER if scheme.person == "carer" else _NO_HOURS).say(lang))
    return [*lines, ""]
