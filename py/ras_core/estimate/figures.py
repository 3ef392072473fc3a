"""The indicative budget for one set of answers, with every step of the working.

Points come from the need answers, which are given "as if nobody else was there
to help". Unpaid help is asked separately for each area: when the person says
their helpers are willing and able to keep helping, an area keeps only the stated
share of its points (rounded to whole points, halves up). Points then become money
by the scheme's rate or table, the amount is rounded to the penny (halves up) and
placed in a band; an amount exactly on a band edge goes in the band that starts
there. The estimate is indicative, never a cap: thresholds only change what the
person is told. Every figure is reported both with and without unpaid support.

`estimate()` works out the figures; `Estimate.working` derives the plain-English
working from those same figures (on first use, then kept), so that a council
scoring thousands of cases does not pay for sentences nobody reads.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from ..scheme import money
from ..scheme.answers import Answers
from ..scheme.model import Bands, Domain, Option, Outcome, Question, Reference, Scheme, SupportOption

ZERO = Decimal(0)

# The small per-item records are NamedTuples: immutable like the dataclasses, and
# several times cheaper to create.


class QuestionScore(NamedTuple):
    domain_id: str
    question_id: str
    question: str
    option_id: str
    answer: str
    points: int


class DomainScore(NamedTuple):
    """An area's points before unpaid support, and after it when it applies."""

    id: str
    title: str
    points_before: int
    support: SupportOption | None
    keep: Decimal
    points: int


class Band(NamedTuple):
    """From `low` up to (not including) `high`; `high` None for an open top band."""

    low: Decimal
    high: Decimal | None

    def contains(self, amount: Decimal) -> bool:
        if self.high is None:
            return amount >= self.low
        if self.low == self.high:
            return amount == self.low
        return self.low <= amount < self.high


class Step(NamedTuple):
    """One line of the working, in plain English, with the source it relies on."""

    kind: str
    text: str
    reference: Reference | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Estimate:
    scheme: Scheme
    answers: Answers
    questions: tuple[QuestionScore, ...]
    domains: tuple[DomainScore, ...]
    total_before_unpaid_support: int
    total: int
    unpaid_support_applied: bool
    amount: Decimal
    amount_without_unpaid_support: Decimal
    band: Band
    band_without_unpaid_support: Band
    annual: Band
    hours: Band
    outcomes_unmet: tuple[Outcome, ...]
    likely_eligible: bool
    below_threshold: bool
    exceptional: bool
    _working: list[tuple[Step, ...]] = field(default_factory=list, repr=False, compare=False)

    @property
    def working(self) -> tuple[Step, ...]:
        """Every step from answers to band, in order, enough to redo the sum on paper."""
        if not self._working:
            self._working.append(tuple(_working(self)))
        return self._working[0]


# -- what depends only on the scheme ------------------------------------------------


class _Choice(NamedTuple):
    option: Option
    score: QuestionScore
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class _Prepared:
    """Lookups built once per scheme, and figures memoised per points total or band."""

    choices: tuple[tuple[Domain, tuple[tuple[Question, dict[str, _Choice]], ...]], ...]
    support: dict[str, dict[str, SupportOption]]
    texts: dict[tuple[str, str], str]
    allocations: dict[int, tuple[Decimal, str]] = field(default_factory=dict)
    band_figures: dict[Band, tuple[Band, Band]] = field(default_factory=dict)


_prepared: list[tuple[Scheme, _Prepared]] = []


def _prepare(scheme: Scheme) -> _Prepared:
    # Keyed by identity: a scheme is immutable, and hashing a whole scheme on every
    # call would cost more than the estimate itself.
    for known, prepared in _prepared:
        if known is scheme:
            return prepared
    domains = []
    for domain in scheme.domains:
        questions = []
        for question in domain.questions:
            by_id = {
                option.id: _Choice(
                    option=option,
                    score=QuestionScore(
                        domain_id=domain.id,
                        question_id=question.id,
                        question=question.text,
                        option_id=option.id,
                        answer=option.label,
                        points=option.points,
                    ),
                    text=f"{question.text} \u201c{option.label}\u201d: {_points(option.points)}",
                )
                for option in question.options
            }
            questions.append((question, by_id))
        domains.append((domain, tuple(questions)))
    options = {o.id: o for o in scheme.unpaid_support.options}
    support = {d.id: options for d in scheme.domains if d.asks_unpaid_support}
    texts = {
        (question.id, option_id): choice.text
        for _domain, questions in domains
        for question, by_id in questions
        for option_id, choice in by_id.items()
    }
    prepared = _Prepared(choices=tuple(domains), support=support, texts=texts)
    _prepared[:] = [*_prepared[-3:], (scheme, prepared)]
    return prepared


# -- the figures ---------------------------------------------------------------------


def score(scheme: Scheme, choices: Mapping[str, str], support: Mapping[str, str], willing: bool) -> tuple[int, int]:
    """Total points before and after unpaid support, for checked answers.

    The same rule as `estimate` (an area keeps its share of points, rounded to whole
    points, halves up, only when the helpers are willing), without building the working:
    for scoring many cases at once, as calibration does.
    """
    prepared = _prepare(scheme)
    total_before = total = 0
    for domain, domain_questions in prepared.choices:
        before = 0
        for question, by_id in domain_questions:
            before += by_id[choices[question.id]].option.points
        total_before += before
        options = prepared.support.get(domain.id)
        option = None if options is None else options.get(support.get(domain.id, ""))
        if willing and option is not None and option.keep < 1:
            total += int(money.round_whole(before * option.keep))
        else:
            total += before
    return total_before, total


def estimate(scheme: Scheme, answers: Answers) -> Estimate:
    """Work out the indicative budget for checked answers (see `answers_from_dict`)."""
    prepared = _prepare(scheme)
    choices = answers.choices
    chosen_support = answers.unpaid_support
    willing = answers.helpers_willing is True
    questions: list[QuestionScore] = []
    domains: list[DomainScore] = []
    unmet_ids: set[str] = set()
    total_before = total = 0

    for domain, domain_questions in prepared.choices:
        before = 0
        for question, by_id in domain_questions:
            choice = by_id[choices[question.id]]  # answers are checked against the scheme
            before += choice.option.points
            if choice.option.outcome_not_achieved:
                unmet_ids.update(question.outcomes)
            questions.append(choice.score)
        support_options = prepared.support.get(domain.id)
        support = None if support_options is None else support_options.get(chosen_support.get(domain.id, ""))
        keep = money.ONE if support is None else support.keep
        after = before
        if willing and keep < 1:
            after = int(money.round_whole(before * keep))
        domains.append(DomainScore(domain.id, domain.title, before, support, keep, after))
        total_before += before
        total += after

    amount = _allocation(scheme, prepared, total)[0]
    band = band_for(scheme.bands, amount)
    annual, hours = _band_figures(scheme, prepared, band)
    amount_without, band_without = amount, band
    if total != total_before:
        amount_without = _allocation(scheme, prepared, total_before)[0]
        band_without = band_for(scheme.bands, amount_without)

    outcomes_unmet = tuple(o for o in scheme.eligibility.outcomes if o.id in unmet_ids)
    minimum, exceptional = scheme.minimum_points, scheme.exceptional_points
    return Estimate(
        scheme=scheme,
        answers=answers,
        questions=tuple(questions),
        domains=tuple(domains),
        total_before_unpaid_support=total_before,
        total=total,
        unpaid_support_applied=total != total_before,
        amount=amount,
        amount_without_unpaid_support=amount_without,
        band=band,
        band_without_unpaid_support=band_without,
        annual=annual,
        hours=hours,
        outcomes_unmet=outcomes_unmet,
        likely_eligible=len(outcomes_unmet) >= scheme.eligibility.minimum_unmet.value,
        below_threshold=minimum is not None and total < minimum.value,
        exceptional=exceptional is not None and total >= exceptional.value,
    )


def _allocation(scheme: Scheme, prepared: _Prepared, total: int) -> tuple[Decimal, str]:
    found = prepared.allocations.get(total)
    if found is None:
        found = prepared.allocations[total] = _allocate(scheme, total)
    return found


def _allocate(scheme: Scheme, total: int) -> tuple[Decimal, str]:
    """The amount for a points total, and the sentence that shows how."""
    allocation = scheme.allocation
    per = f"a {scheme.period}"
    if allocation.method == "rate":
        assert allocation.rate_per_point is not None
        rate = allocation.rate_per_point.value
        amount = money.to_pence(total * rate)
        sum_text = f"{_points(total)} \u00d7 {money.pounds_exact(rate)} a point"
        if allocation.base is not None and allocation.base.value:
            base = allocation.base
            amount = money.to_pence(base.value + total * rate)
            sum_text = f"{money.pounds_exact(base.value)} ({base.label.lower()}) + {sum_text}"
        return amount, f"{sum_text} = {money.pounds_exact(amount)} {per}."
    for row in allocation.rows:
        if row.low <= total and (row.high is None or total <= row.high):
            span = f"{row.low} to {row.high} points" if row.high is not None else f"{row.low} points or more"
            return row.amount, (
                f"{_points(total)} is in the range {span}, which gives {money.pounds_exact(row.amount)} {per}."
            )
    raise AssertionError("a checked table covers every points total from 0 up")


def _band_figures(scheme: Scheme, prepared: _Prepared, band: Band) -> tuple[Band, Band]:
    """A band's yearly figures and hours of support."""
    found = prepared.band_figures.get(band)
    if found is None:
        weeks = scheme.weeks_per_year.value
        if scheme.period == "week":
            annual = Band(band.low * weeks, None if band.high is None else band.high * weeks)
        else:
            annual = band
        rate = scheme.hourly_rate.value
        hours = Band(
            money.round_tenth(band.low / rate),
            None if band.high is None else money.round_tenth(band.high / rate),
        )
        found = prepared.band_figures[band] = (annual, hours)
    return found


def band_for(bands: Bands, amount: Decimal) -> Band:
    """The band an amount falls in; an amount exactly on an edge goes in the band above."""
    if amount == ZERO:
        return Band(ZERO, ZERO)
    if bands.width is not None:
        low = money.floor_to_multiple(amount, bands.width)
        return Band(low, low + bands.width)
    edges = bands.edges
    for i in range(len(edges) - 1, -1, -1):
        if amount >= edges[i]:
            return Band(edges[i], edges[i + 1] if i + 1 < len(edges) else None)
    return Band(ZERO, edges[0])


# -- the working ---------------------------------------------------------------------


def _working(result: Estimate) -> list[Step]:
    scheme = result.scheme
    prepared = _prepare(scheme)
    period = scheme.period
    steps: list[Step] = []
    add = steps.append
    by_domain: dict[str, list[str]] = {}
    for score in result.questions:
        text = prepared.texts[score.question_id, score.option_id]
        by_domain.setdefault(score.domain_id, []).append(text)

    for d in result.domains:
        parts = "; ".join(by_domain.get(d.id, []))
        add(Step("area", f"{d.title}. {parts}. Points for this area: {d.points_before}."))
        if d.support is None or d.keep >= 1:
            continue
        if result.answers.helpers_willing is True:
            exact = d.points_before * d.keep
            shown = (
                _points(d.points)
                if exact == d.points
                else f"{money.number(exact)}, which rounds to {_points(d.points)} (halves round up)"
            )
            add(
                Step(
                    "unpaid_support",
                    (
                        f"{d.title}: someone helps without being paid (\u201c{d.support.label}\u201d), "
                        f"so {money.percent(d.keep)} of the points are kept: {d.points_before} "
                        f"\u00d7 {money.percent(d.keep)} = {shown}."
                    ),
                )
            )
        else:
            add(
                Step(
                    "unpaid_support",
                    (
                        f"{d.title}: someone helps without being paid, but they may not be able to "
                        f"keep helping, so all {_points(d.points_before)} are kept."
                    ),
                )
            )

    total, total_before = result.total, result.total_before_unpaid_support
    if result.unpaid_support_applied:
        add(
            Step(
                "total",
                f"Total: {_points(total)}. Without counting unpaid help the total would be {_points(total_before)}.",
            )
        )
    else:
        add(Step("total", f"Total: {_points(total)}."))

    if result.below_threshold and scheme.minimum_points is not None:
        p = scheme.minimum_points
        add(
            Step(
                "threshold",
                (
                    f"{_points(total)} is below the {p.label.lower()} of {_points(int(p.value))}, so "
                    "you may not have eligible needs. The working below still shows what the points "
                    "would give."
                ),
                p.reference,
            )
        )
    if result.exceptional and scheme.exceptional_points is not None:
        p = scheme.exceptional_points
        add(
            Step(
                "threshold",
                (
                    f"{_points(total)} is at or above the {p.label.lower()} of {_points(int(p.value))}, "
                    "so your budget will be worked out individually with you. The figure below is a "
                    "starting point, not a limit."
                ),
                p.reference,
            )
        )

    add(Step("allocation", _allocation(scheme, prepared, total)[1], scheme.allocation.reference))
    add(
        Step(
            "band",
            (
                f"{money.pounds_exact(result.amount)} is in the band {band_words(result.band, period)}. "
                f"{_band_rule(scheme.bands)}"
            ),
            scheme.bands.reference,
        )
    )
    if result.unpaid_support_applied:
        text = _allocation(scheme, prepared, total_before)[1]
        add(
            Step(
                "without_unpaid_support",
                (
                    f"Without counting unpaid help: {_lower_first(text)} That is in the band "
                    f"{band_words(result.band_without_unpaid_support, period)}."
                ),
            )
        )
    if period == "week":
        weeks = scheme.weeks_per_year.value
        add(
            Step(
                "annual",
                f"For a year ({money.number(weeks)} weeks): {_range_sum(result.band, weeks)}.",
                scheme.weeks_per_year.reference,
            )
        )
    rate = scheme.hourly_rate
    add(
        Step(
            "hours",
            (
                f"At {money.pounds_exact(rate.value)} an hour ({rate.label.lower()}), "
                f"{band_words(result.band, period)} would pay for {hours_words(result.hours, period)}."
            ),
            rate.reference,
        )
    )

    unmet = result.outcomes_unmet
    needed = int(scheme.eligibility.minimum_unmet.value)
    listed = "; ".join(o.text for o in unmet) or "none"
    add(
        Step(
            "eligibility",
            (
                f"Outcomes your answers say you cannot achieve: {listed} ({len(unmet)}). People are "
                f"usually eligible when they cannot achieve {needed} or more, so you "
                f"{'are likely' if result.likely_eligible else 'may not be likely'} to be eligible. "
                "This is a screen, not a decision: the council decides at your assessment."
            ),
            scheme.eligibility.reference,
        )
    )
    return steps


def band_words(band: Band, period: str) -> str:
    """ "£175 to £200 a week", "£0 a week", or "£500 or more a week"."""
    if band.high is None:
        return f"{money.pounds(band.low)} or more a {period}"
    if band.low == band.high:
        return f"{money.pounds(band.low)} a {period}"
    return f"{money.pounds(band.low)} to {money.pounds(band.high)} a {period}"


def hours_words(hours: Band, period: str) -> str:
    low = money.round_whole(hours.low)
    if hours.high is None:
        return f"about {low} hours of support or more a {period}"
    high = money.round_whole(hours.high)
    if low == high:
        return f"about {low} hours of support a {period}"
    return f"about {low} to {high} hours of support a {period}"


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


def _points(n: int) -> str:
    return f"{n} point" if n == 1 else f"{n} points"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:1].isalpha() else text
