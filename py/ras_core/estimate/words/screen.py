"""The eligibility screen in words: one message, true to the scheme's nation.

England and Wales count the outcomes the answers say cannot be achieved; Scotland
compares the highest risk the answers show with the council's threshold. When the
council's minimum points and the screen disagree, the screen wins: the law (or, in
Scotland, the national framework) decides eligibility, not points. So a person is
told one thing: never both "you may not have needs the council can pay for" and
"probably yes".

The law's own words (its conditions, what "unable to achieve" means, where each is
written, the outcomes and risk bands, its title) are the nation's data, said in the
result's language from the rules' translations (`NationRules.say`; `said_by_law`, when
the scheme may word an outcome itself).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ...i18n import SOURCE, Message, message
from ...scheme.model import Reference, Scheme
from .phrases import listing, points, quoted
from .voice import Voice, voice, voiced, voiced_plural

if TYPE_CHECKING:
    from ..figures import Estimate


# Every sentence of the screen, declared once for translators; the law's own words
# (outcomes, risks, conditions) are the nation's data, with their own translations.
_NO_THRESHOLD = voiced(
    "This council has not said from which risk band it provides services, so we cannot screen your answers.",
    "This council has not said from which risk band it provides services, so we cannot screen the answers.",
)
_PROVIDES = message("This council provides services from {risk} up.")
_PROVIDES_STEP = message("This council provides services from {risk} up", note="Followed by ', so you are…'.")
_NO_RISK = voiced(
    "None of your answers shows a risk to your independence or wellbeing. {provides}",
    "None of the answers shows a risk to their independence or wellbeing. {provides}",
)
_HIGHEST = voiced(
    "The highest risk your answers show is {risk}: {said}. {provides}",
    "The highest risk the answers show is {risk}: {said}. {provides}",
)
_CARER_FINDING = voiced_plural(
    (
        "Your answers show {n} of the effects of caring that the law lists (your health at risk, or an outcome you "
        "cannot achieve). Carers are usually eligible when {needed} or more of them apply.",
        "Your answers show {n} of the effects of caring that the law lists (your health at risk, or an outcome you "
        "cannot achieve). Carers are usually eligible when {needed} or more of them apply.",
    ),
    (
        "The answers show {n} of the effects of caring that the law lists (their health at risk, or an outcome they "
        "cannot achieve). Carers are usually eligible when {needed} or more of them apply.",
        "The answers show {n} of the effects of caring that the law lists (their health at risk, or an outcome they "
        "cannot achieve). Carers are usually eligible when {needed} or more of them apply.",
    ),
)
_ADULT_FINDING = voiced_plural(
    (
        "Your answers say you cannot achieve {n} outcome from the list in the law. People are usually eligible when "
        "they cannot achieve {needed} or more.",
        "Your answers say you cannot achieve {n} outcomes from the list in the law. People are usually eligible when "
        "they cannot achieve {needed} or more.",
    ),
    (
        "The answers say they cannot achieve {n} outcome from the list in the law. People are usually eligible when "
        "they cannot achieve {needed} or more.",
        "The answers say they cannot achieve {n} outcomes from the list in the law. People are usually eligible when "
        "they cannot achieve {needed} or more.",
    ),
)
_UNSCREENED = voiced(
    "We cannot say. {finding} You can ask for an assessment.",
    "We cannot say. {finding} They can ask for an assessment.",
)
_YES_BELOW = voiced(
    "Probably yes. {finding} Your needs give {needs}, fewer than the council's minimum of {minimum}, but the law "
    "decides who is eligible, not points, so go by this screen and ask for an assessment.",
    "Probably yes. {finding} Their needs give {needs}, fewer than the council's minimum of {minimum}, but the law "
    "decides who is eligible, not points, so go by this screen and ask for an assessment.",
)
# The same in English for both voices; Welsh answers with the question's own verb
# ("ydych" to "you", "ydyn" about "them").
_YES = voiced("Probably yes. {finding}", "Probably yes. {finding}")
_NOT_WITH_FIGURE = voiced(
    "Perhaps not. {finding} The figure above is what your points would give if the council finds you eligible: "
    "points do not decide eligibility. You can still ask for an assessment.",
    "Perhaps not. {finding} The figure above is what their points would give if the council finds them eligible: "
    "points do not decide eligibility. They can still ask for an assessment.",
)
_NOT = voiced(
    "Perhaps not. {finding} You can still ask for an assessment.",
    "Perhaps not. {finding} They can still ask for an assessment.",
)
_UNABLE = voiced(
    "We counted an outcome when your answer means you need help with it{counted}. The law also counts you as "
    "unable to achieve an outcome when {cases} ({where}). If that is true for you, tell the council at your "
    "assessment.",
    "We counted an outcome when the answer means they need help with it{counted}. The law also counts them as "
    "unable to achieve an outcome when {cases} ({where}). If that is true for them, tell the council at their "
    "assessment.",
)
_COUNTED = message(" ({where})", note="Where in the law the outcomes the answers count are listed.")
_OR_WHEN = message("{earlier}; or when {later}", note="Joins the law's cases: 'A; or when B'.")
_CONDITIONS = voiced(
    "At your assessment the council also decides whether {conditions}.",
    "At their assessment the council also decides whether {conditions}.",
)
_AND_WHETHER = message("{earlier}; and whether {later}", note="Joins the law's conditions: 'A; and whether B'.")
_WHERE = message("{condition} ({where})", note="A condition of the law, and where the law sets it.")
_RISK_ANSWER = message("{question} {answer}", note="A question and the answer given.")
_NONE = message("none", context="none shown", note="No risk, or no outcome, shown by the answers.")
_RISK_STEP = voiced("The highest risk your answers show: {risk}.", "The highest risk the answers show: {risk}.")
_RISK_STEP_BECAUSE = voiced(
    "The highest risk your answers show: {risk} ({because}).", "The highest risk the answers show: {risk} ({because})."
)
_RISK_UNSCREENED = voiced(
    "{text} {unscreened} The council decides at your assessment.",
    "{text} {unscreened} The council decides at their assessment.",
)
_CARER_STEP = voiced(
    "Effects of caring in the law that your answers show: {listed} ({n}). Carers are usually eligible when "
    "{needed} or more of them apply",
    "Effects of caring in the law that the answers show: {listed} ({n}). Carers are usually eligible when "
    "{needed} or more of them apply",
)
_ADULT_STEP = voiced(
    "Outcomes your answers say you cannot achieve: {listed} ({n}). People are usually eligible when they cannot "
    "achieve {needed} or more",
    "Outcomes the answers say they cannot achieve: {listed} ({n}). People are usually eligible when they cannot "
    "achieve {needed} or more",
)
_LIKELY = voiced(
    "{text}, so you are likely to be eligible. This is a screen, not a decision: the council decides at your "
    "assessment.",
    "{text}, so they are likely to be eligible. This is a screen, not a decision: the council decides at their "
    "assessment.",
)
_MAY_NOT = voiced(
    "{text}, so you may not be likely to be eligible. This is a screen, not a decision: the council decides at "
    "your assessment.",
    "{text}, so they may not be likely to be eligible. This is a screen, not a decision: the council decides at "
    "their assessment.",
)


def _joined(items: list[str], joiner: Message, lang: str) -> str:
    text = items[0]
    for later in items[1:]:
        text = joiner.say(lang, earlier=text, later=later)
    return text


def points_say_no(result: Estimate) -> bool:
    """Whether the "below the minimum" notice is shown: only when the screen agrees."""
    return result.below_threshold and not result.likely_eligible and not _unscreened(result)


def law(result: Estimate) -> Reference:
    eligibility = result.scheme.eligibility
    return eligibility.reference or eligibility.rules.law


def said_by_law(scheme: Scheme, lang: str, english: str) -> str:
    """A text of the scheme or of its nation's law in `lang`: the scheme's own translation
    where it has one (an outcome it words itself, its own reference), else the law's."""
    said = scheme.say(lang, english)
    return said if said != english else scheme.eligibility.rules.say(lang, english)


def in_law_language(scheme: Scheme, reference: Reference | None, lang: str) -> Reference | None:
    """A reference with its title in `lang`, the scheme's or the law's (`said_by_law`)."""
    if reference is None or lang == SOURCE:
        return reference
    return Reference(id=reference.id, title=said_by_law(scheme, lang, reference.title), url=reference.url)


def law_in(result: Estimate, lang: str = SOURCE) -> Reference:
    """The screen's source (`law`) with its title in `lang`."""
    reference = in_law_language(result.scheme, law(result), lang)
    assert reference is not None
    return reference


def no_threshold(v: Voice, lang: str = SOURCE) -> str:
    return _NO_THRESHOLD.say(lang, v)


def _unscreened(result: Estimate) -> bool:
    eligibility = result.scheme.eligibility
    return eligibility.rules.screen == "risk" and eligibility.threshold is None


def _needed(result: Estimate) -> int:
    minimum = result.scheme.eligibility.minimum_unmet
    return int(minimum.value) if minimum is not None else 1


def _finding(result: Estimate, v: Voice, lang: str) -> str:
    """What the answers show, in the nation's terms."""
    eligibility = result.scheme.eligibility
    threshold = eligibility.threshold
    say = functools.partial(eligibility.rules.say, lang)
    if eligibility.rules.screen == "risk":
        if threshold is None:
            provides = no_threshold(v, lang)
        else:
            provides = _PROVIDES.say(lang, risk=say(threshold.label).lower())
        if result.risk is None:
            return _NO_RISK.say(lang, v, provides=provides)
        risk, said = say(result.risk.label).lower(), say(result.risk.said(v.them))
        return _HIGHEST.say(lang, v, risk=risk, said=said, provides=provides)
    count = len(result.outcomes_unmet)
    finding = _CARER_FINDING if eligibility.rules.person == "carer" else _ADULT_FINDING
    return finding.say(lang, v, n=count, needed=_needed(result))


def eligibility_line(result: Estimate, lang: str = SOURCE) -> str:
    """The one message: probably yes or perhaps not, and how the minimum points fit with it."""
    v = voice(result)
    finding = _finding(result, v, lang)
    if _unscreened(result):
        return _UNSCREENED.say(lang, v, finding=finding)
    minimum = result.scheme.minimum_points
    if result.likely_eligible:
        if result.below_threshold and minimum is not None:
            needs = points(result.total_before_unpaid_support, lang)
            return _YES_BELOW.say(lang, v, finding=finding, needs=needs, minimum=points(int(minimum.value), lang))
        return _YES.say(lang, v, finding=finding)
    return (_NOT_WITH_FIGURE if result.amount > 0 else _NOT).say(lang, v, finding=finding)


def unable_line(result: Estimate, lang: str = SOURCE) -> str | None:
    """What "unable to achieve" means in the law, beyond what the answers show (England, Wales)."""
    v = voice(result)
    rules = result.scheme.eligibility.rules
    say = functools.partial(rules.say, lang)
    mapped = [u for u in rules.unable if u.decided == "answers"]
    others = [u for u in rules.unable if u.decided != "answers"]
    if not others:
        return None
    where = listing(list(dict.fromkeys(say(u.where) for u in others)), lang)
    counted = _COUNTED.say(lang, where=say(mapped[0].where)) if mapped else ""
    cases = _joined([say(u.said(v.them)) for u in others], _OR_WHEN, lang)
    return _UNABLE.say(lang, v, counted=counted, cases=cases, where=where)


def conditions_line(result: Estimate, lang: str = SOURCE) -> str | None:
    """The law's conditions that the council decides at the assessment, not the answers."""
    v = voice(result)
    rules = result.scheme.eligibility.rules
    say = functools.partial(rules.say, lang)
    others = [
        _WHERE.say(lang, condition=say(c.said(v.them)), where=say(c.where))
        for c in rules.conditions
        if c.decided != "answers"
    ]
    if not others:
        return None
    return _CONDITIONS.say(lang, v, conditions=_joined(others, _AND_WHETHER, lang))


def risk_answer(question: str, answer: str, lang: str = SOURCE) -> str:
    return _RISK_ANSWER.say(lang, question=question, answer=quoted(answer))


def working_step(result: Estimate, lang: str = SOURCE) -> str:
    """The screen as a step of the working."""
    v = voice(result)
    eligibility = result.scheme.eligibility
    law_say = functools.partial(eligibility.rules.say, lang)
    if eligibility.rules.screen == "risk":
        shown = _NONE.say(lang) if result.risk is None else law_say(result.risk.label).lower()
        say = result.scheme.say
        because = "; ".join(
            risk_answer(say(lang, q.asked(v.them)), say(lang, q.answer), lang) for q in result.risk_answers
        )
        if because:
            text = _RISK_STEP_BECAUSE.say(lang, v, risk=shown, because=because)
        else:
            text = _RISK_STEP.say(lang, v, risk=shown)
        if eligibility.threshold is None:
            return _RISK_UNSCREENED.say(lang, v, text=text, unscreened=no_threshold(v, lang))
        text = f"{text} {_PROVIDES_STEP.say(lang, risk=law_say(eligibility.threshold.label).lower())}"
    else:
        said = [said_by_law(result.scheme, lang, o.said(v.them)) for o in result.outcomes_unmet]
        listed = "; ".join(said) or _NONE.say(lang)
        step = _CARER_STEP if eligibility.rules.person == "carer" else _ADULT_STEP
        text = step.say(lang, v, listed=listed, n=len(result.outcomes_unmet), needed=_needed(result))
    return (_LIKELY if result.likely_eligible else _MAY_NOT).say(lang, v, text=text)
