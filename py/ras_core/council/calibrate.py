"""The rate per point from a council's cases, and the checks of accuracy and fairness.

A council scores a sample of current cases with its self-assessment and sets the rate
as their total current cost divided by their total points (the "£ per point" method
of council RAS reports), optionally scaled to a target total budget, with a
contingency reported as a separate sum. The checks: indicative against agreed budgets
(accuracy) and cost per point by care group and age band (fairness). Every
indicative amount comes from the estimate's own allocation rule (`figures.amount_for`),
so a table or a base amount gives here exactly what it gives a person. Money is
Decimal throughout.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

from ..estimate.figures import amount_for
from ..scheme import money
from ..scheme.model import Scheme
from .cases import Case, Cases, CasesError

HUNDRED = Decimal(100)
WIDTHS = (Decimal(5), Decimal(10), Decimal(25), Decimal(50), Decimal(100))


@dataclass(frozen=True, slots=True, kw_only=True)
class Group:
    name: str
    cases: int
    mean_points: Decimal
    cost_per_point: Decimal | None
    mean_current_cost: Decimal
    mean_indicative: Decimal
    differs_by: Decimal | None  # % from the whole sample's cost per point
    flagged: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class Accuracy:
    cases: int
    median_abs_pct: Decimal
    mean_abs_pct: Decimal
    within_10: Decimal  # share of cases, %
    within_20: Decimal
    largest: tuple[tuple[str, Decimal, Decimal, Decimal, Decimal], ...]  # id, indicative, agreed, £, %
    bias_by_group: tuple[tuple[str, int, Decimal], ...]  # group, cases, mean signed %
    source: str  # where the indicative figures came from


@dataclass(frozen=True, slots=True, kw_only=True)
class Calibration:
    scheme: Scheme
    cases: Cases
    total_points: int
    total_cost: Decimal
    rate_per_point: Decimal  # total cost / total points, to the penny
    exact_rate: Decimal
    target_total: Decimal | None
    rate_for_target: Decimal | None
    rate_used: Decimal
    contingency_percent: Decimal
    contingency: Decimal  # a separate sum, on top of the total indicative budget
    total_indicative: Decimal
    band_width: Decimal
    accuracy: Accuracy | None
    by_care_group: tuple[Group, ...]
    by_age_band: tuple[Group, ...]
    fairness_threshold: Decimal
    points_and_costs: tuple[tuple[int, Decimal], ...]  # for the chart
    indicative: tuple[Decimal, ...]  # each case's indicative amount at the rate used, in case order


def calibrate(
    scheme: Scheme,
    cases: Cases,
    *,
    target_total: Decimal | None = None,
    contingency_percent: Decimal = Decimal(0),
    fairness_threshold: Decimal = Decimal(20),
) -> Calibration:
    used = cases.cases
    if not used:
        raise CasesError("No row could be used, so there is nothing to calibrate from. See the problems listed.")
    total_points = sum(c.points for c in used)
    total_cost = sum((c.current_cost for c in used), Decimal(0))
    if total_points == 0:
        raise CasesError("The cases have 0 points in all, so a rate per point cannot be worked out.")
    if total_cost == 0:
        raise CasesError(
            "The cases cost £0.00 in all, so a rate per point cannot be worked out. "
            "Check the current_weekly_cost column."
        )
    exact = total_cost / total_points
    rate = money.to_pence(exact)
    rate_for_target = money.to_pence(target_total / total_points) if target_total is not None else None
    used_rate = rate_for_target if rate_for_target is not None else rate
    if used_rate == 0:
        # A scheme's rate must be more than £0, so a new scheme could not be written.
        total, check = (
            (target_total, "Give a larger target total.")
            if target_total is not None
            else (total_cost, "Check the current_weekly_cost column.")
        )
        raise CasesError(
            f"The rate per point would be £0.00 ({money.pounds_exact(total)} / {total_points:,} points, "
            f"rounded to the nearest penny), and a rate must be more than £0. {check}"
        )
    rated = with_rate(scheme, used_rate)
    indicative = [amount_for(rated, c.points) for c in used]
    total_indicative = sum(indicative, Decimal(0))
    contingency = money.to_pence(total_indicative * contingency_percent / HUNDRED)
    median = Decimal(statistics.median(indicative)) if indicative else Decimal(0)
    band_width = min(WIDTHS, key=lambda w: abs(w - median / 10))
    overall_cpp = exact
    return Calibration(
        scheme=scheme,
        cases=cases,
        total_points=total_points,
        total_cost=total_cost,
        rate_per_point=rate,
        exact_rate=exact,
        target_total=target_total,
        rate_for_target=rate_for_target,
        rate_used=used_rate,
        contingency_percent=contingency_percent,
        contingency=contingency,
        total_indicative=total_indicative,
        band_width=band_width,
        accuracy=_accuracy(scheme, used),
        by_care_group=_groups(used, indicative, lambda c: c.care_group, overall_cpp, fairness_threshold),
        by_age_band=_groups(used, indicative, lambda c: c.age_band, overall_cpp, fairness_threshold),
        fairness_threshold=fairness_threshold,
        points_and_costs=tuple((c.points, c.current_cost) for c in used),
        indicative=tuple(indicative),
    )


def _accuracy(scheme: Scheme, used: Iterable[Case]) -> Accuracy | None:
    """Indicative against agreed, for the cases with an agreed budget above £0."""
    rows = []
    from_file = True
    for case in used:
        if case.agreed is None or case.agreed == 0:
            continue
        indicative = case.indicative
        if indicative is None:
            from_file = False
            indicative = amount_for(scheme, case.points)
        diff = indicative - case.agreed
        pct = diff / case.agreed * HUNDRED
        rows.append((case.case_id, indicative, case.agreed, diff, pct, case.care_group))
    if not rows:
        return None
    absolute = [abs(r[4]) for r in rows]
    count = Decimal(len(rows))
    groups: dict[str, list[Decimal]] = {}
    for r in rows:
        groups.setdefault(r[5], []).append(r[4])
    return Accuracy(
        cases=len(rows),
        median_abs_pct=_round(Decimal(statistics.median(absolute))),
        mean_abs_pct=_round(sum(absolute, Decimal(0)) / count),
        within_10=_round(sum(1 for a in absolute if a <= 10) / count * HUNDRED),
        within_20=_round(sum(1 for a in absolute if a <= 20) / count * HUNDRED),
        largest=tuple(
            (r[0], r[1], r[2], r[3], _round(r[4])) for r in sorted(rows, key=lambda r: (-abs(r[4]), r[0]))[:20]
        ),
        bias_by_group=tuple(
            (name, len(values), _round(sum(values, Decimal(0)) / len(values)))
            for name, values in sorted(groups.items())
        ),
        source="the indicative_weekly_budget column" if from_file else f"the scheme's current {_method(scheme)}",
    )


def _groups(
    used: tuple[Case, ...],
    indicative: list[Decimal],
    key: Callable[[Case], str],
    overall_cpp: Decimal,
    threshold: Decimal,
) -> tuple[Group, ...]:
    buckets: dict[str, list[int]] = {}
    for i, case in enumerate(used):
        buckets.setdefault(key(case), []).append(i)
    groups = []
    for name in sorted(buckets):
        members = buckets[name]
        points = sum(used[i].points for i in members)
        cost = sum((used[i].current_cost for i in members), Decimal(0))
        count = Decimal(len(members))
        cpp = cost / points if points else None
        differs = _round((cpp - overall_cpp) / overall_cpp * HUNDRED) if cpp is not None else None
        groups.append(
            Group(
                name=name,
                cases=len(members),
                mean_points=_round(Decimal(points) / count),
                cost_per_point=money.to_pence(cpp) if cpp is not None else None,
                mean_current_cost=money.to_pence(cost / count),
                mean_indicative=money.to_pence(sum((indicative[i] for i in members), Decimal(0)) / count),
                differs_by=differs,
                flagged=differs is not None and abs(differs) > threshold,
            )
        )
    return tuple(groups)


def _round(value: Decimal) -> Decimal:
    return money.round_tenth(Decimal(value))


def with_rate(scheme: Scheme, rate: Decimal) -> Scheme:
    """The scheme with a new rate per point; a table scheme as it is (a rate cannot change a table)."""
    allocation = scheme.allocation
    if allocation.rate_per_point is None:
        return scheme
    new_rate = replace(allocation.rate_per_point, value=rate)
    return replace(scheme, allocation=replace(allocation, rate_per_point=new_rate))


def _method(scheme: Scheme) -> str:
    rate = scheme.allocation.rate_per_point
    return "table" if rate is None else f"rate of {money.pounds_exact(rate.value)} a point"
