"""Every sentence about an estimate, in one place: what `ras estimate`, the browser and
the page say about a result, and the working that shows how it was reached.

`lines(result)` is the whole result as an ordered list of `Line`s (slot, text,
optional title, optional reference); `as_text` prints them for `ras estimate`, and
`words(result)` gives them to the browser (`web.estimate_json`) with the figures'
words, so the page renders lines by slot and writes no sentence of its own. The
slots, in this order (those in brackets only when they apply):

- ``band``: "Your indicative budget: £150 to £175 a week"
- [``example``]: the scheme is an illustrative one, not any council's
- ``amount``: "Amount: £163.84 a week."
- [``year``]: "About £7,800 to £9,100 a year." (weekly schemes)
- ``hours``: "About 6 to 7 hours of support a week at £24.50 an hour."
- [``without_unpaid_support``]: the band and amount without counting unpaid help
- [``notice.unpaid-applied``]: unpaid help lowered the estimate
- [``notice.unpaid-not-willing``]: someone helps, but may not be able to keep helping
- [``notice.below``] (with a title): fewer points than the council's minimum
- [``notice.exceptional``] (with a title): at or above the exceptional level
- ``heading``: "How we worked this out"
- ``working``: one line for each step of the working, with the step's reference
- ``heading``: "Are you likely to be eligible?"
- ``eligibility``: "Probably yes. …" or "Perhaps not. …"
- [``outcome``]: one line for each outcome the answers say cannot be achieved
- ``screen``: the screen is not a decision
- ``closing``: the figure is indicative

As text (`as_text`), a blank line comes before each notice, heading and the closing
line; a title is a line of its own before its text; working lines are numbered
("1. "), outcomes are bulleted ("- "), and a reference follows its line as
"   Source: TITLE.". A page showing the same lines in the same order shows the same
text.

`working(result)` is the working as `Step`s (kind, text, reference), kept on the
estimate and published by `ras estimate --json` as they are.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

from ..scheme import money
from ..scheme.model import Bands, Reference, Scheme

if TYPE_CHECKING:
    # Words read an estimate's figures and never work any out, so the figures module
    # (which asks for its working here) is named for the type checker only.
    from .figures import Band, Estimate


class Step(NamedTuple):
    """One line of the working, in plain English, with the source it relies on."""

    kind: str
    text: str
    reference: Reference | None = None


class Line(NamedTuple):
    """One line of a result as a person reads it; `slot` says what it is (see above)."""

    slot: str
    text: str
    title: str | None = None
    reference: Reference | None = None

    def to_dict(self) -> dict[str, Any]:
        reference = self.reference
        return {
            "slot": self.slot,
            "text": self.text,
            "title": self.title,
            "reference": None if reference is None else {"title": reference.title, "url": reference.url},
        }


# -- the result ------------------------------------------------------------------------


def lines(result: Estimate) -> list[Line]:
    """The whole result, in the order it is read (the slots are listed above)."""
    scheme = result.scheme
    period = scheme.period
    out = [Line("band", f"Your indicative budget: {band_words(result.band, period)}")]
    if scheme.illustrative:
        out.append(Line("example", "(Example figures only: this is not any council's scheme.)"))
    out.append(Line("amount", f"Amount: {money.pounds_exact(result.amount)} a {period}."))
    if period == "week":
        out.append(Line("year", _sentence(year_words(result.annual))))
    out.append(Line("hours", _sentence(_hours_at_rate(result))))
    without = band_words(result.band_without_unpaid_support, period)
    if result.unpaid_support_applied:
        amount = money.pounds_exact(result.amount_without_unpaid_support)
        out.append(Line("without_unpaid_support", f"Without counting unpaid help: {without} ({amount})."))
        out.append(
            Line(
                "notice.unpaid-applied",
                f"Without counting unpaid help, your estimate would be {without}. We used the lower figure "
                "because you said the people who help you are willing and able to keep helping. If that "
                "changes, tell the council: the figure without unpaid help would then apply.",
            )
        )
    helped = any(d.support is not None and d.keep < 1 for d in result.domains)
    if helped and result.answers.helpers_willing is False:
        out.append(
            Line(
                "notice.unpaid-not-willing",
                "Someone helps you without being paid, but you said they may not be able to keep helping. "
                "So we counted all of your needs.",
            )
        )
    if result.below_threshold:
        out.append(
            Line(
                "notice.below",
                "Your answers give fewer points than the council's minimum. You can still ask for an "
                "assessment: the council looks at your needs with you and decides.",
                "You may not have needs the council can pay for",
            )
        )
    if result.exceptional:
        out.append(
            Line(
                "notice.exceptional",
                "Your needs are high, so the council will work out your budget individually with you. "
                "The figure here is a starting point, not a limit.",
                "Your budget will be worked out with you",
            )
        )
    out.append(Line("heading", "How we worked this out"))
    out += [Line("working", step.text, reference=step.reference) for step in result.working]
    out.append(Line("heading", "Are you likely to be eligible?"))
    out.append(Line("eligibility", _eligibility(result)))
    out += [Line("outcome", outcome.text) for outcome in result.outcomes_unmet]
    out.append(Line("screen", "This is a screen, not a decision. The council decides at your assessment."))
    out.append(
        Line(
            "closing",
            "This is an indicative figure. It can go up or down: your final budget is agreed in your support plan.",
        )
    )
    return out


def as_text(result_lines: list[Line]) -> str:
    """The lines as plain text, as `ras estimate` prints them (the rules are above)."""
    out: list[str] = []
    number = 0
    for line in result_lines:
        if line.slot in ("heading", "closing") or line.slot.startswith("notice."):
            out.append("")
        if line.title is not None:
            out.append(line.title)
        if line.slot == "working":
            number += 1
            out.append(f"{number}. {line.text}")
        elif line.slot == "outcome":
            out.append(f"- {line.text}")
        else:
            out.append(line.text)
        if line.reference is not None:
            out.append(f"   Source: {line.reference.title}.")
    return "\n".join(out)


def words(result: Estimate) -> dict[str, Any]:
    """What the browser shows: the figures in words, and every line of the result."""
    period = result.scheme.period
    return {
        "band": band_words(result.band, period),
        "band_without_unpaid_support": band_words(result.band_without_unpaid_support, period),
        "amount": money.pounds_exact(result.amount),
        "amount_without_unpaid_support": money.pounds_exact(result.amount_without_unpaid_support),
        "year": year_words(result.annual) if period == "week" else "",
        "hours": _hours_at_rate(result),
        "lines": [line.to_dict() for line in lines(result)],
    }


def _eligibility(result: Estimate) -> str:
    count = len(result.outcomes_unmet)
    outcomes = "1 outcome" if count == 1 else f"{count} outcomes"
    needed = int(result.scheme.eligibility.minimum_unmet.value)
    said = (
        f"Your answers say you cannot achieve {outcomes} from the list in the law. "
        f"People are usually eligible when they cannot achieve {needed} or more."
    )
    if result.likely_eligible:
        return f"Probably yes. {said}"
    return f"Perhaps not. {said} You can still ask for an assessment."


def _hours_at_rate(result: Estimate) -> str:
    rate = money.pounds_exact(result.scheme.hourly_rate.value)
    return f"{hours_words(result.hours, result.scheme.period)} at {rate} an hour"


def _sentence(words: str) -> str:
    return words[:1].upper() + words[1:] + "."


# -- figures in words --------------------------------------------------------------------


def band_words(band: Band, period: str) -> str:
    """ "£175 to £200 a week", "£0 a week", or "£500 or more a week"."""
    if band.high is None:
        return f"{money.pounds(band.low)} or more a {period}"
    if band.low == band.high:
        return f"{money.pounds(band.low)} a {period}"
    return f"{money.pounds(band.low)} to {money.pounds(band.high)} a {period}"


def year_words(annual: Band) -> str:
    """ "about £7,800 to £9,100 a year", "£0 a year", or "about £26,000 or more a year"."""
    if annual.high is None:
        return f"about {money.pounds(annual.low)} or more a year"
    if annual.low == annual.high:
        return f"{money.pounds(annual.low)} a year"
    return f"about {money.pounds(annual.low)} to {money.pounds(annual.high)} a year"


def hours_words(hours: Band, period: str) -> str:
    """ "about 6 to 7 hours of support a week" (whole hours, halves up)."""
    low = money.round_whole(hours.low)
    if hours.high is None:
        return f"about {low} hours of support or more a {period}"
    high = money.round_whole(hours.high)
    if low == high:
        return f"about {low} hours of support a {period}"
    return f"about {low} to {high} hours of support a {period}"


def points(n: int) -> str:
    return f"{n} point" if n == 1 else f"{n} points"


# -- the working ---------------------------------------------------------------------------


def working(result: Estimate) -> list[Step]:
    """Every step from answers to band, in order, enough to redo the sum on paper."""
    scheme = result.scheme
    period = scheme.period
    steps: list[Step] = []
    add = steps.append
    by_domain: dict[str, list[str]] = {}
    for score in result.questions:
        text = f"{score.question} \u201c{score.answer}\u201d: {points(score.points)}"
        by_domain.setdefault(score.domain_id, []).append(text)

    for d in result.domains:
        add(Step("area", f"{d.title}. {'; '.join(by_domain.get(d.id, []))}. Points for this area: {d.points_before}."))
        if d.support is None or d.keep >= 1:
            continue
        if result.answers.helpers_willing is True:
            exact = d.points_before * d.keep
            shown = points(d.points)
            if exact != d.points:
                shown = f"{money.number(exact)}, which rounds to {shown} (halves round up)"
            share = money.percent(d.keep)
            text = (
                f"{d.title}: someone helps without being paid (\u201c{d.support.label}\u201d), "
                f"so {share} of the points are kept: {d.points_before} \u00d7 {share} = {shown}."
            )
        else:
            text = (
                f"{d.title}: someone helps without being paid, but they may not be able to "
                f"keep helping, so all {points(d.points_before)} are kept."
            )
        add(Step("unpaid_support", text))

    total, total_before = result.total, result.total_before_unpaid_support
    text = f"Total: {points(total)}."
    if result.unpaid_support_applied:
        text += f" Without counting unpaid help the total would be {points(total_before)}."
    add(Step("total", text))

    minimum, exceptional = scheme.minimum_points, scheme.exceptional_points
    if result.below_threshold and minimum is not None:
        text = (
            f"{points(total)} is below the {minimum.label.lower()} of {points(int(minimum.value))}, so "
            "you may not have eligible needs. The working below still shows what the points would give."
        )
        add(Step("threshold", text, minimum.reference))
    if result.exceptional and exceptional is not None:
        text = (
            f"{points(total)} is at or above the {exceptional.label.lower()} of {points(int(exceptional.value))}, "
            "so your budget will be worked out individually with you. The figure below is a starting point, "
            "not a limit."
        )
        add(Step("threshold", text, exceptional.reference))

    add(Step("allocation", _allocation(scheme, total, result.amount), scheme.allocation.reference))
    band = band_words(result.band, period)
    text = f"{money.pounds_exact(result.amount)} is in the band {band}. {_band_rule(scheme.bands)}"
    add(Step("band", text, scheme.bands.reference))
    if result.unpaid_support_applied:
        sum_text = _allocation(scheme, total_before, result.amount_without_unpaid_support)
        without = band_words(result.band_without_unpaid_support, period)
        text = f"Without counting unpaid help: {_lower_first(sum_text)} That is in the band {without}."
        add(Step("without_unpaid_support", text))
    if period == "week":
        weeks = scheme.weeks_per_year.value
        text = f"For a year ({money.number(weeks)} weeks): {_range_sum(result.band, weeks)}."
        add(Step("annual", text, scheme.weeks_per_year.reference))
    rate = scheme.hourly_rate
    text = (
        f"At {money.pounds_exact(rate.value)} an hour ({rate.label.lower()}), "
        f"{band} would pay for {hours_words(result.hours, period)}."
    )
    add(Step("hours", text, rate.reference))

    listed = "; ".join(o.text for o in result.outcomes_unmet) or "none"
    needed = int(scheme.eligibility.minimum_unmet.value)
    likely = "are likely" if result.likely_eligible else "may not be likely"
    text = (
        f"Outcomes your answers say you cannot achieve: {listed} ({len(result.outcomes_unmet)}). People are "
        f"usually eligible when they cannot achieve {needed} or more, so you {likely} to be eligible. "
        "This is a screen, not a decision: the council decides at your assessment."
    )
    add(Step("eligibility", text, scheme.eligibility.reference))
    return steps


def _allocation(scheme: Scheme, total: int, amount: Decimal) -> str:
    """How a points total became its amount (worked out by `figures.amount_for`)."""
    allocation = scheme.allocation
    per = f"a {scheme.period}"
    if allocation.method == "table":
        row = allocation.row_for(total)
        span = f"{row.low} to {row.high} points" if row.high is not None else f"{row.low} points or more"
        return f"{points(total)} is in the range {span}, which gives {money.pounds_exact(row.amount)} {per}."
    assert allocation.rate_per_point is not None
    sum_text = f"{points(total)} \u00d7 {money.pounds_exact(allocation.rate_per_point.value)} a point"
    base = allocation.base
    if base is not None and base.value:
        sum_text = f"{money.pounds_exact(base.value)} ({base.label.lower()}) + {sum_text}"
    return f"{sum_text} = {money.pounds_exact(amount)} {per}."


def _band_rule(bands: Bands) -> str:
    if bands.width is not None:
        width = f"Bands are {money.pounds(bands.width)} wide"
    else:
        width = "Bands start at " + ", ".join(money.pounds(e) for e in bands.edges)
    return f"{width}; an amount exactly on the edge between two bands goes in the higher band."


def _range_sum(band: Band, weeks: Decimal) -> str:
    n = money.number(weeks)
    low = f"{money.pounds(band.low)} \u00d7 {n} = {money.pounds(band.low * weeks)}"
    if band.high is None:
        return f"{low} or more"
    if band.high == band.low:
        return low
    return f"{low} to {money.pounds(band.high)} \u00d7 {n} = {money.pounds(band.high * weeks)}"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:1].isalpha() else text
