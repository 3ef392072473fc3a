"""Every sentence about what a person might pay, in one place: `ras contribution` prints
these lines and the page shows them, so both say the same.

`lines(result)` is the whole result as an ordered list of `Line`s (the estimate's
`Line`: slot, text, optional title, optional reference). The slots, in order (those in
brackets only when they apply):

- [``for_whom``]: the answers were given for someone else, so this is about them
- ``lead``: the answer first: "The council would pay about £X a week and you about £Y a
  week." (a range for a savings band; "at most" when an answer was not given or, in
  Wales, always; the rule instead of a figure when income or savings are not given; in
  Scotland, that personal care is free and the council's own policy covers the rest)
- [``example``]: the council's choices are an example, not a real council's
- [``notice.starting-point``]: the estimate is only a starting point (worked out individually)
- [``notice.gap``]: a figure for the estimate's date was not found; which one was used
- [``missing``]: what was not given, and what it changes
- ``heading`` "How we worked this out", then ``working``: one line a step
- ``heading`` "The rules we used", then ``rule`` and ``figure`` lines, each with its source
- ``heading`` "Check you get all you are entitled to", ``checkers`` and one ``checker``
  line for each independent benefits calculator (plain links)
- ``closing``: the council's financial assessment decides

When the answers were given for someone else (`for_someone_else`), every sentence about
the person whose care it is speaks of "them" (`estimate.words.voice`); what the person
answering did ("you would rather not say", "as you said") keeps "you".
"""

from __future__ import annotations

from ..estimate.words import Line
from ..estimate.words.voice import THEM, YOU, Voice
from ..scheme.model import Reference
from .calculate import ZERO, Contribution, Sums, Used
from .phrases import INCOME, band_words, day, figure_line, figure_value, listing, lower_first, pair, pounds
from .rules import Rule, Source

__all__ = ["CHECKERS", "FOR_SOMEONE_ELSE", "Line", "lines"]

FOR_SOMEONE_ELSE = (
    "You answered these questions for someone else, so this is what they might pay towards their care, not you."
)

# Independent, free benefits calculators (found 23 November 2026; councils' pages list
# the same three). Plain links: nothing is sent to them.
CHECKERS = (
    Source(title="entitledto benefits calculator", url="https://www.entitledto.co.uk/"),
    Source(
        title="Turn2us Benefits Calculator",
        url="https://www.turn2us.org.uk/get-support/information-about-benefits/using-the-benefits-calculator",
    ),
    Source(title="Policy in Practice Better Off Calculator", url="https://policyinpractice.co.uk/"),
)


def reference(source: Source, ident: str = "") -> Reference:
    return Reference(id=ident or source.url, title=source.title, url=source.url)


def voice(result: Contribution) -> Voice:
    """ "you", or "them" when the answers were given for someone else."""
    return THEM if result.for_someone_else else YOU


def lines(result: Contribution) -> list[Line]:
    """The whole result, in the order it is read (the slots are listed above)."""
    v = voice(result)
    out = [Line("for_whom", FOR_SOMEONE_ELSE)] if v.them else []
    out.append(Line("lead", _lead(result, v)))
    council = result.council
    if council.example:
        out.append(Line("example", f"(Example rules only: {council.council} is not a real council.)"))
    if result.individually_costed:
        out.append(
            Line(
                "notice.starting-point",
                f"{v.Your} budget will be worked out individually, so the cost of {v.your} care may be more "
                f"than the estimate's starting point. What {v.you} pay is worked out the same way from the "
                "final cost.",
            )
        )
    gaps = [lower_first(u.figure.label) for u in result.used() if u.gap]
    if gaps:
        out.append(
            Line(
                "notice.gap",
                f"We have not found every figure in force on {day(result.on)}. For the {listing(gaps)}, we used "
                "the latest figure we found, as each says below. The council uses the current figures.",
                "Some figures are from an earlier year",
            )
        )
    out += _missing(result, v)
    out.append(Line("heading", "How we worked this out"))
    out += [Line("working", text, reference=ref) for text, ref in _working(result, v)]
    out.append(Line("heading", "The rules we used"))
    nation = result.nation
    out += [_rule(rule, v) for rule in nation.rules.values()]
    out += [Line("figure", figure_line(u), reference=reference(u.row.source, u.figure.id)) for u in result.used()]
    out.append(Line("heading", f"Check {v.you} get all {v.you} are entitled to"))
    out.append(
        Line(
            "checkers",
            f"Benefits {v.you} could claim but do not would change this sum. These free, independent "
            "calculators can check (they are other websites: nothing from this page is sent to them):",
        )
    )
    out += [Line("checker", source.title, reference=reference(source)) for source in CHECKERS]
    out.append(
        Line(
            "closing",
            f"This is an estimate, not a decision. {council.council}'s financial assessment decides what "
            f"{v.you} pay, from {v.your} full income, savings and costs.",
        )
    )
    return out


def _lead(result: Contribution, v: Voice) -> str:
    person, council = result.person, result.council_pays
    who = result.council.council
    if result.outcome == "free":
        return (
            f"Personal care is free in Scotland, whatever {v.your} income or savings: {v.you} would pay nothing "
            "for it. "
            f"{who} may charge for other support under its own policy; we do not estimate that charge."
        )
    if person is None or council is None:
        needed = [
            w
            for w, gone in (
                (f"{v.your} savings", "savings" in result.missing),
                ("all the income that counts", any(m.startswith("income.") for m in result.missing)),
            )
            if gone
        ]
        return (
            f"We cannot give a figure without {' and '.join(needed)}: the rules below show how the council "
            f"works out what {v.you} pay."
        )
    if result.outcome == "full_cost":
        return (
            f"With {v.your} savings {v.you} would pay the full cost of {v.your} care, about "
            f"{pounds(result.cost)} a week, and the council would pay nothing towards it."
        )
    if result.outcome == "at_most":
        return (
            f"{v.You} would pay at most {pair(person[0], person[1])} a week, and the council at least "
            f"{pair(council[0], council[1])} a week."
        )
    return (
        f"The council would pay about {pair(council[0], council[1])} a week and {v.you} about {pair(*person)} a week."
    )


def _missing(result: Contribution, v: Voice) -> list[Line]:
    out: list[Line] = []
    named = [INCOME[m.removeprefix("income.")] for m in result.missing if m.startswith("income.")]
    if named:
        out.append(
            Line(
                "missing",
                f"You would rather not say: {', '.join(named)}. This income counts, so we "
                f"cannot work out a figure from {v.your} income.",
            )
        )
    if "savings" in result.missing:
        out.append(
            Line(
                "missing",
                f"You would rather not say how much {v.you} have in savings, so we cannot work out what they add.",
            )
        )
    return out


def _rule(rule: Rule, v: Voice) -> Line:
    text = rule.them if v.them else rule.text
    if not rule.confirmed:
        text += " (Read in a secondary source, not yet checked against the official text.)"
    return Line("rule", text, reference=reference(rule.source, rule.id))


def _working(result: Contribution, v: Voice) -> list[tuple[str, Reference | None]]:
    steps: list[tuple[str, Reference | None]] = [(_cost(result, v), None)]
    if result.outcome == "free":
        other = result.council.other_support or "The council may charge for support that is not personal care."
        return [
            *steps,
            (
                f"Personal care: free, so {v.you} pay £0.00 for it.",
                reference(result.nation.rules["personal_care"].source),
            ),
            (f"Other support: {other}", reference(result.council.policy)),
        ]
    steps += _savings(result, v)
    if result.outcome == "full_cost":
        return steps
    steps += _income(result)
    steps += _allowances(result, v)
    steps += _sums(result, v)
    return steps


def _cost(result: Contribution, v: Voice) -> str:
    if result.weeks is None:
        text = (
            f"The cost of {v.your} care: {pounds(result.cost)} a week, the estimate's amount (the exact figure its "
            "band is rounded from, so nothing is lost to rounding)."
        )
    else:
        text = (
            f"The cost of {v.your} care: the estimate's amount, {pounds(result.amount)} a year, divided by "
            f"{result.weeks.normalize():f} weeks = {pounds(result.cost)} a week (to the penny, halves up)."
        )
    return text


def _savings(result: Contribution, v: Voice) -> list[tuple[str, Reference | None]]:
    band, low, high = result.band, result.low, result.high
    rule = result.nation.rules.get("capital")
    ref = None if rule is None else reference(rule.source)
    if band is None:
        return [(f"{v.Your} savings: you would rather not say.", ref)]
    limits = ", ".join(f"{u.figure.label.lower()} {figure_value(u)}" for u in result.limits[:2])
    text = f"{v.Your} savings: {band_words(band)} (the band you chose); {limits}."
    if low is not None and high is not None and low.over_limit:
        if result.outcome == "full_cost":
            text += f" Over the upper limit, {v.you} pay the full cost of {v.your} care."
        else:
            text += (
                f" Over the limit, the council can ask {v.you_obj} to pay the cost of {v.your} care, up to the maximum."
            )
    elif low is not None and high is not None and (low.tariff or high.tariff):
        text += f" Tariff income counted from them: {pair(low.tariff, high.tariff)} a week."
    else:
        text += " They are not counted."
    return [(text, ref)]


def _income(result: Contribution) -> list[tuple[str, Reference | None]]:
    steps: list[tuple[str, Reference | None]] = []
    for item in result.income:
        if item.rule is None:
            continue
        counts = "counted" if item.rule.counts else "not counted"
        given = "you would rather not say" if item.amount is None else f"{pounds(item.amount)} a week"
        if item.amount is None or item.amount > 0:
            steps.append((f"{INCOME[item.id]}: {given}, {counts}.", reference(item.rule.source)))
    counted = [i for i in result.income if i.rule and i.rule.counts and i.amount is not None]
    if result.counted is not None:
        parts = " + ".join(pounds(i.amount) for i in counted if i.amount) or pounds(ZERO)
        steps.append((f"Income that counts: {parts} = {pounds(result.counted)} a week.", None))
    return steps


def _allowances(result: Contribution, v: Voice) -> list[tuple[str, Reference | None]]:
    steps: list[tuple[str, Reference | None]] = []
    if result.mig:
        parts = " + ".join(f"{pounds(u.row.value)} ({_part(u)})" for u in result.mig)
        total = sum((u.row.value for u in result.mig), ZERO)
        text = f"The minimum income guarantee {v.you} must be left with: {parts} = {pounds(total)} a week."
        if result.answers.age is None:
            text += f" You would rather not give {v.your} age, so we used the smallest amount: {v.you} may pay less."
        elif result.answers.age != "pension" and result.answers.care_rate is None:
            text += (
                f" You would rather not say which rate of disability benefit {v.you} get, so no disability "
                f"premium is added: {v.you} may pay less."
            )
        steps.append((text, reference(result.mig[0].row.source)))
    housing = result.nation.rules.get("housing")
    href = None if housing is None else reference(housing.source)
    if result.housing is None:
        steps.append((f"Housing costs: you would rather not say, so taken as £0.00: {v.you} may pay less.", href))
    else:
        steps.append((f"Housing costs: {pounds(result.housing)} a week.", href))
    dre = {
        "answer": f"Disability-related spending: {pounds(result.disability_costs or ZERO)} a week, as you said.",
        "council": f"Disability-related spending: you did not say, so the council's standard allowance of "
        f"{pounds(result.disability_costs or ZERO)} a week is used.",
        "none": "Disability-related spending: you did not say, and the council has no standard allowance, so "
        f"taken as £0.00: {v.you} may pay less.",
        "not_allowed": "Disability-related spending: not taken off, because no disability benefit is counted "
        f"as {v.your} income.",
        "not_in_rules": "Disability-related spending: not taken off here, because we have not confirmed this "
        f"nation's rule on it. The council may allow for it, so {v.you} may pay less.",
    }[result.disability_costs_from]
    rule = result.nation.rules.get("disability_costs")
    steps.append((dre, None if rule is None else reference(rule.source)))
    return steps


def _part(used: Used) -> str:
    """A part of the minimum income guarantee by its own name: "disability premium"."""
    return used.figure.label.split(": ", 1)[-1].split(" (")[0]


def _sums(result: Contribution, v: Voice) -> list[tuple[str, Reference | None]]:
    low, high = result.low, result.high
    if low is None or high is None or result.counted is None:
        if result.maximum is not None:
            return [_cap_step(result, result.maximum, v)]
        return []
    steps: list[tuple[str, Reference | None]] = []
    edges = [low] if low == high or low.capital == high.capital else [low, high]
    for sums in edges:
        steps.append((_left(result, sums, len(edges) > 1, v), None))
    if result.percentage is not None:
        share = figure_value(result.percentage)
        text = f"{result.council.council} takes {share} of this: {pair(low.charged, high.charged)} a week"
        steps.append((text + " (to the penny, halves up).", reference(result.percentage.row.source)))
    if result.maximum is not None:
        steps.append(_cap_step(result, result.maximum, v))
    else:
        steps.append(
            (
                f"Never more than the cost of {v.your} care ({pounds(result.cost)}): {v.you} would pay "
                f"{pair(low.person, high.person)} a week.",
                None,
            )
        )
    council = result.council_pays
    if council is not None:
        steps.append(
            (
                f"The council would pay the rest of the {pounds(result.cost)}: {pair(council[0], council[1])} a week.",
                None,
            )
        )
    return steps


def _left(result: Contribution, sums: Sums, edge: bool, v: Voice) -> str:
    terms = [pounds(result.counted or ZERO)]
    if result.mig:
        terms.append(f"+ {pounds(sums.tariff)} tariff income")
        terms.append(f"− {pounds(sum((u.row.value for u in result.mig), ZERO))} minimum income guarantee")
    terms.append(f"− {pounds(result.housing or ZERO)} housing")
    terms.append(f"− {pounds(result.disability_costs or ZERO)} disability-related spending")
    lead = f"With savings of {pounds(sums.capital)}: left" if edge else "Left"
    after = (
        "" if result.mig else f" (before the minimum income amount, which depends on {v.your} own benefit entitlement)"
    )
    raw = (result.counted or ZERO) + sums.tariff - (result.housing or ZERO) - (result.disability_costs or ZERO)
    raw -= sum((u.row.value for u in result.mig), ZERO)
    total = f"{pounds(sums.chargeable)} a week"
    if raw < 0:
        total = f"−{pounds(-raw)}, which counts as £0.00"
    return f"{lead} after the allowances{after}: {' '.join(terms)} = {total}."


def _cap_step(result: Contribution, maximum: Used, v: Voice) -> tuple[str, Reference | None]:
    low, high = result.low, result.high
    top = min(result.cost, maximum.row.value)
    person = pair(low.person, high.person) if low is not None and high is not None else pounds(top)
    text = (
        f"Never more than the maximum weekly charge ({pounds(maximum.row.value)}) or the cost of {v.your} care "
        f"({pounds(result.cost)}): at most {person} a week."
    )
    return text, reference(maximum.row.source)
