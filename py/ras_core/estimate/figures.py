"""The indicative budget for one set of answers, with every step of the working.

Points come from the need answers, which are given "as if nobody else was there
to help". Unpaid help is asked separately for each area, and so is whether the
people who help have said they are willing and able to keep doing it: only where
they have ("yes"; "not sure" counts as no) does an area keep just the stated share
of its points (rounded to whole points, halves up). Points then become money by the
scheme's rate or table, the amount is rounded to the penny (halves up) and placed in
a band; an amount exactly on a band edge goes in the band that starts there. Every
figure is reported both with and without unpaid support.

The estimate is indicative, never a cap. The minimum and exceptional levels compare
the points for the person's needs (before unpaid help, as eligibility is decided).
An answer marked `individual_costing`, a total at or above the exceptional level, or
a total beyond the end of a points table means the budget is worked out individually:
the figure is then only a starting point, and no hours figure is given. The
eligibility screen follows the scheme's nation: outcomes not achieved (England,
Wales), or the highest risk the answers show against the council's threshold
(Scotland).

`estimate()` works out the figures and nothing else; every sentence about them is
written in `words/`. `Estimate.working` asks `words` for the working from these
same figures (on first use, then kept), so that a council scoring thousands of cases
does not pay for sentences nobody reads. `amount_for` is the one allocation rule:
calibration uses it too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from ..scheme import money
from ..scheme.answers import Answers
from ..scheme.model import RISKS, Allocation, Bands, Domain, Option, Outcome, Question, RiskBand, Scheme, SupportOption
from .words import Step, working

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
    question_them: str | None = None

    def asked(self, them: bool) -> str:
        """The question as it was asked: of the person answering, or (`them`) of another person."""
        return self.question_them if them and self.question_them is not None else self.question


class DomainScore(NamedTuple):
    """An area's points before unpaid support, and after it when it applies; `willing` is
    the answer about the helpers ("yes", "no", "not_sure"), None where nobody helps."""

    id: str
    title: str
    points_before: int
    support: SupportOption | None
    keep: Decimal
    points: int
    willing: str | None = None


class Individual(NamedTuple):
    """An answer that means the budget is worked out individually, and why."""

    question_id: str
    question: str
    answer: str
    reason: str
    question_them: str | None = None
    reason_them: str | None = None

    def asked(self, them: bool) -> str:
        return self.question_them if them and self.question_them is not None else self.question

    def why(self, them: bool) -> str:
        return self.reason_them if them and self.reason_them is not None else self.reason


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
    hours: Band | None  # None when the scheme sets no hourly rate
    outcomes_unmet: tuple[Outcome, ...]
    risk: RiskBand | None
    risk_answers: tuple[QuestionScore, ...]
    likely_eligible: bool
    below_threshold: bool
    exceptional: bool
    individual: tuple[Individual, ...]
    beyond_table: bool

    @property
    def individually_costed(self) -> bool:
        """Whether the budget will be worked out individually (the figure is a starting point)."""
        return bool(self.individual) or self.exceptional or self.beyond_table

    _working: list[tuple[Step, ...]] = field(default_factory=list, repr=False, compare=False)

    @property
    def working(self) -> tuple[Step, ...]:
        """Every step from answers to band, in order, enough to redo the sum on paper."""
        if not self._working:
            self._working.append(tuple(working(self)))
        return self._working[0]


# -- what depends only on the scheme ------------------------------------------------


class _Choice(NamedTuple):
    option: Option
    score: QuestionScore
    individual: Individual | None


@dataclass(frozen=True, slots=True, kw_only=True)
class _Prepared:
    """Lookups built once per scheme, and figures memoised per points total or band."""

    choices: tuple[tuple[Domain, tuple[tuple[Question, dict[str, _Choice]], ...]], ...]
    support: dict[str, dict[str, SupportOption]]
    allocations: dict[int, Decimal] = field(default_factory=dict)
    band_figures: dict[Band, tuple[Band, Band | None]] = field(default_factory=dict)


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
                        question_them=question.text_them,
                    ),
                    individual=None
                    if option.individual_costing is None
                    else Individual(
                        question.id,
                        question.text,
                        option.label,
                        option.individual_costing,
                        question.text_them,
                        option.individual_costing_them,
                    ),
                )
                for option in question.options
            }
            questions.append((question, by_id))
        domains.append((domain, tuple(questions)))
    options = {o.id: o for o in scheme.unpaid_support.options} if scheme.unpaid_support is not None else {}
    support = {d.id: options for d in scheme.domains if d.asks_unpaid_support}
    prepared = _Prepared(choices=tuple(domains), support=support)
    _prepared[:] = [*_prepared[-3:], (scheme, prepared)]
    return prepared


# -- the figures ---------------------------------------------------------------------


def score(
    scheme: Scheme, choices: Mapping[str, str], support: Mapping[str, str], willing: bool | Mapping[str, str]
) -> tuple[int, int]:
    """Total points before and after unpaid support, for checked answers.

    The same rule as `estimate` (an area keeps its share of points, rounded to whole
    points, halves up, only where the helpers have said they are willing), without
    building the working: for scoring many cases at once, as calibration does.
    `willing` is the answer for each helped area ({area: "yes" | "no" | "not_sure"}),
    or one true or false for every helped area (a calibration CSV's column).
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
        area_willing = willing if isinstance(willing, bool) else willing.get(domain.id) == "yes"
        if area_willing and option is not None and option.keep < 1:
            total += int(money.round_whole(before * option.keep))
        else:
            total += before
    return total_before, total


def estimate(scheme: Scheme, answers: Answers) -> Estimate:
    """Work out the indicative budget for checked answers (see `answers_from_dict`)."""
    prepared = _prepare(scheme)
    choices = answers.choices
    chosen_support = answers.unpaid_support
    questions: list[QuestionScore] = []
    domains: list[DomainScore] = []
    individual: list[Individual] = []
    unmet_ids: set[str] = set()
    risky: list[tuple[int, QuestionScore]] = []
    total_before = total = 0

    for domain, domain_questions in prepared.choices:
        before = 0
        for question, by_id in domain_questions:
            choice = by_id[choices[question.id]]  # answers are checked against the scheme
            before += choice.option.points
            if choice.option.outcome_not_achieved:
                unmet_ids.update(question.outcomes)
            if choice.option.risk is not None:
                risky.append((RISKS.index(choice.option.risk), choice.score))
            if choice.individual is not None:
                individual.append(choice.individual)
            questions.append(choice.score)
        support_options = prepared.support.get(domain.id)
        support = None if support_options is None else support_options.get(chosen_support.get(domain.id, ""))
        keep = money.ONE if support is None else support.keep
        after = before
        willing = answers.helpers_willing.get(domain.id) if keep < 1 else None
        if willing == "yes" and keep < 1:
            after = int(money.round_whole(before * keep))
        domains.append(DomainScore(domain.id, domain.title, before, support, keep, after, willing))
        total_before += before
        total += after

    amount = amount_for(scheme, total)
    band = band_for(scheme.bands, amount)
    annual, hours = _band_figures(scheme, prepared, band)
    amount_without, band_without = amount, band
    if total != total_before:
        amount_without = amount_for(scheme, total_before)
        band_without = band_for(scheme.bands, amount_without)

    eligibility = scheme.eligibility
    by_outcomes = eligibility.rules.screen == "outcomes"
    outcomes_unmet = tuple(o for o in eligibility.outcomes if o.id in unmet_ids) if by_outcomes else ()
    risk: RiskBand | None = None
    risk_answers: tuple[QuestionScore, ...] = ()
    if risky:
        top = min(rank for rank, _ in risky)
        risk = eligibility.rules.bands[top]
        risk_answers = tuple(score for rank, score in risky if rank == top)
    if eligibility.rules.screen == "risk":
        threshold = eligibility.threshold
        likely = threshold is not None and risk is not None and RISKS.index(risk.id) <= RISKS.index(threshold.id)
    else:
        needed = eligibility.minimum_unmet.value if eligibility.minimum_unmet is not None else 1
        likely = len(outcomes_unmet) >= needed
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
        risk=risk,
        risk_answers=risk_answers,
        likely_eligible=likely,
        below_threshold=minimum is not None and total_before < minimum.value,
        exceptional=exceptional is not None and total_before >= exceptional.value,
        individual=tuple(individual),
        beyond_table=scheme.allocation.beyond_table(total_before),
    )


def amount_for(scheme: Scheme, total: int) -> Decimal:
    """The amount for a points total, by the scheme's rate or table (kept per total)."""
    allocations = _prepare(scheme).allocations
    found = allocations.get(total)
    if found is None:
        found = allocations[total] = allocate(scheme.allocation, total)
    return found


def allocate(allocation: Allocation, total: int) -> Decimal:
    """Points to money: base amount + points x rate, to the penny; or the table's amount
    (beyond the end of a table, its last row's amount: only a starting point)."""
    if allocation.method == "rate":
        assert allocation.rate_per_point is not None
        base = allocation.base.value if allocation.base is not None else ZERO
        return money.to_pence(base + total * allocation.rate_per_point.value)
    return money.to_pence(allocation.row_for(total).amount)


def _band_figures(scheme: Scheme, prepared: _Prepared, band: Band) -> tuple[Band, Band | None]:
    """A band's yearly figures and hours of support (None without an hourly rate)."""
    found = prepared.band_figures.get(band)
    if found is None:
        weeks = scheme.weeks_per_year.value
        if scheme.period == "week":
            annual = Band(band.low * weeks, None if band.high is None else band.high * weeks)
        else:
            annual = band
        hours = None
        if scheme.hourly_rate is not None:
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
