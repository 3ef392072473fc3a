"""The working of what a person might pay: one step a line, in the order the sums are
done, enough to redo them on paper (`working(result, v, lang)`, the ``working`` lines
of `words.lines`).

The cost of care from the estimate, the savings and what they add, each income and
whether it counts, the allowances (the minimum income guarantee, housing costs,
disability-related spending), what is left, the council's share and the caps. Every
step is a message (`ras_core.i18n`), declared once below, whole where it speaks of the
person (one for each voice); the pieces of a sum ("+ £1.00 tariff income") are
messages too. The charging rules' labels are data, said in Welsh where the file gives it
(`scheme._reader.say`); sources keep their published titles.
"""

from __future__ import annotations

from ..estimate.words.voice import Voice, voiced
from ..i18n import message
from ..scheme._reader import say
from ..scheme.model import Reference
from .calculate import ZERO, Contribution, Sums, Used
from .phrases import INCOME, band_words, figure_value, pair, pounds
from .rules import Source

# Every step of the working, declared once for translators.
_FREE_CARE = voiced("Personal care: free, so you pay £0.00 for it.", "Personal care: free, so they pay £0.00 for it.")
_OTHER_SUPPORT = message(
    "Other support: {other}", note="{other} is the council's own words on what it charges for other support."
)
_OTHER_SUPPORT_UNSAID = message("The council may charge for support that is not personal care.")
_COST_WEEK = voiced(
    "The cost of your care: {cost} a week, the estimate's amount (the exact figure its band is rounded from, so "
    "nothing is lost to rounding).",
    "The cost of their care: {cost} a week, the estimate's amount (the exact figure its band is rounded from, so "
    "nothing is lost to rounding).",
)
_COST_YEAR = voiced(
    "The cost of your care: the estimate's amount, {amount} a year, divided by {weeks} weeks = {cost} a week (to "
    "the penny, halves up).",
    "The cost of their care: the estimate's amount, {amount} a year, divided by {weeks} weeks = {cost} a week (to "
    "the penny, halves up).",
)
_SAVINGS_NOT_SAID = voiced("Your savings: you would rather not say.", "Their savings: you would rather not say.")
# {limits} is each capital limit's name (as the charging rules write it) and value.
_SAVINGS = voiced(
    "Your savings: {band} (the band you chose); {limits}.", "Their savings: {band} (the band you chose); {limits}."
)
_FULL_COST_STEP = voiced(
    "Over the upper limit, you pay the full cost of your care.",
    "Over the upper limit, they pay the full cost of their care.",
)
_OVER_LIMIT = voiced(
    "Over the limit, the council can ask you to pay the cost of your care, up to the maximum.",
    "Over the limit, the council can ask them to pay the cost of their care, up to the maximum.",
)
_TARIFF = message("Tariff income counted from them: {tariff} a week.", note="'them' is the savings.")
_NOT_COUNTED = message("They are not counted.", note="'They' is the savings.")
_INCOME = {
    (False, True): message("{income}: {amount} a week, counted.", note="A type of income, and whether it counts."),
    (False, False): message("{income}: {amount} a week, not counted.", note="A type of income, and whether it counts."),
    (True, True): message(
        "{income}: you would rather not say, counted.", note="A type of income, and whether it counts."
    ),
    (True, False): message(
        "{income}: you would rather not say, not counted.", note="A type of income, and whether it counts."
    ),
}
_COUNTED = message("Income that counts: {parts} = {total} a week.")
_MIG = voiced(
    "The minimum income guarantee you must be left with: {parts} = {total} a week.",
    "The minimum income guarantee they must be left with: {parts} = {total} a week.",
)
_NO_AGE = voiced(
    "You would rather not give your age, so we used the smallest amount: you may pay less.",
    "You would rather not give their age, so we used the smallest amount: they may pay less.",
)
_NO_CARE_RATE = voiced(
    "You would rather not say which rate of disability benefit you get, so no disability premium is added: you may "
    "pay less.",
    "You would rather not say which rate of disability benefit they get, so no disability premium is added: they "
    "may pay less.",
)
_HOUSING_NOT_SAID = voiced(
    "Housing costs: you would rather not say, so taken as £0.00: you may pay less.",
    "Housing costs: you would rather not say, so taken as £0.00: they may pay less.",
)
_HOUSING = message("Housing costs: {amount} a week.")
_DISABILITY_COSTS_ANSWER = message("Disability-related spending: {amount} a week, as you said.")
_DISABILITY_COSTS_COUNCIL = message(
    "Disability-related spending: you did not say, so the council's standard allowance of {amount} a week is used."
)
_DISABILITY_COSTS = {
    "none": voiced(
        "Disability-related spending: you did not say, and the council has no standard allowance, so taken as "
        "£0.00: you may pay less.",
        "Disability-related spending: you did not say, and the council has no standard allowance, so taken as "
        "£0.00: they may pay less.",
    ),
    "not_allowed": voiced(
        "Disability-related spending: not taken off, because no disability benefit is counted as your income.",
        "Disability-related spending: not taken off, because no disability benefit is counted as their income.",
    ),
    "not_in_rules": voiced(
        "Disability-related spending: not taken off here, because we have not confirmed this nation's rule on it. "
        "The council may allow for it, so you may pay less.",
        "Disability-related spending: not taken off here, because we have not confirmed this nation's rule on it. "
        "The council may allow for it, so they may pay less.",
    ),
}
_SHARE = message(
    "{council} takes {share} of this: {charged} a week (to the penny, halves up).",
    note="{share} is the council's percentage of what is left after the allowances.",
)
_NEVER_MORE = voiced(
    "Never more than the cost of your care ({cost}): you would pay {person} a week.",
    "Never more than the cost of their care ({cost}): they would pay {person} a week.",
)
_COUNCIL_REST = message("The council would pay the rest of the {cost}: {council} a week.")
_CAP = voiced(
    "Never more than the maximum weekly charge ({maximum}) or the cost of your care ({cost}): at most {person} a week.",
    "Never more than the maximum weekly charge ({maximum}) or the cost of their care ({cost}): at most {person} a "
    "week.",
)
# What is left after the allowances: {sum} is the income that counts and each piece
# below, in order ("£400.65 + £1.00 tariff income − £241.45 minimum income guarantee …").
_PLUS_TARIFF = message("+ {amount} tariff income", note="A piece of a sum.")
_LESS_MIG = message("− {amount} minimum income guarantee", note="A piece of a sum.")
_LESS_HOUSING = message("− {amount} housing", note="A piece of a sum.")
_LESS_DISABILITY_COSTS = message("− {amount} disability-related spending", note="A piece of a sum.")
_LEFT = message("{amount} a week")
_BELOW_NOTHING = message("−{amount}, which counts as £0.00", note="What is left after the allowances is below £0.")
_LEFT_AFTER = message("Left after the allowances: {sum} = {total}.")
_LEFT_AFTER_AT = message("With savings of {capital}: left after the allowances: {sum} = {total}.")
_LEFT_BEFORE_MINIMUM = voiced(
    "Left after the allowances (before the minimum income amount, which depends on your own benefit entitlement): "
    "{sum} = {total}.",
    "Left after the allowances (before the minimum income amount, which depends on their own benefit entitlement): "
    "{sum} = {total}.",
)
_LEFT_BEFORE_MINIMUM_AT = voiced(
    "With savings of {capital}: left after the allowances (before the minimum income amount, which depends on your "
    "own benefit entitlement): {sum} = {total}.",
    "With savings of {capital}: left after the allowances (before the minimum income amount, which depends on their "
    "own benefit entitlement): {sum} = {total}.",
)


def reference(source: Source, ident: str = "") -> Reference:
    return Reference(id=ident or source.url, title=source.title, url=source.url)


def working(result: Contribution, v: Voice, lang: str) -> list[tuple[str, Reference | None]]:
    """Each step's words in `lang`, in voice `v`, with the source it relies on (or None)."""
    steps: list[tuple[str, Reference | None]] = [(_cost(result, v, lang), None)]
    if result.outcome == "free":
        other = say(result.council, "other_support", lang) or _OTHER_SUPPORT_UNSAID.say(lang)
        return [
            *steps,
            (_FREE_CARE.say(lang, v), reference(result.nation.rules["personal_care"].source)),
            (_OTHER_SUPPORT.say(lang, other=other), reference(result.council.policy)),
        ]
    steps += _savings(result, v, lang)
    if result.outcome == "full_cost":
        return steps
    steps += _income(result, lang)
    steps += _allowances(result, v, lang)
    steps += _sums(result, v, lang)
    return steps


def _cost(result: Contribution, v: Voice, lang: str) -> str:
    if result.weeks is None:
        return _COST_WEEK.say(lang, v, cost=pounds(result.cost))
    weeks = f"{result.weeks.normalize():f}"
    return _COST_YEAR.say(lang, v, amount=pounds(result.amount), weeks=weeks, cost=pounds(result.cost))


def _savings(result: Contribution, v: Voice, lang: str) -> list[tuple[str, Reference | None]]:
    band, low, high = result.band, result.low, result.high
    rule = result.nation.rules.get("capital")
    ref = None if rule is None else reference(rule.source)
    if band is None:
        return [(_SAVINGS_NOT_SAID.say(lang, v), ref)]
    limits = ", ".join(f"{say(u.figure, 'label', lang).lower()} {figure_value(u)}" for u in result.limits[:2])
    said = [_SAVINGS.say(lang, v, band=band_words(band, lang), limits=limits)]
    if low is not None and high is not None and low.over_limit:
        said.append((_FULL_COST_STEP if result.outcome == "full_cost" else _OVER_LIMIT).say(lang, v))
    elif low is not None and high is not None and (low.tariff or high.tariff):
        said.append(_TARIFF.say(lang, tariff=pair(low.tariff, high.tariff, lang)))
    else:
        said.append(_NOT_COUNTED.say(lang))
    return [(" ".join(said), ref)]


def _income(result: Contribution, lang: str) -> list[tuple[str, Reference | None]]:
    steps: list[tuple[str, Reference | None]] = []
    for item in result.income:
        if item.rule is None:
            continue
        if item.amount is None or item.amount > 0:
            said = _INCOME[item.amount is None, item.rule.counts]
            amount = "" if item.amount is None else pounds(item.amount)
            steps.append((said.say(lang, income=INCOME[item.id].say(lang), amount=amount), reference(item.rule.source)))
    counted = [i for i in result.income if i.rule and i.rule.counts and i.amount is not None]
    if result.counted is not None:
        parts = " + ".join(pounds(i.amount) for i in counted if i.amount) or pounds(ZERO)
        steps.append((_COUNTED.say(lang, parts=parts, total=pounds(result.counted)), None))
    return steps


def _allowances(result: Contribution, v: Voice, lang: str) -> list[tuple[str, Reference | None]]:
    steps: list[tuple[str, Reference | None]] = []
    if result.mig:
        parts = " + ".join(f"{pounds(u.row.value)} ({_part(u, lang)})" for u in result.mig)
        total = sum((u.row.value for u in result.mig), ZERO)
        said = [_MIG.say(lang, v, parts=parts, total=pounds(total))]
        if result.answers.age is None:
            said.append(_NO_AGE.say(lang, v))
        elif result.answers.age != "pension" and result.answers.care_rate is None:
            said.append(_NO_CARE_RATE.say(lang, v))
        steps.append((" ".join(said), reference(result.mig[0].row.source)))
    housing = result.nation.rules.get("housing")
    href = None if housing is None else reference(housing.source)
    if result.housing is None:
        steps.append((_HOUSING_NOT_SAID.say(lang, v), href))
    else:
        steps.append((_HOUSING.say(lang, amount=pounds(result.housing)), href))
    amount = pounds(result.disability_costs or ZERO)
    source = result.disability_costs_from
    if source == "answer":
        dre = _DISABILITY_COSTS_ANSWER.say(lang, amount=amount)
    elif source == "council":
        dre = _DISABILITY_COSTS_COUNCIL.say(lang, amount=amount)
    else:
        dre = _DISABILITY_COSTS[source].say(lang, v)
    rule = result.nation.rules.get("disability_costs")
    steps.append((dre, None if rule is None else reference(rule.source)))
    return steps


def _part(used: Used, lang: str) -> str:
    """A part of the minimum income guarantee by its own name: "disability premium"."""
    return say(used.figure, "label", lang).split(": ", 1)[-1].split(" (")[0]


def _sums(result: Contribution, v: Voice, lang: str) -> list[tuple[str, Reference | None]]:
    low, high = result.low, result.high
    if low is None or high is None or result.counted is None:
        if result.maximum is not None:
            return [_cap_step(result, result.maximum, v, lang)]
        return []
    steps: list[tuple[str, Reference | None]] = []
    edges = [low] if low == high or low.capital == high.capital else [low, high]
    for sums in edges:
        steps.append((_left(result, sums, len(edges) > 1, v, lang), None))
    if result.percentage is not None:
        share = figure_value(result.percentage)
        charged = pair(low.charged, high.charged, lang)
        text = _SHARE.say(lang, council=say(result.council, "council", lang), share=share, charged=charged)
        steps.append((text, reference(result.percentage.row.source)))
    if result.maximum is not None:
        steps.append(_cap_step(result, result.maximum, v, lang))
    else:
        person = pair(low.person, high.person, lang)
        steps.append((_NEVER_MORE.say(lang, v, cost=pounds(result.cost), person=person), None))
    council = result.council_pays
    if council is not None:
        rest = _COUNCIL_REST.say(lang, cost=pounds(result.cost), council=pair(*council, lang))
        steps.append((rest, None))
    return steps


def _left(result: Contribution, sums: Sums, edge: bool, v: Voice, lang: str) -> str:
    mig = sum((u.row.value for u in result.mig), ZERO)
    terms = [pounds(result.counted or ZERO)]
    if result.mig:
        terms.append(_PLUS_TARIFF.say(lang, amount=pounds(sums.tariff)))
        terms.append(_LESS_MIG.say(lang, amount=pounds(mig)))
    terms.append(_LESS_HOUSING.say(lang, amount=pounds(result.housing or ZERO)))
    terms.append(_LESS_DISABILITY_COSTS.say(lang, amount=pounds(result.disability_costs or ZERO)))
    raw = (result.counted or ZERO) + sums.tariff - (result.housing or ZERO) - (result.disability_costs or ZERO) - mig
    if raw < 0:
        total = _BELOW_NOTHING.say(lang, amount=pounds(-raw))
    else:
        total = _LEFT.say(lang, amount=pounds(sums.chargeable))
    values = {"sum": " ".join(terms), "total": total}
    if result.mig:  # the minimum income guarantee is one of the allowances (England)
        if edge:
            return _LEFT_AFTER_AT.say(lang, capital=pounds(sums.capital), **values)
        return _LEFT_AFTER.say(lang, **values)
    if edge:
        return _LEFT_BEFORE_MINIMUM_AT.say(lang, v, capital=pounds(sums.capital), **values)
    return _LEFT_BEFORE_MINIMUM.say(lang, v, **values)


def _cap_step(result: Contribution, maximum: Used, v: Voice, lang: str) -> tuple[str, Reference | None]:
    low, high = result.low, result.high
    top = min(result.cost, maximum.row.value)
    person = pair(low.person, high.person, lang) if low is not None and high is not None else pounds(top)
    text = _CAP.say(lang, v, maximum=pounds(maximum.row.value), cost=pounds(result.cost), person=person)
    return text, reference(maximum.row.source)
