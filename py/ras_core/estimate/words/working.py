"""The working: every step from answers to band, in order, enough to redo the sum on paper.

Every figure a council set is shown with all its decimal places (`money.pounds_full`),
and every sum with × or + shows its exact result before any rounding, then the rounded
figure and the rule ("which rounds to £78.02 a week (to the nearest penny, halves
round up)"), so that each line can be checked by hand.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from ...i18n import SOURCE, message
from ...scheme import money
from ...scheme.model import WILLING, Bands, Reference, Scheme
from .phrases import band_words, hours_words, lower_first, points, quoted
from .screen import law, working_step
from .voice import YOU, Voice, voice, voiced

if TYPE_CHECKING:
    from ..figures import Band, Estimate

# The answers about the helpers, as the page shows them (model.WILLING).
WILLING_LABELS = {key: message(label, context="helpers willing") for key, label in WILLING}

# Every sentence of the working, declared once for translators. A sum's pieces (a
# question's points, a range) are messages too, so a translation can reorder them.
_SCORE = message("{question} {answer}: {points}", note="A question, the answer given, and its points.")
_AREA = message("{area}. {scores}. Points for this area: {points}.", note="{scores} is each question's points.")
_KEPT = message(
    "{area}: someone helps without being paid ({support}), and they have said they are willing and able to keep "
    "doing it, so {share} of the points are kept: {before} \u00d7 {share} = {kept}."
)
_KEPT_ROUNDED = message(
    "{area}: someone helps without being paid ({support}), and they have said they are willing and able to keep "
    "doing it, so {share} of the points are kept: {before} \u00d7 {share} = {exact}, which rounds to {kept} "
    "(halves round up)."
)
_NOT_KEPT = message(
    "{area}: someone helps without being paid ({support}), but asked whether they are willing and able to keep "
    "doing it you answered {answer}, so all {points} are kept."
)
_TOTAL = message("Total: {total}.")
_TOTAL_WITHOUT = message("Total: {total}. Without counting unpaid help the total would be {before}.")
_IN_BAND = message("{amount} is in the band {band}. {rule}")
_WIDTH = message("Bands are {width} wide; an amount exactly on the edge between two bands goes in the higher band.")
_EDGES = message("Bands start at {edges}; an amount exactly on the edge between two bands goes in the higher band.")
_WITHOUT = message("Without counting unpaid help: {sum} That is in the band {band}.")
_YEAR = message("For a year ({weeks} weeks): {sum}.")
_OR_MORE = message("{sum} or more")
_TO = message("{low} to {high}", note="A range of two sums: '£150 × 52 = £7,800 to £175 × 52 = £9,100'.")
_HOURS_LEFT_OUT = voiced(
    "Hours of support are left out: your budget is worked out individually, and hours worked out from this "
    "starting point would understate what your support costs.",
    "Hours of support are left out: their budget is worked out individually, and hours worked out from this "
    "starting point would understate what their support costs.",
)
_HOURS = message("At {rate} an hour ({label}), {band} would pay for {hours}.")
_CAUSE = voiced(
    "{answer} ({question}) means your budget is worked out individually with you: {why}. The figure below is a "
    "starting point, not a limit.",
    "{answer} ({question}) means their budget is worked out individually with them: {why}. The figure below is a "
    "starting point, not a limit.",
)
_BELOW_BUT_ELIGIBLE = voiced(
    "Your needs give {needs}, fewer than the {label} ({minimum}), but the eligibility screen says you are likely "
    "to be eligible, and the law decides who is eligible, not points.",
    "Their needs give {needs}, fewer than the {label} ({minimum}), but the eligibility screen says they are likely "
    "to be eligible, and the law decides who is eligible, not points.",
)
_BELOW = voiced(
    "Your needs give {needs}, fewer than the {label} ({minimum}), so you may not have eligible needs. The working "
    "below still shows what the points would give.",
    "Their needs give {needs}, fewer than the {label} ({minimum}), so they may not have eligible needs. The working "
    "below still shows what the points would give.",
)
_EXCEPTIONAL = voiced(
    "Your needs give {needs}, at or above the {label} of {threshold}, so your budget will be worked out "
    "individually with you. The figure below is a starting point, not a limit.",
    "Their needs give {needs}, at or above the {label} of {threshold}, so their budget will be worked out "
    "individually with them. The figure below is a starting point, not a limit.",
)
_BEYOND_TABLE = voiced(
    "{total} is beyond the end of the table, whose last range is {low} to {high} points. Beyond it your budget "
    "is worked out individually, so the last range's amount, {amount}, is the starting point.",
    "{total} is beyond the end of the table, whose last range is {low} to {high} points. Beyond it their budget "
    "is worked out individually, so the last range's amount, {amount}, is the starting point.",
)
_IN_RANGE = message("{total} is in the range {low} to {high} points, which gives {amount}.")
_IN_OPEN_RANGE = message("{total} is in the range {low} points or more, which gives {amount}.")
_PER_POINT = message("{total} \u00d7 {rate} a point")
_WITH_BASE = message("{base} ({label}) + {sum}", note="A base amount added to the points' sum.")
_SUM = message("{sum} = {amount}.")
_PER = {"week": message("{amount} a week"), "year": message("{amount} a year")}
_ROUNDED = {
    period: message(f"{{exact}}, which rounds to {{amount}} a {period} (to the nearest penny, halves round up)")
    for period in ("week", "year")
}


class Step(NamedTuple):
    """One line of the working, in plain English, with the source it relies on."""

    kind: str
    text: str
    reference: Reference | None = None


def working(result: Estimate, lang: str = SOURCE) -> list[Step]:
    """Every step from answers to band, in order, enough to redo the sum on paper."""
    scheme = result.scheme
    period = scheme.period
    v = voice(result)
    say = functools.partial(scheme.say, lang)  # the scheme's own texts, in its Welsh where it has it
    steps: list[Step] = []
    add = steps.append
    by_domain: dict[str, list[str]] = {}
    for score in result.questions:
        asked, answer = say(score.asked(v.them)), quoted(say(score.answer))
        text = _SCORE.say(lang, question=asked, answer=answer, points=points(score.points, lang))
        by_domain.setdefault(score.domain_id, []).append(text)

    for d in result.domains:
        scores = "; ".join(by_domain.get(d.id, []))
        add(Step("area", _AREA.say(lang, area=say(d.title), scores=scores, points=d.points_before)))
        if d.support is None or d.keep >= 1:
            continue
        support = quoted(say(d.support.label))
        if d.willing == "yes":
            exact = d.points_before * d.keep
            kept = points(d.points, lang)
            share = money.percent(d.keep)
            fields = {"area": say(d.title), "support": support, "share": share, "before": d.points_before, "kept": kept}
            if exact != d.points:
                text = _KEPT_ROUNDED.say(lang, exact=money.number(exact), **fields)
            else:
                text = _KEPT.say(lang, **fields)
        else:
            willing = WILLING_LABELS.get(d.willing or "")
            answer = quoted(willing.say(lang) if willing else "")
            text = _NOT_KEPT.say(
                lang, area=say(d.title), support=support, answer=answer, points=points(d.points_before, lang)
            )
        add(Step("unpaid_support", text))

    total, total_before = result.total, result.total_before_unpaid_support
    if result.unpaid_support_applied:
        text = _TOTAL_WITHOUT.say(lang, total=points(total, lang), before=points(total_before, lang))
    else:
        text = _TOTAL.say(lang, total=points(total, lang))
    add(Step("total", text))
    steps += _thresholds(result, v, lang)
    allocation = allocation_text(scheme, total, result.amount, v, lang)
    add(Step("allocation", allocation, in_language(scheme, scheme.allocation.reference, lang)))
    band = band_words(result.band, period, lang)
    text = _IN_BAND.say(lang, amount=money.pounds_exact(result.amount), band=band, rule=_band_rule(scheme.bands, lang))
    add(Step("band", text, in_language(scheme, scheme.bands.reference, lang)))
    if result.unpaid_support_applied:
        sum_text = allocation_text(scheme, total_before, result.amount_without_unpaid_support, v, lang)
        without = band_words(result.band_without_unpaid_support, period, lang)
        add(Step("without_unpaid_support", _WITHOUT.say(lang, sum=lower_first(sum_text), band=without)))
    if period == "week":
        weeks = scheme.weeks_per_year.value
        text = _YEAR.say(lang, weeks=money.number(weeks), sum=_range_sum(result.band, weeks, lang))
        add(Step("annual", text, in_language(scheme, scheme.weeks_per_year.reference, lang)))
    rate = scheme.hourly_rate
    if rate is None or result.hours is None:
        pass  # the scheme sets no hourly rate (a carer's budget is not counted in hours)
    elif result.individually_costed:
        add(Step("hours", _HOURS_LEFT_OUT.say(lang, v)))
    else:
        hours = hours_words(result.hours, period, lang)
        label = say(rate.label).lower()
        text = _HOURS.say(lang, rate=money.pounds_full(rate.value), label=label, band=band, hours=hours)
        add(Step("hours", text, in_language(scheme, rate.reference, lang)))
    add(Step("eligibility", working_step(result, lang), in_language(scheme, law(result), lang)))
    return steps


def _thresholds(result: Estimate, v: Voice, lang: str) -> list[Step]:
    """Steps for answers costed individually, and for the minimum and exceptional levels."""
    scheme = result.scheme
    say = functools.partial(scheme.say, lang)
    steps: list[Step] = []
    for cause in result.individual:
        asked, why = say(cause.asked(v.them)), say(cause.why(v.them))
        text = _CAUSE.say(lang, v, answer=quoted(say(cause.answer)), question=asked, why=why)
        steps.append(Step("individual", text))
    needs = points(result.total_before_unpaid_support, lang)
    minimum, exceptional = scheme.minimum_points, scheme.exceptional_points
    if result.below_threshold and minimum is not None:
        said = _BELOW_BUT_ELIGIBLE if result.likely_eligible else _BELOW
        fields = {"needs": needs, "label": say(minimum.label).lower(), "minimum": points(int(minimum.value), lang)}
        steps.append(Step("threshold", said.say(lang, v, **fields), in_language(scheme, minimum.reference, lang)))
    if result.exceptional and exceptional is not None:
        threshold = points(int(exceptional.value), lang)
        text = _EXCEPTIONAL.say(lang, v, needs=needs, label=say(exceptional.label).lower(), threshold=threshold)
        steps.append(Step("threshold", text, in_language(scheme, exceptional.reference, lang)))
    return steps


def allocation_text(scheme: Scheme, total: int, amount: Decimal, v: Voice = YOU, lang: str = SOURCE) -> str:
    """How a points total became its amount (worked out by `figures.amount_for`)."""
    allocation = scheme.allocation
    period = scheme.period
    if allocation.method == "table":
        row = allocation.row_for(total)
        shown = _rounded(row.amount, amount, period, lang)
        said = points(total, lang)
        if allocation.beyond_table(total):
            return _BEYOND_TABLE.say(lang, v, total=said, low=row.low, high=row.high, amount=shown)
        if row.high is not None:
            return _IN_RANGE.say(lang, total=said, low=row.low, high=row.high, amount=shown)
        return _IN_OPEN_RANGE.say(lang, total=said, low=row.low, amount=shown)
    assert allocation.rate_per_point is not None
    exact = total * allocation.rate_per_point.value
    sum_text = _PER_POINT.say(lang, total=points(total, lang), rate=money.pounds_full(allocation.rate_per_point.value))
    base = allocation.base
    if base is not None and base.value:
        exact += base.value
        label = scheme.say(lang, base.label).lower()
        sum_text = _WITH_BASE.say(lang, base=money.pounds_full(base.value), label=label, sum=sum_text)
    return _SUM.say(lang, sum=sum_text, amount=_rounded(exact, amount, period, lang))


def in_language(scheme: Scheme, reference: Reference | None, lang: str) -> Reference | None:
    """A reference with its title in `lang` where the scheme has it (a law's own title
    from a nation's rules stays as it is)."""
    if reference is None or lang == SOURCE:
        return reference
    return Reference(id=reference.id, title=scheme.say(lang, reference.title), url=reference.url)


def _rounded(exact: Decimal, amount: Decimal, period: str, lang: str) -> str:
    """An amount, and the exact figure it was rounded from when rounding changed it."""
    if exact == amount:
        return _PER[period].say(lang, amount=money.pounds_exact(amount))
    return _ROUNDED[period].say(lang, exact=money.pounds_full(exact), amount=money.pounds_exact(amount))


def _band_rule(bands: Bands, lang: str) -> str:
    if bands.width is not None:
        return _WIDTH.say(lang, width=money.pounds_short(bands.width))
    return _EDGES.say(lang, edges=", ".join(money.pounds_short(e) for e in bands.edges))


def _range_sum(band: Band, weeks: Decimal, lang: str) -> str:
    n = money.number(weeks)
    short = money.pounds_short
    low = f"{short(band.low)} \u00d7 {n} = {short(band.low * weeks)}"
    if band.high is None:
        return _OR_MORE.say(lang, sum=low)
    if band.high == band.low:
        return low
    return _TO.say(lang, low=low, high=f"{short(band.high)} \u00d7 {n} = {short(band.high * weeks)}")
