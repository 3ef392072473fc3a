"""The sums: what a person might pay each week towards the cost of their care, by nation.

The cost of care is the estimate's weekly amount (the exact figure its band is rounded
from; a yearly scheme's amount divided by its weeks a year). Then, by the nation's rules:

- England: savings over the upper capital limit mean the full cost. Otherwise the
  income that counts, plus tariff income from savings between the limits, less the
  minimum income guarantee (by age, with the disability premiums under Pension Credit
  age), housing costs and disability-related spending, times the council's percentage;
  never below £0 or above the cost of care.
- Wales: savings over the capital limit mean the cost of care up to the maximum weekly
  charge. Otherwise at most the income that counts less housing costs and
  disability-related spending (the minimum income amount depends on the person's own
  benefit entitlement, not worked out here), and never more than the maximum weekly
  charge: always "at most".
- Scotland: personal care is free; other support is charged under the council's own
  policy, which is not estimated.

A savings band is worked out at both its edges, so the result is a range. An answer the
person would rather not give either stops the figure (income that counts, savings) or
makes it "at most" (a deduction taken as £0, the lowest minimum income guarantee).
Every sum is exact (Decimal); the one rounding, after the council's percentage, is to
the penny, halves up (`scheme.money.to_pence`).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from typing import NamedTuple

from ..scheme import money
from ..scheme.model import Scheme
from .answers import MoneyAnswers
from .rules import CouncilCharging, Figure, IncomeRule, NationCharging, Row, SavingsBand

ZERO = Decimal(0)


class Used(NamedTuple):
    """A figure as it was used: its row on the day, and whether a newer one was not found."""

    figure: Figure
    row: Row
    gap: bool


class Income(NamedTuple):
    id: str
    amount: Decimal | None  # None: the person would rather not say
    rule: IncomeRule | None


class Sums(NamedTuple):
    """One run of England's or Wales's sum at one amount of savings."""

    capital: Decimal
    over_limit: bool
    tariff: Decimal
    chargeable: Decimal
    charged: Decimal  # after the council's percentage, rounded to the penny
    person: Decimal  # never above the cost of care (or the Welsh maximum)


@dataclass(frozen=True, slots=True, kw_only=True)
class Contribution:
    nation: NationCharging
    council: CouncilCharging
    answers: MoneyAnswers
    on: datetime.date
    period: str
    amount: Decimal  # the estimate's amount, a `period`
    weeks: Decimal | None  # weeks a year, when the scheme's amount is yearly
    cost: Decimal  # the weekly cost of care used
    individually_costed: bool
    outcome: str  # "figure", "at_most", "rule", "full_cost", "free"
    missing: tuple[str, ...]  # answers not given that matter here
    band: SavingsBand | None
    income: tuple[Income, ...]
    counted: Decimal | None  # income that counts, when every counted type was given
    mig: tuple[Used, ...]  # the minimum income guarantee's parts (England)
    housing: Decimal | None
    disability_costs: Decimal | None
    disability_costs_from: str  # "answer", "council", "none", "not_allowed" or "not_in_rules"
    percentage: Used | None
    maximum: Used | None  # Wales
    limits: tuple[Used, ...]  # the capital limits and tariff figures used
    low: Sums | None
    high: Sums | None
    for_someone_else: bool = False  # answered for another person: the words speak of "them"

    @property
    def person(self) -> tuple[Decimal, Decimal] | None:
        """What the person would pay, from the band's lower edge to its upper."""
        if self.outcome == "free":
            return ZERO, ZERO
        if self.outcome == "full_cost":
            return self.cost, self.cost
        if self.outcome == "rule" or self.low is None or self.high is None:
            return None
        return self.low.person, self.high.person

    @property
    def council_pays(self) -> tuple[Decimal, Decimal] | None:
        """What the council would pay: the cost less the person's part (high, then low)."""
        person = self.person
        return None if person is None else (self.cost - person[1], self.cost - person[0])

    def used(self) -> tuple[Used, ...]:
        """Every figure used, in the order the working uses them."""
        out = [*self.limits, *self.mig]
        out += [u for u in (self.percentage, self.maximum) if u is not None]
        return tuple(out)


def weekly_cost(scheme: Scheme, amount: Decimal) -> tuple[Decimal, Decimal | None]:
    """The weekly cost of care from the estimate's amount (a yearly amount divided by the
    scheme's weeks a year, to the penny)."""
    if scheme.period == "week":
        return amount, None
    weeks = scheme.weeks_per_year.value
    return money.to_pence(amount / weeks), weeks


def contribution(
    nation: NationCharging,
    council: CouncilCharging,
    answers: MoneyAnswers,
    *,
    scheme: Scheme,
    amount: Decimal,
    individually_costed: bool,
    on: datetime.date,
    for_someone_else: bool = False,
) -> Contribution:
    cost, weeks = weekly_cost(scheme, amount)
    income = tuple(Income(ident, answers.income.get(ident), nation.income.get(ident)) for ident in answers.income)
    unknown = [i.id for i in income if i.amount is None and i.rule is not None and i.rule.counts]
    counted = None if unknown else sum((i.amount or ZERO for i in income if i.rule and i.rule.counts), ZERO)
    band = nation.band(answers.savings) if answers.savings is not None else None
    common = {
        "nation": nation,
        "council": council,
        "answers": answers,
        "on": on,
        "period": scheme.period,
        "amount": amount,
        "weeks": weeks,
        "cost": cost,
        "individually_costed": individually_costed,
        "band": band,
        "income": income,
        "counted": counted,
        "for_someone_else": for_someone_else,
    }
    if nation.method == "scotland":
        return Contribution(
            **common,  # type: ignore[arg-type]
            outcome="free",
            missing=(),
            mig=(),
            housing=None,
            disability_costs=None,
            disability_costs_from="none",
            percentage=None,
            maximum=None,
            limits=(),
            low=None,
            high=None,
        )
    care = next((i.amount for i in income if i.id == "care_benefit"), None)
    if "disability_costs" not in nation.rules:
        # The nation's rules on it were not confirmed: nothing is taken off, so an "at
        # most" figure stays a true upper bound.
        dre, dre_from = ZERO, "not_in_rules"
    elif care is not None and care > 0:
        if answers.disability_costs is not None:
            dre, dre_from = answers.disability_costs, "answer"
        else:
            row = _use(council.figures.get("disability_costs_allowance"), on)
            dre, dre_from = (row.row.value, "council") if row is not None else (ZERO, "none")
    else:
        dre, dre_from = ZERO, "not_allowed"
    housing = answers.housing
    percentage = _use(council.figures.get("percentage_charged"), on)
    share = percentage.row.value if percentage is not None else Decimal(100)
    missing = [f"income.{ident}" for ident in unknown]
    if answers.savings is None:
        missing.append("savings")
    bounded = housing is None or dre_from == "none"
    if nation.method == "england":
        limits = tuple(_need(nation, k, on) for k in ("capital_lower", "capital_upper", "tariff_step", "tariff_amount"))
        mig, mig_bounded = _mig(nation, answers, on)
        allowances = sum((u.row.value for u in mig), ZERO) + (housing or ZERO) + dre

        def run(capital: Decimal) -> Sums:
            return _england(limits, capital, counted or ZERO, allowances, share, cost)

        maximum = None
        bounded = bounded or mig_bounded
    else:
        limits = (_need(nation, "capital_limit", on),)
        maximum = _need(nation, "maximum_weekly_charge", on)
        mig = ()
        cap = min(cost, maximum.row.value)

        def run(capital: Decimal) -> Sums:
            return _wales(limits[0], capital, counted, (housing or ZERO) + dre, share, cap)

        bounded = True  # the minimum income amount is not worked out here
    low = high = None
    if band is not None:
        low = run(band.low)
        high = run(band.high if band.high is not None else band.low)
    if nation.method == "england" and low is not None and low.over_limit:
        outcome = "full_cost"
    elif nation.method == "wales" and low is not None and low.over_limit:
        outcome = "figure"
    elif band is None or counted is None:
        outcome = "rule"
        if maximum is not None:  # Wales: never more than the maximum weekly charge
            outcome = "at_most"
            low = high = _wales(limits[0], ZERO, None, ZERO, share, min(cost, maximum.row.value))
    else:
        outcome = "at_most" if bounded else "figure"
    return Contribution(
        **common,  # type: ignore[arg-type]
        outcome=outcome,
        missing=tuple(missing),
        mig=mig,
        housing=housing,
        disability_costs=dre if dre_from in ("answer", "council") else None,
        disability_costs_from=dre_from,
        percentage=percentage,
        maximum=maximum,
        limits=limits,
        low=low,
        high=high,
    )


def tariff(capital: Decimal, lower: Decimal, step: Decimal, per_step: Decimal) -> Decimal:
    """£1 (`per_step`) a week for every £250 (`step`), or part of it, over the lower limit."""
    if capital <= lower:
        return ZERO
    # Rounded up: a part of a step counts as a whole step.
    steps = ((capital - lower) / step).to_integral_value(rounding=ROUND_CEILING, context=money.CONTEXT)
    return steps * per_step


def _england(
    limits: tuple[Used, ...], capital: Decimal, counted: Decimal, allowances: Decimal, share: Decimal, cost: Decimal
) -> Sums:
    lower, upper, step, per_step = (u.row.value for u in limits)
    if capital > upper:
        return Sums(capital, True, ZERO, ZERO, cost, cost)
    extra = tariff(capital, lower, step, per_step)
    chargeable = max(ZERO, counted + extra - allowances)
    charged = money.to_pence(chargeable * share / 100)
    return Sums(capital, False, extra, chargeable, charged, min(charged, cost))


def _wales(
    limit: Used, capital: Decimal, counted: Decimal | None, allowances: Decimal, share: Decimal, cap: Decimal
) -> Sums:
    if capital > limit.row.value:
        return Sums(capital, True, ZERO, ZERO, cap, cap)
    if counted is None:
        return Sums(capital, False, ZERO, ZERO, cap, cap)
    chargeable = max(ZERO, counted - allowances)
    charged = money.to_pence(chargeable * share / 100)
    return Sums(capital, False, ZERO, chargeable, charged, min(charged, cap))


def _mig(nation: NationCharging, answers: MoneyAnswers, on: datetime.date) -> tuple[tuple[Used, ...], bool]:
    """The minimum income guarantee's parts, and whether it is a lower bound (an answer
    was not given, so the smallest amount that could apply is used)."""
    bases = {"18-24": "mig_18_24", "25-pension": "mig_25_pension", "pension": "mig_pension"}
    if answers.age is None:
        smallest = min((_need(nation, f, on) for f in bases.values()), key=lambda u: u.row.value)
        return (smallest,), True
    parts = [_need(nation, bases[answers.age], on)]
    if answers.age == "pension":
        return tuple(parts), False
    if answers.care_rate in ("lower", "higher"):
        parts.append(_need(nation, "disability_premium", on))
    if answers.care_rate == "higher":
        parts.append(_need(nation, "enhanced_disability_premium", on))
    return tuple(parts), answers.care_rate is None


def _use(figure: Figure | None, on: datetime.date) -> Used | None:
    row = None if figure is None else figure.on(on)
    return None if figure is None or row is None else Used(figure, row, row.gap(on))


def _need(nation: NationCharging, ident: str, on: datetime.date) -> Used:
    used = _use(nation.figures[ident], on)
    if used is None:
        raise NoFigure(nation.figures[ident], on)
    return used


class NoFigure(Exception):
    """A figure with no row in force on the day (the day is before its first row)."""

    def __init__(self, figure: Figure, on: datetime.date) -> None:
        self.figure = figure
        self.on = on
        super().__init__(f"{figure.label}: no figure in force on {on.isoformat()}")
