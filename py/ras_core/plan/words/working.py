"""The working for each line of a costed plan, as sentences a person can redo on paper.

`line_working(line, council, lang)` gives the steps for one costed line, each a (text,
reference) pair: every figure shown as used, every product with its rounded result. The
sentences are messages (`ras_core.i18n`), said in `lang` (English unless another is
named); the figures' labels (content/employment.toml, content/plan-costs.toml) are data,
in English.
"""

from __future__ import annotations

from decimal import Decimal

from ...i18n import SOURCE, message, plural_message
from ...scheme._reader import say
from ...scheme.model import Reference
from ...scheme.money import number, pounds_exact, pounds_full, pounds_short
from ..cost import WEEKS, CostedLine
from ..employ import Employment, Part
from ..figures import Figure
from ..model import TIME_WORDS

Step = tuple[str, Reference | None]

_HOUR = message("{hours} hour", note="A number of hours, 1 (the English's singular): 1 hour.")
_HOURS = message("{hours} hours", note="A number of hours other than 1, which may be a fraction: 7.5 hours.")
_PART = message("{time}: {hours} × {rate} an hour = {amount}.", note="Weekday daytime: 7.5 hours × £15.50 an hour.")
_PART_AT = message(
    "{time}: {hours} × {rate} an hour ({council}'s rate) = {amount}.",
    note="Agency hours at the council's rate: Weekend: 2 hours × £27.50 an hour (Example Council's rate) = £55.00.",
)
_CONTINGENCY = message(
    "{percent} of the other lines: {base_weekly} × {percent} = {weekly} a week; {base_yearly} × {percent} = "
    "{yearly} a year (each rounded to the penny).",
    note="A contingency: 3% of the other lines.",
)
_WEEK_AND_YEAR = message("A week: {weekly}. A year: {weekly} × {weeks} = {yearly}.")
_WEEKLY = message("{cost} a week × {weeks} = {yearly} a year.")
_MONTHLY = message(
    "{cost} a month × 12 = {yearly} a year; {yearly} ÷ {weeks} = {weekly} a week (rounded to the penny)."
)
_ONCE = message("{cost} once, spread over a year: {yearly} ÷ {weeks} = {weekly} a week (rounded to the penny).")
_YEARLY = message("{yearly} a year ÷ {weeks} = {weekly} a week (rounded to the penny).")
_LABELLED = message(
    "{label}: {yearly} a year ÷ {weeks} = {weekly} a week (rounded to the penny).",
    note="{label} is the council's name for the cost, in Welsh where its costs file gives it: Payroll service, a year.",
)
_NIGHTS = plural_message("{n} night", "{n} nights", note="Sleep-in nights a week, 1 to 7.")
_SLEEP_IN = message(
    "Sleep-in: {nights} × {rate} a night = {amount}. Time your personal assistant may sleep does not count for "
    "the minimum wage; time they are awake to work does, so plan it as waking hours."
)
_SLEEP_IN_AT = message(
    "Sleep-in: {nights} × {rate} a night ({council}'s flat rate) = {amount}. Time your personal assistant may "
    "sleep does not count for the minimum wage; time they are awake to work does, so plan it as waking hours."
)
_PAY = message("Pay: {sum} = {pay}.", note="Pay: £116.25 + £20.00 = £136.25.")
_HOLIDAY = message(
    "Holiday: {pay} × {percent} = {holiday} (rounded to the penny). Every hour worked earns paid leave ({weeks} "
    "weeks a year for {working} weeks of work), and the holiday pay pays for the leave and the cover while your "
    "personal assistant is away."
)
_EARNINGS = message("Earnings a week, with holiday: {pay} + {holiday} = {earnings}.")
_NI = message("Employer's National Insurance: ({earnings} − {threshold}) × {rate} = {ni} (rounded to the penny).")
_NO_NI = message("Employer's National Insurance: {earnings} is not more than {threshold} a week, so there is none.")
_COST_OF_EMPLOYING = message("Cost of employing them a week: {sum} = {weekly}.")
_PENSION_SUM = message(
    "({counted} − {lower}) × {share} = {pension} (rounded to the penny)",
    note="The employer's pension contribution, worked out; it ends the sentences about the pension.",
)
_ABOVE_UPPER = message("Earnings above {upper} a week are not counted.")
_ENROLLED = message(
    "Workplace pension: {earnings} is more than {trigger} a week, so if your personal assistant is aged 22 or over "
    "and under State Pension age you must enrol them; younger or older, they can ask to join. Your contribution, "
    "at least {share} of their earnings above {lower}: {sum}."
)
_OPTED_IN = message(
    "Workplace pension: your personal assistant has asked to join. {earnings} is more than {lower} a week, so you "
    "pay at least {share} of their earnings above {lower}: {sum}."
)
_UNDER_22 = message(
    "Workplace pension: your personal assistant is under 22, so you need not enrol them, whatever they earn. If "
    "they ask to join, you pay at least {share} of their earnings above {lower} (this plan counts no contribution)."
)
_NOT_DUE = message(
    "Workplace pension: {earnings} is not more than {trigger} a week, so you need not enrol your personal "
    "assistant. If they ask to join, you pay at least {share} of their earnings above {lower} (this plan counts "
    "no contribution)."
)
_BELOW_LOWER = message(
    "Workplace pension: {earnings} is not more than {lower} a week, so no employer's contribution is needed."
)
_ALLOWANCE = message(
    "Employment Allowance: you can claim it because you employ care and support workers. It is not paid to you: "
    "it lowers the employer's National Insurance you pay, up to {limit} a year for all your personal assistants "
    "together."
)
_ALLOWANCE_ALL = message(
    "Your employer's National Insurance is {ni} a week, {yearly} a year ({ni} × {weeks}), within {limit}: all of "
    "it is taken off."
)
_ALLOWANCE_LIMIT = message(
    "Your employer's National Insurance is {ni} a week, {yearly} a year, more than {limit}: {limit} is taken off, "
    "{limit} ÷ {weeks} = {weekly} a week (rounded to the penny)."
)


def percent(figure: Figure | Decimal) -> str:
    value = figure.value if isinstance(figure, Figure) else figure
    return f"{number(value)}%"


def hours(value: Decimal, lang: str = SOURCE) -> str:
    return (_HOUR if value == 1 else _HOURS).say(lang, hours=number(value))


def time_words(time: str, lang: str = SOURCE) -> str:
    said = TIME_WORDS[time].say(lang)
    return said[:1].upper() + said[1:]


def part_text(part: Part, council: str = "", lang: str = SOURCE) -> str:
    """One time of the week's hours × rate; with `council`, at that council's rate."""
    said = _PART_AT if council else _PART
    values = {"hours": hours(part.hours, lang), "rate": pounds_full(part.rate), "amount": pounds_exact(part.amount)}
    return said.say(lang, time=time_words(part.time, lang), council=council, **values)


def line_working(line: CostedLine, council: str, lang: str = SOURCE) -> list[Step]:
    if line.employment is not None:
        return [*_employment(line.employment, council, lang), _week_and_year(line, lang)]
    if line.kind == "agency":
        steps: list[Step] = [
            (part_text(p, council, lang), f.reference) for p, f in zip(line.parts, line.figures, strict=True)
        ]
        return [*steps, _week_and_year(line, lang)]
    if line.kind == "employment_allowance":
        return _allowance(line, lang)
    if line.kind == "contingency":
        said = _CONTINGENCY.say(
            lang,
            percent=percent(line.percent),
            base_weekly=pounds_exact(line.base_weekly),
            weekly=pounds_exact(line.weekly),
            base_yearly=pounds_exact(line.base_yearly),
            yearly=pounds_exact(line.yearly),
        )
        return [(said, None)]
    return [_cost(line, lang)]


def _week_and_year(line: CostedLine, lang: str) -> Step:
    said = _WEEK_AND_YEAR.say(lang, weekly=pounds_exact(line.weekly), weeks=WEEKS, yearly=pounds_exact(line.yearly))
    return said, None


def _cost(line: CostedLine, lang: str) -> Step:
    reference = line.figures[0].reference if line.figures else None
    values = {
        "cost": pounds_exact(line.cost),
        "weekly": pounds_exact(line.weekly),
        "yearly": pounds_exact(line.yearly),
        "weeks": WEEKS,
    }
    if line.basis == "week":
        text = _WEEKLY.say(lang, **values)
    elif line.every == "month":
        text = _MONTHLY.say(lang, **values)
    elif line.every == "once":
        text = _ONCE.say(lang, **values)
    elif line.figures:
        text = _LABELLED.say(lang, label=say(line.figures[0], "label", lang), **values)
    else:
        text = _YEARLY.say(lang, **values)
    return text, reference


def _employment(job: Employment, council: str, lang: str) -> list[Step]:
    steps: list[Step] = [(part_text(p, lang=lang), None) for p in job.parts]
    if job.sleep_in_nights:
        at_council = job.sleep_in_figure is not None and council
        said = (_SLEEP_IN_AT if at_council else _SLEEP_IN).say(
            lang,
            nights=_NIGHTS.say(lang, n=job.sleep_in_nights),
            rate=pounds_full(job.sleep_in_rate),
            council=council,
            amount=pounds_exact(job.sleep_in_amount),
        )
        steps.append((said, job.sleep_rule.reference if job.sleep_rule else None))
    amounts = [p.amount for p in job.parts] + ([job.sleep_in_amount] if job.sleep_in_nights else [])
    if len(amounts) > 1:
        added = " + ".join(pounds_exact(a) for a in amounts)
        steps.append((_PAY.say(lang, sum=added, pay=pounds_exact(job.pay)), None))
    holiday = _HOLIDAY.say(
        lang,
        pay=pounds_exact(job.pay),
        percent=percent(job.holiday_figure),
        holiday=pounds_exact(job.holiday),
        weeks=number(job.holiday_weeks.value),
        working=number(WEEKS - job.holiday_weeks.value),
    )
    steps.append((holiday, job.holiday_figure.reference))
    earnings = pounds_exact(job.earnings)
    steps.append(
        (_EARNINGS.say(lang, pay=pounds_exact(job.pay), holiday=pounds_exact(job.holiday), earnings=earnings), None)
    )
    threshold = pounds_short(job.ni_threshold.value)
    if job.national_insurance > 0:
        ni = _NI.say(
            lang,
            earnings=earnings,
            threshold=threshold,
            rate=percent(job.ni_rate),
            ni=pounds_exact(job.national_insurance),
        )
    else:
        ni = _NO_NI.say(lang, earnings=earnings, threshold=threshold)
    steps.append((ni, job.ni_rate.reference))
    steps.append((_pension(job, lang), job.pension_rule.reference))
    extra = [pounds_exact(a) for a in (job.national_insurance, job.pension) if a > 0]
    if extra:
        added = " + ".join([earnings, *extra])
        steps.append((_COST_OF_EMPLOYING.say(lang, sum=added, weekly=pounds_exact(job.weekly)), None))
    return steps


def _pension(job: Employment, lang: str) -> str:
    earnings = pounds_exact(job.earnings)
    trigger = pounds_short(job.pension_trigger.value)
    lower = pounds_short(job.pension_lower.value)
    upper = pounds_short(job.pension_upper.value)
    share = percent(job.pension_percent)
    counted = upper if job.earnings > job.pension_upper.value else earnings
    worked = _PENSION_SUM.say(lang, counted=counted, lower=lower, share=share, pension=pounds_exact(job.pension))
    values = {"earnings": earnings, "trigger": trigger, "lower": lower, "share": share, "sum": worked}
    if job.pension_status == "enrolled":
        said = _ENROLLED.say(lang, **values)
        return f"{said} {_ABOVE_UPPER.say(lang, upper=upper)}" if counted == upper else said
    if job.pension_status == "opted_in":
        return _OPTED_IN.say(lang, **values)
    if job.pension_status == "under_22":
        return _UNDER_22.say(lang, **values)
    if job.pension_status == "not_due":
        return _NOT_DUE.say(lang, **values)
    return _BELOW_LOWER.say(lang, **values)


def _allowance(line: CostedLine, lang: str) -> list[Step]:
    amount, eligibility = line.figures
    limit = pounds_short(amount.value)
    first: Step = (_ALLOWANCE.say(lang, limit=limit), eligibility.reference)
    ni = pounds_exact(line.cost)
    if line.basis == "week":
        said = _ALLOWANCE_ALL.say(lang, ni=ni, yearly=pounds_exact(-line.yearly), weeks=WEEKS, limit=limit)
    else:
        yearly = pounds_exact(line.cost * WEEKS)
        weekly = pounds_exact(-line.weekly)
        said = _ALLOWANCE_LIMIT.say(lang, ni=ni, yearly=yearly, limit=limit, weeks=WEEKS, weekly=weekly)
    return [first, (said, amount.reference)]
