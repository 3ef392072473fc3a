"""How well points explain cost, and who would go up or down: the statistics a finance
officer asks for beside the rate.

- `fit`: R² of current cost on points (the share of the variation in cost that a
  straight line through the points explains: the squared correlation, worked out in
  Decimal as Sxy² ÷ (Sxx × Syy)), and the spread of cost per point across cases
  (lower quartile, median and upper quartile, by `statistics.quantiles`' inclusive
  method).
- `shifts`: each case's indicative amount minus its current cost, counted up, down and
  the same, with the median change in pounds and as a share of current cost; for all
  cases and for each group. A group with fewer cases than the minimum group size is
  marked too few to judge.

Everything is Decimal, so CPython and Pyodide give the same digits.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ..i18n import SOURCE, message
from ..scheme import money
from .cases import Case

HUNDRED = Decimal(100)


@dataclass(frozen=True, slots=True, kw_only=True)
class Fit:
    cases: int
    r_squared: Decimal | None  # None when every case has the same points, or the same cost
    cost_per_point_quartiles: tuple[Decimal, Decimal, Decimal] | None  # lower, median, upper; None under 2 cases
    cases_without_points: int  # cases with 0 points have no cost per point


@dataclass(frozen=True, slots=True, kw_only=True)
class Shift:
    name: str  # "all cases", or the group's name
    cases: int
    up: int
    down: int
    same: int
    median_change: Decimal  # pounds a week, indicative minus current
    median_percent: Decimal | None  # of current cost, over cases costing more than £0
    too_few: bool  # fewer cases than the minimum group size


@dataclass(frozen=True, slots=True, kw_only=True)
class Shifts:
    overall: Shift
    by_care_group: tuple[Shift, ...]
    by_age_band: tuple[Shift, ...]


def fit(used: Sequence[Case]) -> Fit:
    """R² of current cost on points, and the spread of cost per point."""
    n = len(used)
    r_squared = None
    if n >= 2:
        # In whole points and whole pence (costs are read to the penny), so the sums are exact integers.
        xs = [c.points for c in used]
        ys = [int(c.current_cost.scaleb(2, money.CONTEXT)) for c in used]
        sum_x, sum_y = sum(xs), sum(ys)
        sxx = n * sum(x * x for x in xs) - sum_x * sum_x
        syy = n * sum(y * y for y in ys) - sum_y * sum_y
        sxy = n * sum(x * y for x, y in zip(xs, ys, strict=True)) - sum_x * sum_y
        if sxx and syy:
            r_squared = Decimal(sxy * sxy) / Decimal(sxx * syy)
    per_point = sorted(c.current_cost / c.points for c in used if c.points)
    quartiles = None
    if len(per_point) >= 2:
        q1, q2, q3 = statistics.quantiles(per_point, n=4, method="inclusive")
        quartiles = (Decimal(q1), Decimal(q2), Decimal(q3))
    return Fit(
        cases=n,
        r_squared=r_squared,
        cost_per_point_quartiles=quartiles,
        cases_without_points=sum(1 for c in used if not c.points),
    )


_ALL_CASES = message("all cases", context="group", note="The row of a table that counts every case.")
_NO_FIT = message(
    "How well points explain cost cannot be worked out: it needs at least 2 cases with different points and "
    "different costs."
)
_FIT = {
    "closely": message(
        "Points explain {share}% of the differences in current cost between cases (R² = {r2}), so points follow "
        "cost closely."
    ),
    "partly": message(
        "Points explain {share}% of the differences in current cost between cases (R² = {r2}), so points follow "
        "cost partly."
    ),
    "poorly": message(
        "Points explain {share}% of the differences in current cost between cases (R² = {r2}), so points follow "
        "cost poorly."
    ),
}
_CHECK_QUESTIONS = message(
    "Much of what cases cost is not explained by their points: check the questions and their points before "
    "relying on the rate."
)
_MIDDLE_HALF = message(
    "Half of the cases cost between {low} and {high} a point (the middle half; the median is {middle}); a quarter "
    "cost less and a quarter more."
)


def fit_sentence(result: Fit, lang: str = SOURCE) -> str:
    """What the fit means, in plain words, in `lang`."""
    parts = []
    if result.r_squared is None:
        parts.append(_NO_FIT.say(lang))
    else:
        share = money.round_whole(result.r_squared * HUNDRED)
        strength = (
            "closely"
            if result.r_squared >= Decimal("0.7")
            else "partly"
            if result.r_squared >= Decimal("0.4")
            else "poorly"
        )
        parts.append(_FIT[strength].say(lang, share=share, r2=two_places(result.r_squared)))
        if strength != "closely":
            parts.append(_CHECK_QUESTIONS.say(lang))
    if result.cost_per_point_quartiles is not None:
        low, middle, high = result.cost_per_point_quartiles
        parts.append(
            _MIDDLE_HALF.say(
                lang, low=money.pounds_exact(low), high=money.pounds_exact(high), middle=money.pounds_exact(middle)
            )
        )
    return " ".join(parts)


def two_places(value: Decimal) -> Decimal:
    """A ratio such as R² to 2 decimal places, halves up."""
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP, context=money.CONTEXT)


def shifts(
    used: Sequence[Case],
    indicative: Sequence[Decimal],
    min_group_size: int,
) -> Shifts:
    """Who would go up or down if the indicative amounts replaced current costs."""
    changes = [amount - case.current_cost for case, amount in zip(used, indicative, strict=True)]
    percents = [
        change / case.current_cost * HUNDRED if case.current_cost else None
        for case, change in zip(used, changes, strict=True)
    ]
    measured = _Changes(changes=changes, percents=percents)
    return Shifts(
        overall=_shift(_ALL_CASES.later(), list(range(len(used))), measured, 0),
        by_care_group=_grouped(used, measured, lambda c: c.care_group, min_group_size),
        by_age_band=_grouped(used, measured, lambda c: c.age_band, min_group_size),
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class _Changes:
    changes: list[Decimal]  # each case's indicative minus current cost
    percents: list[Decimal | None]  # as a % of current cost; None when it costs £0


def _grouped(
    used: Sequence[Case], measured: _Changes, key: Callable[[Case], str], min_group_size: int
) -> tuple[Shift, ...]:
    buckets: dict[str, list[int]] = {}
    for i, case in enumerate(used):
        buckets.setdefault(key(case), []).append(i)
    return tuple(_shift(name, buckets[name], measured, min_group_size) for name in sorted(buckets))


def _shift(name: str, members: list[int], measured: _Changes, min_group_size: int) -> Shift:
    changes = [measured.changes[i] for i in members]
    percents = [p for p in (measured.percents[i] for i in members) if p is not None]
    return Shift(
        name=name,
        cases=len(members),
        up=sum(1 for c in changes if c > 0),
        down=sum(1 for c in changes if c < 0),
        same=sum(1 for c in changes if c == 0),
        median_change=money.to_pence(Decimal(statistics.median(changes))) if changes else Decimal(0),
        median_percent=money.round_tenth(Decimal(statistics.median(percents))) if percents else None,
        too_few=len(members) < min_group_size,
    )
