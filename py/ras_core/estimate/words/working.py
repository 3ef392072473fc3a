"""The working: every step from answers to band, in order, enough to redo the sum on paper.

Every figure a council set is shown with all its decimal places (`money.pounds_full`),
and every sum with × or + shows its exact result before any rounding, then the rounded
figure and the rule ("which rounds to £78.02 a week (to the nearest penny, halves
round up)"), so that each line can be checked by hand.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from ...scheme import money
from ...scheme.model import WILLING, Bands, Reference, Scheme
from .phrases import band_words, hours_words, lower_first, points, quoted
from .screen import law, working_step
from .voice import YOU, Voice, voice

if TYPE_CHECKING:
    from ..figures import Band, Estimate

WILLING_LABELS = dict(WILLING)


class Step(NamedTuple):
    """One line of the working, in plain English, with the source it relies on."""

    kind: str
    text: str
    reference: Reference | None = None


def working(result: Estimate) -> list[Step]:
    """Every step from answers to band, in order, enough to redo the sum on paper."""
    scheme = result.scheme
    period = scheme.period
    v = voice(result)
    steps: list[Step] = []
    add = steps.append
    by_domain: dict[str, list[str]] = {}
    for score in result.questions:
        text = f"{score.asked(v.them)} {quoted(score.answer)}: {points(score.points)}"
        by_domain.setdefault(score.domain_id, []).append(text)

    for d in result.domains:
        add(Step("area", f"{d.title}. {'; '.join(by_domain.get(d.id, []))}. Points for this area: {d.points_before}."))
        if d.support is None or d.keep >= 1:
            continue
        helps = f"{d.title}: someone helps without being paid ({quoted(d.support.label)})"
        if d.willing == "yes":
            exact = d.points_before * d.keep
            shown = points(d.points)
            if exact != d.points:
                shown = f"{money.number(exact)}, which rounds to {shown} (halves round up)"
            share = money.percent(d.keep)
            text = (
                f"{helps}, and they have said they are willing and able to keep doing it, so {share} of the "
                f"points are kept: {d.points_before} \u00d7 {share} = {shown}."
            )
        else:
            answer = WILLING_LABELS.get(d.willing or "", "")
            text = (
                f"{helps}, but asked whether they are willing and able to keep doing it you answered "
                f"{quoted(answer)}, so all {points(d.points_before)} are kept."
            )
        add(Step("unpaid_support", text))

    total, total_before = result.total, result.total_before_unpaid_support
    text = f"Total: {points(total)}."
    if result.unpaid_support_applied:
        text += f" Without counting unpaid help the total would be {points(total_before)}."
    add(Step("total", text))
    steps += _thresholds(result, v)
    add(Step("allocation", allocation_text(scheme, total, result.amount, v), scheme.allocation.reference))
    band = band_words(result.band, period)
    text = f"{money.pounds_exact(result.amount)} is in the band {band}. {_band_rule(scheme.bands)}"
    add(Step("band", text, scheme.bands.reference))
    if result.unpaid_support_applied:
        sum_text = allocation_text(scheme, total_before, result.amount_without_unpaid_support, v)
        without = band_words(result.band_without_unpaid_support, period)
        text = f"Without counting unpaid help: {lower_first(sum_text)} That is in the band {without}."
        add(Step("without_unpaid_support", text))
    if period == "week":
        weeks = scheme.weeks_per_year.value
        text = f"For a year ({money.number(weeks)} weeks): {_range_sum(result.band, weeks)}."
        add(Step("annual", text, scheme.weeks_per_year.reference))
    rate = scheme.hourly_rate
    if rate is None or result.hours is None:
        pass  # the scheme sets no hourly rate (a carer's budget is not counted in hours)
    elif result.individually_costed:
        text = (
            f"Hours of support are left out: {v.your} budget is worked out individually, and hours worked out "
            f"from this starting point would understate what {v.your} support costs."
        )
        add(Step("hours", text))
    else:
        text = (
            f"At {money.pounds_full(rate.value)} an hour ({rate.label.lower()}), "
            f"{band} would pay for {hours_words(result.hours, period)}."
        )
        add(Step("hours", text, rate.reference))
    add(Step("eligibility", working_step(result), law(result)))
    return steps


def _thresholds(result: Estimate, v: Voice) -> list[Step]:
    """Steps for answers costed individually, and for the minimum and exceptional levels."""
    scheme = result.scheme
    steps: list[Step] = []
    for cause in result.individual:
        text = (
            f"{quoted(cause.answer)} ({cause.asked(v.them)}) means {v.your} budget is worked out individually with "
            f"{v.you_obj}: {cause.why(v.them)}. The figure below is a starting point, not a limit."
        )
        steps.append(Step("individual", text))
    needs = points(result.total_before_unpaid_support)
    minimum, exceptional = scheme.minimum_points, scheme.exceptional_points
    if result.below_threshold and minimum is not None:
        text = f"{v.Your} needs give {needs}, fewer than the {minimum.label.lower()} ({points(int(minimum.value))})"
        if result.likely_eligible:
            text += (
                f", but the eligibility screen says {v.you} are likely to be eligible, and the law decides who is "
                "eligible, not points."
            )
        else:
            text += (
                f", so {v.you} may not have eligible needs. The working below still shows what the points would give."
            )
        steps.append(Step("threshold", text, minimum.reference))
    if result.exceptional and exceptional is not None:
        text = (
            f"{v.Your} needs give {needs}, at or above the {exceptional.label.lower()} of "
            f"{points(int(exceptional.value))}, so {v.your} budget will be worked out individually with {v.you_obj}. "
            "The figure below is a starting point, not a limit."
        )
        steps.append(Step("threshold", text, exceptional.reference))
    return steps


def allocation_text(scheme: Scheme, total: int, amount: Decimal, v: Voice = YOU) -> str:
    """How a points total became its amount (worked out by `figures.amount_for`)."""
    allocation = scheme.allocation
    per = f"a {scheme.period}"
    if allocation.method == "table":
        row = allocation.row_for(total)
        shown = _rounded(row.amount, amount, per)
        if allocation.beyond_table(total):
            return (
                f"{points(total)} is beyond the end of the table, whose last range is {row.low} to {row.high} "
                f"points. Beyond it {v.your} budget is worked out individually, so the last range's amount, {shown}, "
                "is the starting point."
            )
        span = f"{row.low} to {row.high} points" if row.high is not None else f"{row.low} points or more"
        return f"{points(total)} is in the range {span}, which gives {shown}."
    assert allocation.rate_per_point is not None
    exact = total * allocation.rate_per_point.value
    sum_text = f"{points(total)} \u00d7 {money.pounds_full(allocation.rate_per_point.value)} a point"
    base = allocation.base
    if base is not None and base.value:
        exact += base.value
        sum_text = f"{money.pounds_full(base.value)} ({base.label.lower()}) + {sum_text}"
    return f"{sum_text} = {_rounded(exact, amount, per)}."


def _rounded(exact: Decimal, amount: Decimal, per: str) -> str:
    """An amount, and the exact figure it was rounded from when rounding changed it."""
    if exact == amount:
        return f"{money.pounds_exact(amount)} {per}"
    return (
        f"{money.pounds_full(exact)}, which rounds to {money.pounds_exact(amount)} {per} "
        "(to the nearest penny, halves round up)"
    )


def _band_rule(bands: Bands) -> str:
    if bands.width is not None:
        width = f"Bands are {money.pounds_short(bands.width)} wide"
    else:
        width = "Bands start at " + ", ".join(money.pounds_short(e) for e in bands.edges)
    return f"{width}; an amount exactly on the edge between two bands goes in the higher band."


def _range_sum(band: Band, weeks: Decimal) -> str:
    n = money.number(weeks)
    short = money.pounds_short
    low = f"{short(band.low)} \u00d7 {n} = {short(band.low * weeks)}"
    if band.high is None:
        return f"{low} or more"
    if band.high == band.low:
        return low
    return f"{low} to {short(band.high)} \u00d7 {n} = {short(band.high * weeks)}"
