"""Every sentence about what a person might pay, in one place: `ras contribution` prints
these lines and the page shows them, so both say the same.

`lines(result, lang)` is the whole result as an ordered list of `Line`s (the estimate's
`Line`: slot, text, optional title, optional reference), in `lang` (English unless
another is named). The slots, in order (those in brackets only when they apply):

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

Every sentence is a message (`ras_core.i18n`), declared once below (the working's in
`working.py`), whole where it speaks of the person (one for each voice). The charging
rules files' own texts (the rules, figures' labels, the council's name and its words on
other support) are data, said in the result's language where the file gives it (its
`_cy` keys: `rules.say`), else in English; sources keep their published titles; the
figures are the same in every language.
"""

from __future__ import annotations

from ..estimate.words import Line
from ..estimate.words.phrases import listing
from ..estimate.words.voice import THEM, YOU, Voice, voiced
from ..i18n import SOURCE, message
from ..scheme._reader import say
from ..scheme.model import Reference
from .calculate import Contribution
from .phrases import INCOME, day, figure_line, lower_first, pair, pounds, unconfirmed
from .rules import Rule, Source
from .working import reference, working

__all__ = ["CHECKERS", "FOR_SOMEONE_ELSE", "Line", "lines"]

FOR_SOMEONE_ELSE = message(
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
_CHECKER_TITLES = {
    source.url: message(source.title, context="calculator", note="The name of an independent benefits calculator.")
    for source in CHECKERS
}

# Every sentence of the result (the slots above), declared once for translators.
_EXAMPLE = message("(Example rules only: {council} is not a real council.)")
_STARTING_POINT = voiced(
    "Your budget will be worked out individually, so the cost of your care may be more than the estimate's "
    "starting point. What you pay is worked out the same way from the final cost.",
    "Their budget will be worked out individually, so the cost of their care may be more than the estimate's "
    "starting point. What they pay is worked out the same way from the final cost.",
)
_GAP = message(
    "We have not found every figure in force on {day}. For the {figures}, we used the latest figure we found, as "
    "each says below. The council uses the current figures.",
    note="{figures} lists the figures' names, as the charging rules write them.",
)
_GAP_TITLE = message("Some figures are from an earlier year")
_WORKING_HEADING = message("How we worked this out")
_RULES_HEADING = message("The rules we used")
_CHECK_HEADING = voiced("Check you get all you are entitled to", "Check they get all they are entitled to")
_CHECKERS_LINE = voiced(
    "Benefits you could claim but do not would change this sum. These free, independent calculators can check "
    "(they are other websites: nothing from this page is sent to them):",
    "Benefits they could claim but do not would change this sum. These free, independent calculators can check "
    "(they are other websites: nothing from this page is sent to them):",
)
_CLOSING = voiced(
    "This is an estimate, not a decision. {council}'s financial assessment decides what you pay, from your full "
    "income, savings and costs.",
    "This is an estimate, not a decision. {council}'s financial assessment decides what they pay, from their full "
    "income, savings and costs.",
)

_FREE = voiced(
    "Personal care is free in Scotland, whatever your income or savings: you would pay nothing for it. {council} "
    "may charge for other support under its own policy; we do not estimate that charge.",
    "Personal care is free in Scotland, whatever their income or savings: they would pay nothing for it. {council} "
    "may charge for other support under its own policy; we do not estimate that charge.",
)
_NO_FIGURE = {
    (True, False): voiced(
        "We cannot give a figure without your savings: the rules below show how the council works out what you pay.",
        "We cannot give a figure without their savings: the rules below show how the council works out what they pay.",
    ),
    (False, True): voiced(
        "We cannot give a figure without all the income that counts: the rules below show how the council works "
        "out what you pay.",
        "We cannot give a figure without all the income that counts: the rules below show how the council works "
        "out what they pay.",
    ),
    (True, True): voiced(
        "We cannot give a figure without your savings and all the income that counts: the rules below show how the "
        "council works out what you pay.",
        "We cannot give a figure without their savings and all the income that counts: the rules below show how the "
        "council works out what they pay.",
    ),
}
_FULL_COST = voiced(
    "With your savings you would pay the full cost of your care, about {cost} a week, and the council would pay "
    "nothing towards it.",
    "With their savings they would pay the full cost of their care, about {cost} a week, and the council would pay "
    "nothing towards it.",
)
_AT_MOST = voiced(
    "You would pay at most {person} a week, and the council at least {council} a week.",
    "They would pay at most {person} a week, and the council at least {council} a week.",
)
_ABOUT = voiced(
    "The council would pay about {council} a week and you about {person} a week.",
    "The council would pay about {council} a week and they about {person} a week.",
)

_MISSING_INCOME = voiced(
    "You would rather not say: {income}. This income counts, so we cannot work out a figure from your income.",
    "You would rather not say: {income}. This income counts, so we cannot work out a figure from their income.",
)
_MISSING_SAVINGS = voiced(
    "You would rather not say how much you have in savings, so we cannot work out what they add.",
    "You would rather not say how much they have in savings, so we cannot work out what they add.",
)
_RULE_UNCONFIRMED = message("{rule} ({unconfirmed})", note="A rule of the charging rules, and that it is not checked.")


def voice(result: Contribution) -> Voice:
    """ "you", or "them" when the answers were given for someone else."""
    return THEM if result.for_someone_else else YOU


def lines(result: Contribution, lang: str = SOURCE) -> list[Line]:
    """The whole result, in the order it is read (the slots are listed above)."""
    v = voice(result)
    out = [Line("for_whom", FOR_SOMEONE_ELSE.say(lang))] if v.them else []
    out.append(Line("lead", _lead(result, v, lang)))
    council = result.council
    if council.example:
        out.append(Line("example", _EXAMPLE.say(lang, council=say(council, "council", lang))))
    if result.individually_costed:
        out.append(Line("notice.starting-point", _STARTING_POINT.say(lang, v)))
    gaps = [lower_first(say(u.figure, "label", lang)) for u in result.used() if u.gap]
    if gaps:
        text = _GAP.say(lang, day=day(result.on, lang), figures=listing(gaps, lang))
        out.append(Line("notice.gap", text, _GAP_TITLE.say(lang)))
    out += _missing(result, v, lang)
    out.append(Line("heading", _WORKING_HEADING.say(lang)))
    out += [Line("working", text, reference=ref) for text, ref in working(result, v, lang)]
    out.append(Line("heading", _RULES_HEADING.say(lang)))
    nation = result.nation
    out += [_rule(rule, v, lang) for rule in nation.rules.values()]
    out += [Line("figure", figure_line(u, lang), reference=reference(u.row.source, u.figure.id)) for u in result.used()]
    out.append(Line("heading", _CHECK_HEADING.say(lang, v)))
    out.append(Line("checkers", _CHECKERS_LINE.say(lang, v)))
    for source in CHECKERS:
        title = _CHECKER_TITLES[source.url].say(lang)
        out.append(Line("checker", title, reference=Reference(id=source.url, title=title, url=source.url)))
    out.append(Line("closing", _CLOSING.say(lang, v, council=say(council, "council", lang))))
    return out


def _lead(result: Contribution, v: Voice, lang: str) -> str:
    person, council = result.person, result.council_pays
    if result.outcome == "free":
        return _FREE.say(lang, v, council=say(result.council, "council", lang))
    if person is None or council is None:
        savings = "savings" in result.missing
        income = any(m.startswith("income.") for m in result.missing)
        return _NO_FIGURE.get((savings, income), _NO_FIGURE[True, True]).say(lang, v)
    if result.outcome == "full_cost":
        return _FULL_COST.say(lang, v, cost=pounds(result.cost))
    if result.outcome == "at_most":
        return _AT_MOST.say(lang, v, person=pair(*person, lang), council=pair(*council, lang))
    return _ABOUT.say(lang, v, council=pair(*council, lang), person=pair(*person, lang))


def _missing(result: Contribution, v: Voice, lang: str) -> list[Line]:
    out: list[Line] = []
    named = [INCOME[m.removeprefix("income.")].say(lang) for m in result.missing if m.startswith("income.")]
    if named:
        out.append(Line("missing", _MISSING_INCOME.say(lang, v, income=", ".join(named))))
    if "savings" in result.missing:
        out.append(Line("missing", _MISSING_SAVINGS.say(lang, v)))
    return out


def _rule(rule: Rule, v: Voice, lang: str) -> Line:
    text = say(rule, "them" if v.them else "text", lang)
    if not rule.confirmed:
        text = _RULE_UNCONFIRMED.say(lang, rule=text, unconfirmed=unconfirmed(lang))
    return Line("rule", text, reference=reference(rule.source, rule.id))
