"""The rate per point from a council's cases, and the checks of accuracy and fairness.

A council scores a sample of current cases with its self-assessment and sets the rate
from their total current cost and total points (the "£ per point" method of council
RAS reports). With a base amount paid to every case, the base is taken off first:

    rate = (total current cost − cases × base amount) ÷ total points

and the same with a target total in place of the total current cost. The rate is
rounded to `RATE_PLACES` (4) decimal places, halves up, and said so wherever it is
shown; every indicative amount uses that rate as written and is then rounded to the
penny. A contingency is a separate sum. The checks: indicative against agreed budgets
(accuracy); by care group and age band, what the scheme would give against what the
cases cost now (fairness), with groups smaller than the minimum group size reported as
too few to judge; who would go up or down (`stats.shifts`); and how well points explain
cost (`stats.fit`). Every indicative amount comes from the estimate's own allocation
rule (`figures.amount_for`), so a table or a base amount gives here exactly what it
gives a person; a table scheme gets every check, and no new rate. Money is Decimal.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from ..estimate.figures import amount_for
from ..i18n import SOURCE, Said, message
from ..scheme import money
from ..scheme.model import Scheme
from . import calibrate_words as w
from .cases import Case, Cases, CasesError
from .stats import Fit, Shifts, fit, shifts

HUNDRED = Decimal(100)
WIDTHS = (Decimal(5), Decimal(10), Decimal(25), Decimal(50), Decimal(100))
RATE_PLACES = 4
RATE_STEP = Decimal(1).scaleb(-RATE_PLACES)
ROUNDED: Said = message("rounded to {places} decimal places").later(places=RATE_PLACES)
MIN_GROUP_SIZE = 10
# Care Act 2014 s.26 and statutory guidance 11.24 (sufficiency): see the README.
SUFFICIENT = message(
    "budgets must still be enough to meet eligible needs (Care Act 2014 s.26; "
    "Care and Support Statutory Guidance 11.24)"
).later()


def round_rate(value: Decimal) -> Decimal:
    """A rate per point to `RATE_PLACES` decimal places, halves up."""
    return value.quantize(RATE_STEP, rounding=ROUND_HALF_UP, context=money.CONTEXT)


def rate_text(value: Decimal) -> str:
    """A rate with every decimal place it has, and at least 2: "4.37", "5.1207", "12.00"."""
    whole, _, places = f"{value.normalize(money.CONTEXT):f}".partition(".")
    return f"{whole}.{places.ljust(2, '0')}"


def pounds_rate(value: Decimal) -> str:
    """A rate for people: "£5.1207", "£1,250.00"."""
    whole, _, places = rate_text(value).partition(".")
    return f"£{int(whole):,}.{places}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Group:
    name: str
    cases: int
    mean_points: Decimal
    cost_per_point: Decimal | None
    mean_current_cost: Decimal
    mean_indicative: Decimal
    differs_by: Decimal | None  # % of the group's cost per point from the whole sample's
    share: Decimal | None  # the group's total indicative as a % of its total current cost
    share_differs_by: Decimal | None  # % of `share` from the whole sample's: what is flagged
    too_few: bool  # fewer cases than the minimum group size: too few to judge
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
    method: str  # "rate", or "table": a table gets the checks and no new rate
    base: Decimal  # the scheme's base amount a case (0 when it has none)
    total_points: int
    total_cost: Decimal
    cost_per_point: Decimal  # total cost / total points, exact: the fairness yardstick
    exact_rate: Decimal  # (total cost - cases x base) / total points, exact
    rate_per_point: Decimal  # exact_rate, rounded to RATE_PLACES decimal places
    target_total: Decimal | None
    exact_rate_for_target: Decimal | None
    rate_for_target: Decimal | None  # (target - cases x base) / total points, rounded as above
    rate_used: Decimal
    contingency_percent: Decimal
    contingency: Decimal  # a separate sum, on top of the total indicative budget
    total_indicative: Decimal
    band_width: Decimal
    accuracy: Accuracy | None
    by_care_group: tuple[Group, ...]
    by_age_band: tuple[Group, ...]
    fairness_threshold: Decimal
    min_group_size: int
    fit: Fit
    shifts: Shifts
    warnings: tuple[str, ...]
    points_and_costs: tuple[tuple[int, Decimal], ...]  # for the chart
    indicative: tuple[Decimal, ...]  # each case's indicative amount at the rate used, in case order


def calibrate(
    scheme: Scheme,
    cases: Cases,
    *,
    target_total: Decimal | None = None,
    contingency_percent: Decimal = Decimal(0),
    fairness_threshold: Decimal = Decimal(20),
    min_group_size: int = MIN_GROUP_SIZE,
) -> Calibration:
    used = cases.cases
    if not used:
        raise CasesError(w.NO_ROWS.later())
    total_points = sum(c.points for c in used)
    total_cost = sum((c.current_cost for c in used), Decimal(0))
    if total_points == 0:
        raise CasesError(w.NO_POINTS.later())
    if total_cost == 0:
        raise CasesError(w.NO_COST.later())
    allocation = scheme.allocation
    method = "rate" if allocation.rate_per_point is not None else "table"
    base = allocation.base.value if allocation.base is not None and method == "rate" else Decimal(0)
    count = len(used)
    exact = (total_cost - count * base) / total_points
    exact_for_target = None if target_total is None else (target_total - count * base) / total_points
    rate = round_rate(exact)
    rate_for_target = None if exact_for_target is None else round_rate(exact_for_target)
    used_rate = rate_for_target if rate_for_target is not None else rate
    warnings: list[str] = []
    if method == "rate":
        _check_rate(
            target_total if target_total is not None else total_cost,
            target_total is not None,
            base,
            count,
            total_points,
            used_rate,
        )
        if rate_for_target is not None and rate_for_target < rate:
            lower = money.round_tenth((rate - rate_for_target) / rate * HUNDRED)
            target_rate = pounds_rate(rate_for_target)
            warnings.append(
                w.LOWER.later(target=target_rate, rate=pounds_rate(rate), lower=lower, sufficient=SUFFICIENT)
            )
        rated = with_rate(scheme, used_rate)
    else:
        rated = scheme
        warnings.append(w.TABLE.later())
        if target_total is not None:
            warnings.append(w.TARGET_UNUSED.later(target=money.pounds_exact(target_total)))
    indicative = [amount_for(rated, c.points) for c in used]
    total_indicative = sum(indicative, Decimal(0))
    contingency = money.to_pence(total_indicative * contingency_percent / HUNDRED)
    median = Decimal(statistics.median(indicative)) if indicative else Decimal(0)
    band_width = min(WIDTHS, key=lambda width: abs(width - median / 10))
    overall_cpp = total_cost / total_points
    overall_share = total_indicative / total_cost

    def groups(key: Callable[[Case], str]) -> tuple[Group, ...]:
        return _groups(used, indicative, key, overall_cpp, overall_share, fairness_threshold, min_group_size)

    return Calibration(
        scheme=scheme,
        cases=cases,
        method=method,
        base=base,
        total_points=total_points,
        total_cost=total_cost,
        cost_per_point=overall_cpp,
        exact_rate=exact,
        rate_per_point=rate,
        target_total=target_total,
        exact_rate_for_target=exact_for_target,
        rate_for_target=rate_for_target,
        rate_used=used_rate,
        contingency_percent=contingency_percent,
        contingency=contingency,
        total_indicative=total_indicative,
        band_width=band_width,
        accuracy=_accuracy(scheme, used),
        by_care_group=groups(lambda c: c.care_group),
        by_age_band=groups(lambda c: c.age_band),
        fairness_threshold=fairness_threshold,
        min_group_size=min_group_size,
        fit=fit(used),
        shifts=shifts(used, indicative, min_group_size),
        warnings=tuple(warnings),
        points_and_costs=tuple((c.points, c.current_cost) for c in used),
        indicative=tuple(indicative),
    )


def rate_working(result: Calibration, lang: str = SOURCE) -> tuple[str, ...]:
    """How the rate (and the rate for a target total) was worked out, as sums to redo by hand, in `lang`."""
    count = len(result.cases.cases)

    def line(label: str, total: Decimal, exact: Decimal, rate: Decimal) -> str:
        sum_text = money.pounds_exact(total)
        if result.base:
            less = w.LESS_BASE.say(lang, total=sum_text, count=f"{count:,}", base=money.pounds_exact(result.base))
            sum_text = w.IN_BRACKETS.say(lang, sum=less)
        values = {"label": label, "sum": sum_text, "points": f"{result.total_points:,}", "rate": pounds_rate(rate)}
        if exact == rate:
            return w.EXACTLY.say(lang, **values)
        cut = exact.quantize(Decimal("0.000001"), rounding=ROUND_DOWN, context=money.CONTEXT)
        shown = pounds_rate(cut) + ("" if cut == exact else "...")
        return w.ROUNDED_RATE.say(lang, exact=shown, rounded=ROUNDED.say(lang), **values)

    lines = [line(w.RATE_LABEL.say(lang), result.total_cost, result.exact_rate, result.rate_per_point)]
    if result.target_total is not None and result.rate_for_target is not None:
        assert result.exact_rate_for_target is not None
        label = w.TARGET_LABEL.say(lang)
        lines.append(line(label, result.target_total, result.exact_rate_for_target, result.rate_for_target))
    return tuple(lines)


def _check_rate(total: Decimal, is_target: bool, base: Decimal, count: int, points: int, rate: Decimal) -> None:
    """A scheme's rate must be more than £0, so a new scheme could not be written otherwise."""
    what = (w.TARGET_TOTAL if is_target else w.TOTAL_COST).later()
    check = (w.LARGER_TARGET if is_target else w.CHECK_COST).later()
    if base and total <= count * base:
        check = (w.LARGER_TARGET if is_target else w.CHECK_BASE).later()
        raise CasesError(
            w.BASE_TOO_LARGE.later(
                base=money.pounds_exact(base),
                count=f"{count:,}",
                bases=money.pounds_exact(count * base),
                what=what,
                total=money.pounds_exact(total),
                check=check,
            )
        )
    if rate <= 0:
        less = f" - {count:,} × {money.pounds_exact(base)}" if base else ""
        total_text = money.pounds_exact(total)
        raise CasesError(
            w.ZERO_RATE.later(total=total_text, less=less, points=f"{points:,}", rounded=ROUNDED, check=check)
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
        source=w.FROM_COLUMN.later() if from_file else w.FROM_SCHEME.later(method=_method(scheme)),
    )


def _groups(
    used: tuple[Case, ...],
    indicative: list[Decimal],
    key: Callable[[Case], str],
    overall_cpp: Decimal,
    overall_share: Decimal,
    threshold: Decimal,
    min_group_size: int,
) -> tuple[Group, ...]:
    buckets: dict[str, list[int]] = {}
    for i, case in enumerate(used):
        buckets.setdefault(key(case), []).append(i)
    groups = []
    for name in sorted(buckets):
        members = buckets[name]
        points = sum(used[i].points for i in members)
        cost = sum((used[i].current_cost for i in members), Decimal(0))
        given = sum((indicative[i] for i in members), Decimal(0))
        count = Decimal(len(members))
        cpp = cost / points if points else None
        share = given / cost if cost else None
        differs = _round((cpp - overall_cpp) / overall_cpp * HUNDRED) if cpp is not None else None
        share_differs = (
            _round((share - overall_share) / overall_share * HUNDRED) if share is not None and overall_share else None
        )
        too_few = len(members) < min_group_size
        groups.append(
            Group(
                name=name,
                cases=len(members),
                mean_points=_round(Decimal(points) / count),
                cost_per_point=money.to_pence(cpp) if cpp is not None else None,
                mean_current_cost=money.to_pence(cost / count),
                mean_indicative=money.to_pence(given / count),
                differs_by=differs,
                share=None if share is None else _round(share * HUNDRED),
                share_differs_by=share_differs,
                too_few=too_few,
                flagged=not too_few and share_differs is not None and abs(share_differs) > threshold,
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


def _method(scheme: Scheme) -> Said:
    rate = scheme.allocation.rate_per_point
    if rate is None:
        return w.TABLE_METHOD.later()
    base = scheme.allocation.base
    if base is not None:
        return w.BASE_METHOD.later(base=money.pounds_exact(base.value), rate=pounds_rate(rate.value))
    return w.RATE_METHOD.later(rate=pounds_rate(rate.value))
