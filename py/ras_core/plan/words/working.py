"""The working for each line of a costed plan, as sentences a person can redo on paper.

`line_working(line, council)` gives the steps for one costed line, each a (text,
reference) pair: every figure shown as used, every product with its rounded result.
"""

from __future__ import annotations

from decimal import Decimal

from ...scheme.model import Reference
from ...scheme.money import number, pounds_exact, pounds_full, pounds_short
from ..cost import WEEKS, CostedLine
from ..employ import Employment, Part
from ..figures import Figure
from ..model import TIME_WORDS

Step = tuple[str, Reference | None]


def percent(figure: Figure | Decimal) -> str:
    value = figure.value if isinstance(figure, Figure) else figure
    return f"{number(value)}%"


def hours(value: Decimal) -> str:
    return f"{number(value)} {'hour' if value == 1 else 'hours'}"


def part_text(part: Part, whose: str = "") -> str:
    return (
        f"{TIME_WORDS[part.time][:1].upper()}{TIME_WORDS[part.time][1:]}: {hours(part.hours)} × "
        f"{pounds_full(part.rate)} an hour{whose} = {pounds_exact(part.amount)}."
    )


def line_working(line: CostedLine, council: str) -> list[Step]:
    if line.employment is not None:
        return [*_employment(line.employment, council), _week_and_year(line)]
    if line.kind == "agency":
        whose = f" ({council}'s rate)" if council else ""
        steps: list[Step] = [(part_text(p, whose), f.reference) for p, f in zip(line.parts, line.figures, strict=True)]
        return [*steps, _week_and_year(line)]
    if line.kind == "employment_allowance":
        return _allowance(line)
    if line.kind == "contingency":
        return [
            (
                f"{percent(line.percent)} of the other lines: {pounds_exact(line.base_weekly)} × "
                f"{percent(line.percent)} = {pounds_exact(line.weekly)} a week; {pounds_exact(line.base_yearly)} × "
                f"{percent(line.percent)} = {pounds_exact(line.yearly)} a year (each rounded to the penny).",
                None,
            )
        ]
    return [_cost(line)]


def _week_and_year(line: CostedLine) -> Step:
    return (
        f"A week: {pounds_exact(line.weekly)}. A year: {pounds_exact(line.weekly)} × {WEEKS} = "
        f"{pounds_exact(line.yearly)}.",
        None,
    )


def _cost(line: CostedLine) -> Step:
    reference = line.figures[0].reference if line.figures else None
    label = f"{line.figures[0].label}: " if line.figures else ""
    if line.basis == "week":
        text = f"{pounds_exact(line.cost)} a week × {WEEKS} = {pounds_exact(line.yearly)} a year."
    elif line.every == "month":
        text = (
            f"{pounds_exact(line.cost)} a month × 12 = {pounds_exact(line.yearly)} a year; "
            f"{pounds_exact(line.yearly)} ÷ {WEEKS} = {pounds_exact(line.weekly)} a week (rounded to the penny)."
        )
    elif line.every == "once":
        text = (
            f"{pounds_exact(line.cost)} once, spread over a year: {pounds_exact(line.yearly)} ÷ {WEEKS} = "
            f"{pounds_exact(line.weekly)} a week (rounded to the penny)."
        )
    else:
        text = (
            f"{label}{pounds_exact(line.yearly)} a year ÷ {WEEKS} = {pounds_exact(line.weekly)} a week "
            "(rounded to the penny)."
        )
    return text, reference


def _employment(job: Employment, council: str) -> list[Step]:
    steps: list[Step] = [(part_text(p), None) for p in job.parts]
    if job.sleep_in_nights:
        whose = f" ({council}'s flat rate)" if job.sleep_in_figure is not None and council else ""
        nights = "night" if job.sleep_in_nights == 1 else "nights"
        steps.append(
            (
                f"Sleep-in: {job.sleep_in_nights} {nights} × {pounds_full(job.sleep_in_rate)} a night{whose} = "
                f"{pounds_exact(job.sleep_in_amount)}. Time your personal assistant may sleep does not count for "
                "the minimum wage; time they are awake to work does, so plan it as waking hours.",
                job.sleep_rule.reference if job.sleep_rule else None,
            )
        )
    amounts = [p.amount for p in job.parts] + ([job.sleep_in_amount] if job.sleep_in_nights else [])
    if len(amounts) > 1:
        steps.append((f"Pay: {' + '.join(pounds_exact(a) for a in amounts)} = {pounds_exact(job.pay)}.", None))
    steps.append(
        (
            f"Holiday: {pounds_exact(job.pay)} × {percent(job.holiday_figure)} = {pounds_exact(job.holiday)} "
            f"(rounded to the penny). Every hour worked earns paid leave ({number(job.holiday_weeks.value)} weeks a "
            f"year for {number(WEEKS - job.holiday_weeks.value)} weeks of work), and the holiday pay pays for the "
            "leave and the cover while your personal assistant is away.",
            job.holiday_figure.reference,
        )
    )
    steps.append(
        (
            f"Earnings a week, with holiday: {pounds_exact(job.pay)} + {pounds_exact(job.holiday)} = "
            f"{pounds_exact(job.earnings)}.",
            None,
        )
    )
    threshold = pounds_short(job.ni_threshold.value)
    if job.national_insurance > 0:
        ni = (
            f"Employer's National Insurance: ({pounds_exact(job.earnings)} − {threshold}) × {percent(job.ni_rate)} "
            f"= {pounds_exact(job.national_insurance)} (rounded to the penny)."
        )
    else:
        ni = (
            f"Employer's National Insurance: {pounds_exact(job.earnings)} is not more than {threshold} a week, "
            "so there is none."
        )
    steps.append((ni, job.ni_rate.reference))
    steps.append((_pension(job), job.pension_rule.reference))
    extra = [pounds_exact(a) for a in (job.national_insurance, job.pension) if a > 0]
    if extra:
        steps.append(
            (
                f"Cost of employing them a week: {pounds_exact(job.earnings)} + {' + '.join(extra)} = "
                f"{pounds_exact(job.weekly)}.",
                None,
            )
        )
    return steps


def _pension(job: Employment) -> str:
    earnings = pounds_exact(job.earnings)
    trigger = pounds_short(job.pension_trigger.value)
    lower = pounds_short(job.pension_lower.value)
    upper = pounds_short(job.pension_upper.value)
    share = percent(job.pension_percent)
    counted = upper if job.earnings > job.pension_upper.value else earnings
    sum_text = f"({counted} − {lower}) × {share} = {pounds_exact(job.pension)} (rounded to the penny)"
    if job.pension_status == "enrolled":
        above = f" Earnings above {upper} a week are not counted." if counted == upper else ""
        return (
            f"Workplace pension: {earnings} is more than {trigger} a week, so if your personal assistant is aged 22 "
            "or over and under State Pension age you must enrol them; younger or older, they can ask to join. "
            f"Your contribution, at least {share} of their earnings above {lower}: {sum_text}.{above}"
        )
    if job.pension_status == "opted_in":
        return (
            f"Workplace pension: your personal assistant has asked to join. {earnings} is more than {lower} a week, "
            f"so you pay at least {share} of their earnings above {lower}: {sum_text}."
        )
    if job.pension_status == "under_22":
        return (
            "Workplace pension: your personal assistant is under 22, so you need not enrol them, whatever they earn. "
            f"If they ask to join, you pay at least {share} of their earnings above {lower} "
            "(this plan counts no contribution)."
        )
    if job.pension_status == "not_due":
        return (
            f"Workplace pension: {earnings} is not more than {trigger} a week, so you need not enrol your personal "
            f"assistant. If they ask to join, you pay at least {share} of their earnings above {lower} "
            "(this plan counts no contribution)."
        )
    return f"Workplace pension: {earnings} is not more than {lower} a week, so no employer's contribution is needed."


def _allowance(line: CostedLine) -> list[Step]:
    amount, eligibility = line.figures
    limit = pounds_short(amount.value)
    first: Step = (
        "Employment Allowance: you can claim it because you employ care and support workers. It is not paid to "
        "you: it lowers the employer's National Insurance you pay, up to "
        f"{limit} a year for all your personal assistants together.",
        eligibility.reference,
    )
    ni_week = pounds_exact(line.cost)
    if line.basis == "week":
        second = (
            f"Your employer's National Insurance is {ni_week} a week, {pounds_exact(-line.yearly)} a year "
            f"({ni_week} × {WEEKS}), within {limit}: all of it is taken off.",
            amount.reference,
        )
    else:
        second = (
            f"Your employer's National Insurance is {ni_week} a week, {pounds_exact(line.cost * WEEKS)} a year, "
            f"more than {limit}: {limit} is taken off, {limit} ÷ {WEEKS} = {pounds_exact(-line.weekly)} a week "
            "(rounded to the penny).",
            amount.reference,
        )
    return [first, second]
