"""Costing a whole plan: each line a week and a year, the total, and where the total sits
against the indicative band.

A year is 52 weeks (as in the estimate). Lines costed by the week (personal
assistants, agency hours, activities paid weekly) have yearly = weekly × 52 exactly.
Lines costed by the year (short breaks paid yearly, one-off costs spread over the
year, insurance, support services, and the Employment Allowance once it reaches its
yearly limit) keep the yearly figure exactly and show weekly = yearly ÷ 52, rounded to
the penny; a cost paid monthly is × 12 for the year. The contingency is its
percentage of the other lines' weekly total and of their yearly total, each rounded
to the penny. The totals are the sums of the lines' weekly and yearly figures as
shown. Every rounding is to the penny, halves up.

The Employment Allowance is one allowance for the employer, so it is one line for
all the personal assistants: it takes off their employer's National Insurance, up to
the yearly amount, when the plan says it is claimed.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..scheme.money import HUNDRED, to_pence
from .employ import Employment, Part, employ, need
from .figures import Figure, Figures
from .model import TIMES, Plan, PlanLine

WEEKS = 52
ZERO = Decimal("0.00")


@dataclass(frozen=True, slots=True, kw_only=True)
class CostedLine:
    """A line as costed: `weekly` and `yearly`, with what they were worked out from."""

    kind: str
    name: str
    weekly: Decimal
    yearly: Decimal
    basis: str  # "week": yearly = weekly × 52; "year": weekly = yearly ÷ 52; "share": the contingency
    employment: Employment | None = None
    parts: tuple[Part, ...] = ()
    figures: tuple[Figure, ...] = ()  # the council's or the law's figures the line used
    cost: Decimal = ZERO
    every: str = "week"
    percent: Decimal = ZERO
    base_weekly: Decimal = ZERO
    base_yearly: Decimal = ZERO


@dataclass(frozen=True, slots=True, kw_only=True)
class CostedPlan:
    plan: Plan
    lines: tuple[CostedLine, ...]
    weekly_total: Decimal
    yearly_total: Decimal
    compared: Decimal  # the total in the band's period
    position: str  # "within", "over" or "under"
    difference: Decimal  # how far over or under, in the band's period (0 when within)
    weeks: int
    council: str
    illustrative: bool
    missing_insurance: Figure | None  # PAs but no insurance line: the council's typical cost
    missing_payroll: Figure | None  # PAs but no payroll or managed account
    allowance_eligibility: Figure | None  # PAs, National Insurance, and the allowance not claimed
    figures: tuple[Figure, ...]  # every figure used, once, in order of first use
    council_cy: str = ""  # the council's name in Welsh, where its costs file gives it


def cost_plan(plan: Plan, law: Figures, costs: Figures) -> CostedPlan:
    """Cost every line of `plan` with the figures in force on its date."""
    day = plan.date
    lines: list[CostedLine] = []
    for line in plan.lines:
        if line.kind != "contingency":
            lines.append(_line(line, plan, law, costs))
    pas = [c for c in lines if c.employment is not None]
    ni_week = sum((c.employment.national_insurance for c in pas if c.employment), ZERO)
    eligibility: Figure | None = None
    if ni_week > 0:
        eligibility = need(law, "employment_allowance.care_and_support_workers", day)
        if plan.employment_allowance:
            lines.append(_allowance(ni_week, need(law, "employment_allowance.amount", day), eligibility))
    for line in plan.lines:
        if line.kind == "contingency":
            lines.append(_contingency(line, lines))
    weekly_total = sum((c.weekly for c in lines), ZERO)
    yearly_total = sum((c.yearly for c in lines), ZERO)
    band = plan.band
    compared = weekly_total if band.period == "week" else yearly_total
    if compared < band.low:
        position, difference = "under", band.low - compared
    elif band.high is not None and compared > band.high:
        position, difference = "over", compared - band.high
    else:
        position, difference = "within", ZERO
    kinds = {line.kind for line in plan.lines}
    services = {line.service for line in plan.lines if line.kind == "support_service"}
    costed = tuple(lines)
    return CostedPlan(
        plan=plan,
        lines=costed,
        weekly_total=weekly_total,
        yearly_total=yearly_total,
        compared=compared,
        position=position,
        difference=difference,
        weeks=WEEKS,
        council=costs.council,
        council_cy=costs.council_cy,
        illustrative=costs.illustrative,
        missing_insurance=need(costs, "employer.insurance_year", day) if pas and "insurance" not in kinds else None,
        missing_payroll=need(costs, "services.payroll_year", day) if pas and not services else None,
        allowance_eligibility=eligibility if eligibility and not plan.employment_allowance else None,
        figures=_used(costed),
    )


def _line(line: PlanLine, plan: Plan, law: Figures, costs: Figures) -> CostedLine:
    day = plan.date
    if line.kind == "pa":
        job = employ(line, day, law, costs)
        return _weekly(line, job.weekly, employment=job)
    if line.kind == "agency":
        rates = {t: need(costs, f"agency.{t}", day) for t in TIMES if t in line.hours}
        parts = tuple(
            Part(time=t, hours=h, rate=rates[t].value, amount=to_pence(h * rates[t].value))
            for t, h in line.hours.items()
        )
        return _weekly(line, sum((p.amount for p in parts), ZERO), parts=parts, figures=tuple(rates.values()))
    if line.kind in ("day_activity", "short_break"):
        if line.every == "week":
            return _weekly(line, line.cost, cost=line.cost, every="week")
        yearly = line.cost * 12 if line.every == "month" else line.cost
        return _yearly(line, yearly, cost=line.cost, every=line.every)
    if line.kind == "one_off":
        return _yearly(line, line.cost, cost=line.cost, every="once")
    if line.kind == "insurance":
        if line.cost:
            return _yearly(line, line.cost, cost=line.cost, every="year")
        figure = need(costs, "employer.insurance_year", day)
        return _yearly(line, figure.value, cost=figure.value, every="year", figures=(figure,))
    figure = need(costs, f"services.{line.service}_year", day)  # support_service
    return _yearly(line, figure.value, cost=figure.value, every="year", figures=(figure,))


def _weekly(line: PlanLine, weekly: Decimal, **rest: object) -> CostedLine:
    return CostedLine(kind=line.kind, name=line.name, weekly=weekly, yearly=weekly * WEEKS, basis="week", **rest)  # type: ignore[arg-type]


def _yearly(line: PlanLine, yearly: Decimal, **rest: object) -> CostedLine:
    yearly = to_pence(yearly)
    weekly = to_pence(yearly / WEEKS)
    return CostedLine(kind=line.kind, name=line.name, weekly=weekly, yearly=yearly, basis="year", **rest)  # type: ignore[arg-type]


def _allowance(ni_week: Decimal, amount: Figure, eligibility: Figure) -> CostedLine:
    # Within the yearly limit the whole of the National Insurance is taken off, week by
    # week; beyond it, the yearly amount is taken off and shown a week as ÷ 52.
    if ni_week * WEEKS <= amount.value:
        weekly, yearly, basis = -ni_week, -ni_week * WEEKS, "week"
    else:
        yearly, basis = -to_pence(amount.value), "year"
        weekly = to_pence(yearly / WEEKS)
    return CostedLine(
        kind="employment_allowance",
        name="Employment Allowance",
        weekly=weekly,
        yearly=yearly,
        basis=basis,
        cost=ni_week,
        figures=(amount, eligibility),
    )


def _contingency(line: PlanLine, others: list[CostedLine]) -> CostedLine:
    base_weekly = sum((c.weekly for c in others), ZERO)
    base_yearly = sum((c.yearly for c in others), ZERO)
    return CostedLine(
        kind="contingency",
        name=line.name,
        weekly=to_pence(base_weekly * line.percent / HUNDRED),
        yearly=to_pence(base_yearly * line.percent / HUNDRED),
        basis="share",
        percent=line.percent,
        base_weekly=base_weekly,
        base_yearly=base_yearly,
    )


def _used(lines: tuple[CostedLine, ...]) -> tuple[Figure, ...]:
    seen: dict[tuple[str, object], Figure] = {}
    for line in lines:
        job = line.employment
        found: list[Figure | None] = list(line.figures)
        if job is not None:
            found += [
                job.minimum_wage,
                job.commitment,
                job.sleep_in_figure if job.sleep_in_nights else None,
                job.holiday_weeks,
                job.holiday_figure,
                job.ni_rate,
                job.ni_threshold,
                job.pension_trigger,
                job.pension_lower,
                job.pension_upper,
                job.pension_percent,
                job.pension_rule,
            ]
        for figure in found:
            if figure is not None:
                seen.setdefault((figure.key, figure.start), figure)
    return tuple(seen.values())
