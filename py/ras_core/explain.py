"""The whole method of a scheme as Markdown, for councils to publish.

Everything a person needs to work out their own figure by hand: every question,
every answer and its points, the unpaid-support rule, the rate or table, the
bands and their edge rule, the thresholds, the hours and yearly figures, and the
eligibility screen, with the description and source of every number.
"""

from __future__ import annotations

import datetime
import re
import urllib.parse
from decimal import Decimal

from .scheme import money
from .scheme.model import Parameter, Reference, Scheme

# Scheme text is the council's words, never markup. Every string from the scheme goes
# through markdown_text (or markdown_paragraphs) before it is written here, so that it
# shows as written on the published page: no HTML (a `<meta>` or `<script>` would run in
# the page), no Markdown (emphasis, links, headings, lists, table cells, attribute lists).
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# Characters that start Markdown inline syntax; Python-Markdown shows each as itself
# when a backslash comes before it.
_INLINE = set("\\`*_{}[]#|")
# Syntax that counts only at the start of a line (lists, numbered lists, admonitions,
# headings made by a line of = or -, fenced code with ~~~, definition lists).
_LINE_START = re.compile(r"^(\d*)([-+!.)=~:])")
_LINE_START_ESCAPE = {"=": "&#61;", "~": "&#126;", ":": "&#58;"}


def markdown_text(text: str) -> str:
    """Scheme text as Markdown that shows exactly this text, on one line.

    Runs of white space (line breaks too) become one space, so the text cannot start a
    new block; `&`, `<` and `>` become HTML entities; Markdown's own characters are
    escaped with a backslash. Safe in a paragraph, a heading, a list item, **bold** and
    a table cell.
    """
    flat = " ".join(text.split())
    escaped = "".join(_HTML.get(c) or ("\\" + c if c in _INLINE else c) for c in flat)
    return _LINE_START.sub(lambda m: m[1] + _LINE_START_ESCAPE.get(m[2], "\\" + m[2]), escaped, count=1)


def markdown_paragraphs(text: str) -> str:
    """Scheme text of one or more paragraphs (split at blank lines), each as markdown_text."""
    parts = (markdown_text(part) for part in re.split(r"\n\s*\n", text))
    return "\n\n".join(part for part in parts if part)


def _link_target(url: str) -> str | None:
    """A web or email address, made safe inside Markdown's (...); None for anything else
    (a `javascript:` address is shown as text, never linked)."""
    if urllib.parse.urlsplit(url.strip()).scheme.lower() not in ("http", "https", "mailto"):
        return None
    return urllib.parse.quote(url.strip(), safe=":/?#@!$&'*+,;=%~-._")


def _cite(reference: Reference | None) -> str:
    if reference is None:
        return ""
    title = markdown_text(reference.title)
    if reference.url:
        target = _link_target(reference.url)
        if target is not None:
            return f" Source: [{title}]({target})."
        return f" Source: {title} ({markdown_text(reference.url)})."
    return f" Source: {title}."


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(day: datetime.date) -> str:
    """ "1 April 2026", spelt out here so no runtime's locale can change it."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _since(parameter: Parameter) -> str:
    return f" (from {long_date(parameter.start_date)})" if parameter.start_date else ""


def explain(scheme: Scheme) -> str:
    lines: list[str] = []
    add = lines.append
    period = scheme.period
    add(f"# How the estimate is worked out: {markdown_text(scheme.title)}")
    add("")
    add(
        f"{markdown_text(scheme.council)}, version {markdown_text(scheme.version)}, "
        f"in use from {long_date(scheme.effective_from)}."
    )
    add("")
    if scheme.illustrative:
        add('!!! warning "An example scheme"')
        add("    These figures are an example to show how the method works. They are not any council's figures.")
        add("")
    add(
        "The estimate is **indicative**. It is a starting point for planning your support, "
        "not a limit. Your final budget is agreed in your support plan and can be higher or "
        "lower. A separate financial assessment decides whether you pay anything towards it."
    )
    add("")
    add("## Step 1: points for each answer")
    add("")
    add(
        "Answer each question as if nobody else was there to help. Each answer gives the "
        "points shown. Add up the points in each area."
    )
    add("")
    for domain in scheme.domains:
        add(f"### {markdown_text(domain.title)}")
        add("")
        if domain.intro:
            add(markdown_paragraphs(domain.intro))
            add("")
        for question in domain.questions:
            add(f"**{markdown_text(question.text)}**")
            add("")
            add("| Answer | Points |")
            add("| --- | --- |")
            for option in question.options:
                add(f"| {markdown_text(option.label)} | {option.points} |")
            add("")
    support = scheme.unpaid_support
    add("## Step 2: unpaid help")
    add("")
    add(
        f"For each area we ask: \u201c{markdown_text(support.question)}\u201d The answer sets the share of "
        "that area's points that is kept:"
    )
    add("")
    add("| Answer | Share of points kept |")
    add("| --- | --- |")
    for share in support.options:
        add(f"| {markdown_text(share.label)} | {money.percent(share.keep)} |")
    add("")
    add(
        f"The share is used only if you say yes to \u201c{markdown_text(support.willing_question)}\u201d "
        "Otherwise all the points are kept. The kept points are rounded to a whole number "
        "(halves round up). Your result always shows the figure both with and without "
        "unpaid help."
    )
    skipped = [markdown_text(d.title) for d in scheme.domains if not d.asks_unpaid_support]
    if skipped:
        add("")
        add(f"We do not ask about unpaid help for: {', '.join(skipped)}.")
    add("")
    add("Add up the points for all the areas to get your total.")
    add("")
    allocation = scheme.allocation
    add("## Step 3: from points to money")
    add("")
    add(f"**{markdown_text(allocation.label)}.** {markdown_text(allocation.description)}{_cite(allocation.reference)}")
    add("")
    if allocation.method == "rate":
        rate = allocation.rate_per_point
        assert rate is not None
        add(
            f"- {markdown_text(rate.label)}: **{money.pounds_exact(rate.value)}** a point{_since(rate)}. "
            f"{markdown_text(rate.description)}{_cite(rate.reference)}"
        )
        if allocation.base is not None:
            base = allocation.base
            add(
                f"- {markdown_text(base.label)}: **{money.pounds_exact(base.value)}** a {period}{_since(base)}. "
                f"{markdown_text(base.description)}{_cite(base.reference)}"
            )
            add("")
            add(f"Amount = {markdown_text(base.label.lower())} + total points \u00d7 {money.pounds_exact(rate.value)}.")
        else:
            add("")
            add(f"Amount = total points \u00d7 {money.pounds_exact(rate.value)}.")
        add("")
        add("The amount is rounded to the nearest penny (halves round up).")
    else:
        add(f"| Points | Amount a {period} |")
        add("| --- | --- |")
        for row in allocation.rows:
            span = f"{row.low} to {row.high}" if row.high is not None else f"{row.low} or more"
            add(f"| {span} | {money.pounds_exact(row.amount)} |")
    add("")
    bands = scheme.bands
    add("## Step 4: the band")
    add("")
    add(f"**{markdown_text(bands.label)}.** {markdown_text(bands.description)}{_cite(bands.reference)}")
    add("")
    if bands.width is not None:
        add(
            f"Bands are {money.pounds(bands.width)} wide: {money.pounds(Decimal(0))} to "
            f"{money.pounds(bands.width)}, {money.pounds(bands.width)} to "
            f"{money.pounds(bands.width * 2)}, and so on."
        )
    else:
        add(
            "Bands start at "
            + ", ".join(money.pounds(e) for e in bands.edges)
            + f"; the top band is {money.pounds(bands.edges[-1])} or more."
        )
    add(
        "An amount exactly on the edge between two bands goes in the higher band. "
        f"An amount of {money.pounds(Decimal(0))} is shown as {money.pounds(Decimal(0))}."
    )
    add("")
    add("## Step 5: a year, and hours of support")
    add("")
    weeks = scheme.weeks_per_year
    hourly = scheme.hourly_rate
    if period == "week":
        add(
            f"- A year: the weekly band \u00d7 {int(weeks.value)} ({markdown_text(weeks.label.lower())}). "
            f"{markdown_text(weeks.description)}{_cite(weeks.reference)}"
        )
    add(
        f"- Hours: the band \u00f7 {money.pounds_exact(hourly.value)} an hour "
        f"({markdown_text(hourly.label.lower())}{_since(hourly)}), to one decimal place. "
        f"{markdown_text(hourly.description)}{_cite(hourly.reference)}"
    )
    add("")
    add("## Thresholds")
    add("")
    if scheme.minimum_points is None and scheme.exceptional_points is None:
        add("This scheme has no thresholds.")
    if scheme.minimum_points is not None:
        p = scheme.minimum_points
        add(
            f"- **{markdown_text(p.label)}: {int(p.value)} points.** Below this, you may not have eligible "
            f"needs. You still see the working. {markdown_text(p.description)}{_cite(p.reference)}"
        )
    if scheme.exceptional_points is not None:
        p = scheme.exceptional_points
        add(
            f"- **{markdown_text(p.label)}: {int(p.value)} points.** At or above this, your budget will be "
            "worked out individually with you. The estimate is never a limit. "
            f"{markdown_text(p.description)}{_cite(p.reference)}"
        )
    add("")
    eligibility = scheme.eligibility
    needed = int(eligibility.minimum_unmet.value)
    add("## Eligibility screen")
    add("")
    add(
        f"Some answers mean an outcome is not achieved. If {needed} or more of these outcomes "
        "are not achieved, you are likely to be eligible for support. This is a screen, not a "
        f"decision.{_cite(eligibility.reference)}"
    )
    add("")
    for outcome in eligibility.outcomes:
        add(f"- {markdown_text(outcome.text)}")
    add("")
    add("## If you think your estimate is wrong")
    add("")
    add(markdown_paragraphs(scheme.how_to_question))
    add("")
    add(f"Contact: {markdown_text(scheme.contact)}")
    add("")
    return "\n".join(lines)
