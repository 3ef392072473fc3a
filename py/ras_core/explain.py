"""The whole method of a scheme as Markdown, for councils to publish.

Everything a person needs to work out their own figure by hand: every question,
every answer and its points, the unpaid-support rule, the rate or table (every
figure with all its decimal places), the bands and their edge rule, the thresholds,
the answers that mean a budget is worked out individually, the hours and yearly
figures, and the eligibility screen by the scheme's nation (`explain_screen.py`),
with the description and source of every number.
"""

from __future__ import annotations

from decimal import Decimal

from .explain_screen import eligibility_section, individual_section
from .markdown import cite, long_date, markdown_paragraphs, markdown_text, since
from .scheme import money
from .scheme.model import Scheme

__all__ = ["explain", "long_date", "markdown_paragraphs", "markdown_text"]


# Whether the person pays towards the budget is decided apart from it, by each nation's
# own rules (content/nations/ cites them for the guidance pages).
_WHO_PAYS = {
    "england": "A separate financial assessment decides whether you pay anything towards it.",
    "wales": "A separate financial assessment decides whether you pay anything towards it, up to a weekly maximum.",
    "scotland": (
        "Personal care and nursing care are free for adults assessed as needing them. A separate "
        "financial assessment decides whether you pay towards other help."
    ),
}


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
        "lower, and it must be enough to meet your eligible needs. " + _WHO_PAYS[scheme.nation]
    )
    add("")
    add("## Step 1: points for each answer")
    add("")
    if scheme.person == "carer":
        # A carer's questions are about the carer's own life as it is, with the caring they do.
        add(
            "Answer each question about your own life as it is now, with the caring you do. Each answer "
            "gives the points shown. Add up the points in each area."
        )
    else:
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
    lines += _unpaid(scheme)
    add("Add up the points for all the areas to get your total.")
    add("")
    lines += _allocation(scheme)
    bands = scheme.bands
    add("## Step 4: the band")
    add("")
    add(f"**{markdown_text(bands.label)}.** {markdown_text(bands.description)}{cite(bands.reference)}")
    add("")
    short = money.pounds_short
    if bands.width is not None:
        add(
            f"Bands are {short(bands.width)} wide: {short(Decimal(0))} to {short(bands.width)}, "
            f"{short(bands.width)} to {short(bands.width * 2)}, and so on."
        )
    else:
        add(
            "Bands start at "
            + ", ".join(short(e) for e in bands.edges)
            + f"; the top band is {short(bands.edges[-1])} or more."
        )
    add(
        "An amount exactly on the edge between two bands goes in the higher band. "
        f"An amount of {money.pounds(Decimal(0))} is shown as {money.pounds(Decimal(0))}."
    )
    add("")
    weeks = scheme.weeks_per_year
    hourly = scheme.hourly_rate
    add("## Step 5: a year, and hours of support")
    add("")
    if period == "week":
        add(
            f"- A year: the weekly band \u00d7 {int(weeks.value)} ({markdown_text(weeks.label.lower())}). "
            f"{markdown_text(weeks.description)}{cite(weeks.reference)}"
        )
    if hourly is not None:
        add(
            f"- Hours: the band \u00f7 {money.pounds_full(hourly.value)} an hour "
            f"({markdown_text(hourly.label.lower())}{since(hourly)}), to one decimal place. "
            f"{markdown_text(hourly.description)}{cite(hourly.reference)} When your budget is worked out "
            "individually, no hours figure is given: it would understate what your support costs."
        )
    else:
        add(
            "- No hours of support are shown: this scheme sets no hourly rate (a carer's budget pays for "
            "breaks and things that help, not hours of care)."
            if scheme.person == "carer"
            else "- No hours of support are shown: this scheme sets no hourly rate."
        )
    add("")
    lines += _thresholds(scheme)
    lines += individual_section(scheme)
    lines += eligibility_section(scheme)
    add("## If you think your estimate is wrong")
    add("")
    add(markdown_paragraphs(scheme.how_to_question))
    add("")
    add(f"Contact: {markdown_text(scheme.contact)}")
    add("")
    return "\n".join(lines)


def _unpaid(scheme: Scheme) -> list[str]:
    support = scheme.unpaid_support
    lines = ["## Step 2: unpaid help", ""]
    if support is None:
        return [*lines, "This scheme does not ask about unpaid help: all the points for your needs count.", ""]
    lines += [
        f"For each area we ask: \u201c{markdown_text(support.question)}\u201d The answer sets the share of "
        "that area's points that is kept:",
        "",
        "| Answer | Share of points kept |",
        "| --- | --- |",
        *(f"| {markdown_text(share.label)} | {money.percent(share.keep)} |" for share in support.options),
        "",
        f"For each area where someone helps, we also ask: \u201c{markdown_text(support.willing_question)}\u201d "
        "(Yes, No or Not sure). The share is used only in the areas where the answer is Yes: a council must "
        "not assume that someone will go on caring, so No and Not sure keep all the points. The kept points "
        "are rounded to a whole number (halves round up). Your result always shows the figure both with and "
        "without unpaid help.",
    ]
    skipped = [markdown_text(d.title) for d in scheme.domains if not d.asks_unpaid_support]
    if skipped:
        lines += ["", f"We do not ask about unpaid help for: {', '.join(skipped)}."]
    return [*lines, ""]


def _allocation(scheme: Scheme) -> list[str]:
    allocation = scheme.allocation
    period = scheme.period
    lines = ["## Step 3: from points to money", ""]
    lines += [
        f"**{markdown_text(allocation.label)}.** {markdown_text(allocation.description)}{cite(allocation.reference)}",
        "",
    ]
    full = money.pounds_full
    if allocation.method == "rate":
        rate = allocation.rate_per_point
        assert rate is not None
        lines.append(
            f"- {markdown_text(rate.label)}: **{full(rate.value)}** a point{since(rate)}. "
            f"{markdown_text(rate.description)}{cite(rate.reference)}"
        )
        if allocation.base is not None:
            base = allocation.base
            lines += [
                f"- {markdown_text(base.label)}: **{full(base.value)}** a {period}{since(base)}. "
                f"{markdown_text(base.description)}{cite(base.reference)}",
                "",
                f"Amount = {markdown_text(base.label.lower())} + total points \u00d7 {full(rate.value)}.",
            ]
        else:
            lines += ["", f"Amount = total points \u00d7 {full(rate.value)}."]
        lines += ["", "The amount is rounded to the nearest penny (halves round up)."]
    else:
        lines += [f"| Points | Amount a {period} |", "| --- | --- |"]
        for row in allocation.rows:
            span = f"{row.low} to {row.high}" if row.high is not None else f"{row.low} or more"
            lines.append(f"| {span} | {full(row.amount)} |")
        end = allocation.rows[-1].high if allocation.rows else None
        if end is not None:
            lines += [
                "",
                f"The table ends at {end} points. Beyond it your budget is worked out individually with you, and "
                "the last row's amount is only the starting point.",
            ]
    return [*lines, ""]


def _thresholds(scheme: Scheme) -> list[str]:
    lines = ["## Thresholds", ""]
    if scheme.minimum_points is None and scheme.exceptional_points is None:
        lines.append("This scheme has no thresholds.")
    else:
        lines.append("Both compare the points for your needs, before unpaid help.")
        lines.append("")
    if scheme.minimum_points is not None:
        p = scheme.minimum_points
        lines.append(
            f"- **{markdown_text(p.label)}: {int(p.value)} points.** Below this, you may not have eligible "
            "needs. You still see the working. If the eligibility screen says you are likely to be eligible, "
            "the screen wins: the law decides who is eligible, not points. "
            f"{markdown_text(p.description)}{cite(p.reference)}"
        )
    if scheme.exceptional_points is not None:
        p = scheme.exceptional_points
        lines.append(
            f"- **{markdown_text(p.label)}: {int(p.value)} points.** At or above this, your budget will be "
            "worked out individually with you, and the figure is only a starting point. The estimate is never "
            f"a limit. {markdown_text(p.description)}{cite(p.reference)}"
        )
    return [*lines, ""]
