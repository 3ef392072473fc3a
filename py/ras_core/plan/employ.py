"""The true weekly cost of employing one personal assistant (PA), worked out exactly.

For an average week, in this order, each product rounded to the penny (halves up,
`scheme.money.to_pence`) before it is added, so the working adds up on paper:

1. pay: hours × the hourly rate for each time of the week (weekday, evening, weekend,
   waking night), plus sleep-in nights × the flat rate a night. Time the PA may sleep
   on a sleep-in does not count for the minimum wage (Royal Mencap Society v
   Tomlinson-Blake [2021] UKSC 8); time awake to work does, so it is planned as hours;
2. holiday: pay × the holiday accrual percentage (12.07%: 5.6 weeks of leave for 46.4
   weeks of work). Paying it on every hour of support pays for the PA's leave and the
   cover while they are away;
3. earnings = pay + holiday (holiday pay is pay, for National Insurance and pension);
4. employer's National Insurance: (earnings − the weekly secondary threshold) × the
   rate, when earnings are above the threshold (the Employment Allowance is taken
   off for the whole plan, in `cost.py`, as it is one allowance for the employer);
5. pension: when earnings are above the weekly earnings trigger and the PA's age band
   is not under 21 (or the PA has asked to join and earns above the lower level), (the
   lesser of earnings and the upper level − the lower level) × the employer's minimum
   percentage;
6. the week's cost = earnings + National Insurance + pension.

Each hourly rate is checked against the minimum wage for the PA's age band in force
on the plan's date, and against the council's own pay commitment where it has one.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from ..i18n import message
from ..scheme.errors import Problem
from ..scheme.money import HUNDRED, to_pence
from .figures import Figure, Figures, FiguresError
from .model import TIMES, PlanLine

# Age bands whose PAs are all under 22, the youngest age at which a worker must be enrolled.
UNDER_22 = frozenset({"age_18_to_20", "age_16_to_17"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Part:
    """Hours at one time of the week: hours × rate = amount."""

    time: str
    hours: Decimal
    rate: Decimal
    amount: Decimal


@dataclass(frozen=True, slots=True, kw_only=True)
class Employment:
    """One PA's average week, every figure used and every result (see the module)."""

    parts: tuple[Part, ...]
    sleep_in_nights: int
    sleep_in_rate: Decimal
    sleep_in_figure: Figure | None  # the council's flat rate, when the plan gives none
    sleep_in_amount: Decimal
    sleep_rule: Figure | None  # Tomlinson-Blake, when there are sleep-ins
    pay: Decimal
    holiday_weeks: Figure
    holiday_figure: Figure
    holiday: Decimal
    earnings: Decimal
    ni_rate: Figure
    ni_threshold: Figure
    national_insurance: Decimal
    pension_trigger: Figure
    pension_lower: Figure
    pension_upper: Figure
    pension_percent: Figure
    pension_rule: Figure
    pension_status: str  # "enrolled", "opted_in", "not_due", "under_22" or "below_lower"
    pensionable: Decimal
    pension: Decimal
    weekly: Decimal
    age_band: str
    minimum_wage: Figure
    below_minimum: tuple[Part, ...]
    commitment: Figure | None
    below_commitment: tuple[Part, ...]


_NO_ROW = message(
    "no figure in force on {day} (the plan's date); the first starts on {first}: add a row for that date",
    context="problem",
)


def need(figures: Figures, key: str, day: datetime.date) -> Figure:
    """The row of `key` in force on `day`; a plan dated before every row is a problem."""
    found = figures.on(key, day)
    if found is None:
        first = min(row.start for row in figures.rows[key])
        said = _NO_ROW.later(day=day.isoformat(), first=first.isoformat())
        raise FiguresError(figures.source, [Problem(path=key, message=said)])
    return found


def percent_of(amount: Decimal, figure: Figure) -> Decimal:
    return to_pence(amount * figure.value / HUNDRED)


def employ(line: PlanLine, day: datetime.date, law: Figures, costs: Figures) -> Employment:
    """One PA's week (a `pa` line), on the plan's date."""
    parts = tuple(
        Part(time=t, hours=line.hours[t], rate=line.rates[t], amount=to_pence(line.hours[t] * line.rates[t]))
        for t in TIMES
        if t in line.hours
    )
    sleep_figure = None
    sleep_rate = line.sleep_in_rate if line.sleep_in_rate is not None else Decimal(0)
    if line.sleep_in_nights and line.sleep_in_rate is None:
        sleep_figure = need(costs, "pa.sleep_in_night", day)
        sleep_rate = sleep_figure.value
    sleep_amount = to_pence(line.sleep_in_nights * sleep_rate)
    pay = sum((p.amount for p in parts), Decimal(0)) + sleep_amount

    holiday_figure = need(law, "holiday.accrual_percent", day)
    holiday = percent_of(pay, holiday_figure)
    earnings = pay + holiday

    ni_rate = need(law, "national_insurance.employer_rate", day)
    ni_threshold = need(law, "national_insurance.secondary_threshold_week", day)
    above = earnings - ni_threshold.value
    national_insurance = percent_of(above, ni_rate) if above > 0 else Decimal("0.00")

    trigger = need(law, "pension.earnings_trigger_week", day)
    lower = need(law, "pension.qualifying_lower_week", day)
    upper = need(law, "pension.qualifying_upper_week", day)
    share = need(law, "pension.employer_minimum_percent", day)
    # The duty to enrol starts when earnings are more than the trigger, for a worker aged
    # 22 or over (an age band under 21 never is); any other PA may ask to join, and the
    # employer pays in when they earn more than the lower level.
    if earnings > trigger.value and line.age_band not in UNDER_22:
        status = "enrolled"
    elif earnings <= lower.value:
        status = "below_lower"
    elif line.pension_opt_in:
        status = "opted_in"
    else:
        status = "under_22" if line.age_band in UNDER_22 else "not_due"
    pensionable = min(earnings, upper.value) - lower.value if status in ("enrolled", "opted_in") else Decimal(0)
    pension = percent_of(pensionable, share) if pensionable > 0 else Decimal("0.00")

    minimum = need(law, f"minimum_wage.{line.age_band}", day)
    commitment = costs.on("pa.pay_commitment", day)
    return Employment(
        parts=parts,
        sleep_in_nights=line.sleep_in_nights,
        sleep_in_rate=sleep_rate,
        sleep_in_figure=sleep_figure,
        sleep_in_amount=sleep_amount,
        sleep_rule=need(law, "sleep_in.not_counted", day) if line.sleep_in_nights else None,
        pay=pay,
        holiday_weeks=need(law, "holiday.weeks", day),
        holiday_figure=holiday_figure,
        holiday=holiday,
        earnings=earnings,
        ni_rate=ni_rate,
        ni_threshold=ni_threshold,
        national_insurance=national_insurance,
        pension_trigger=trigger,
        pension_lower=lower,
        pension_upper=upper,
        pension_percent=share,
        pension_rule=need(law, "pension.who_is_enrolled", day),
        pension_status=status,
        pensionable=pensionable,
        pension=pension,
        weekly=earnings + national_insurance + pension,
        age_band=line.age_band,
        minimum_wage=minimum,
        below_minimum=tuple(p for p in parts if p.rate < minimum.value),
        commitment=commitment,
        below_commitment=tuple(p for p in parts if commitment is not None and p.rate < commitment.value),
    )
