"""The eligibility screen in words: one message, true to the scheme's nation.

England and Wales count the outcomes the answers say cannot be achieved; Scotland
compares the highest risk the answers show with the council's threshold. When the
council's minimum points and the screen disagree, the screen wins: the law (or, in
Scotland, the national framework) decides eligibility, not points. So a person is
told one thing: never both "you may not have needs the council can pay for" and
"probably yes".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...scheme.model import Reference
from .phrases import listing, points, quoted
from .voice import Voice, voice

if TYPE_CHECKING:
    from ..figures import Estimate


def points_say_no(result: Estimate) -> bool:
    """Whether the "below the minimum" notice is shown: only when the screen agrees."""
    return result.below_threshold and not result.likely_eligible and not _unscreened(result)


def law(result: Estimate) -> Reference:
    eligibility = result.scheme.eligibility
    return eligibility.reference or eligibility.rules.law


def no_threshold(v: Voice) -> str:
    return f"This council has not said from which risk band it provides services, so we cannot screen {v.answers}."


def _unscreened(result: Estimate) -> bool:
    eligibility = result.scheme.eligibility
    return eligibility.rules.screen == "risk" and eligibility.threshold is None


def _needed(result: Estimate) -> int:
    minimum = result.scheme.eligibility.minimum_unmet
    return int(minimum.value) if minimum is not None else 1


def _finding(result: Estimate, v: Voice) -> str:
    """What the answers show, in the nation's terms."""
    eligibility = result.scheme.eligibility
    threshold = eligibility.threshold
    if eligibility.rules.screen == "risk":
        provides = (
            no_threshold(v)
            if threshold is None
            else f"This council provides services from {threshold.label.lower()} up."
        )
        if result.risk is None:
            return f"None of {v.answers} shows a risk to {v.your} independence or wellbeing. {provides}"
        risk = f"{result.risk.label.lower()}: {result.risk.said(v.them)}"
        return f"The highest risk {v.answers} show is {risk}. {provides}"
    count = len(result.outcomes_unmet)
    if eligibility.rules.person == "carer":
        shown = "1 of the effects of caring" if count == 1 else f"{count} of the effects of caring"
        return (
            f"{v.Answers} show {shown} that the law lists ({v.your} health at risk, or an outcome {v.you} cannot "
            f"achieve). Carers are usually eligible when {_needed(result)} or more of them apply."
        )
    outcomes = "1 outcome" if count == 1 else f"{count} outcomes"
    return (
        f"{v.Answers} say {v.you} cannot achieve {outcomes} from the list in the law. "
        f"People are usually eligible when they cannot achieve {_needed(result)} or more."
    )


def eligibility_line(result: Estimate) -> str:
    """The one message: probably yes or perhaps not, and how the minimum points fit with it."""
    v = voice(result)
    finding = _finding(result, v)
    if _unscreened(result):
        return f"We cannot say. {finding} {v.You} can ask for an assessment."
    minimum = result.scheme.minimum_points
    if result.likely_eligible:
        if result.below_threshold and minimum is not None:
            return (
                f"Probably yes. {finding} {v.Your} needs give {points(result.total_before_unpaid_support)}, fewer "
                f"than the council's minimum of {points(int(minimum.value))}, but the law decides who is "
                "eligible, not points, so go by this screen and ask for an assessment."
            )
        return f"Probably yes. {finding}"
    text = f"Perhaps not. {finding}"
    if result.amount > 0:
        text += (
            f" The figure above is what {v.your} points would give if the council finds {v.you_obj} eligible: "
            "points do not decide eligibility."
        )
    return f"{text} {v.You} can still ask for an assessment."


def unable_line(result: Estimate) -> str | None:
    """What "unable to achieve" means in the law, beyond what the answers show (England, Wales)."""
    v = voice(result)
    rules = result.scheme.eligibility.rules
    mapped = [u for u in rules.unable if u.decided == "answers"]
    others = [u for u in rules.unable if u.decided != "answers"]
    if not others:
        return None
    where = listing(list(dict.fromkeys(u.where for u in others)))
    counted = f" ({mapped[0].where})" if mapped else ""
    answer = "your answer" if not v.them else "the answer"
    return (
        f"We counted an outcome when {answer} means {v.you} need help with it{counted}. The law also counts "
        f"{v.you_obj} as unable to achieve an outcome when {'; or when '.join(u.said(v.them) for u in others)} "
        f"({where}). If that is true for {v.you_obj}, tell the council at {v.your} assessment."
    )


def conditions_line(result: Estimate) -> str | None:
    """The law's conditions that the council decides at the assessment, not the answers."""
    v = voice(result)
    rules = result.scheme.eligibility.rules
    others = [f"{c.said(v.them)} ({c.where})" for c in rules.conditions if c.decided != "answers"]
    if not others:
        return None
    return f"At {v.your} assessment the council also decides whether {'; and whether '.join(others)}."


def risk_answer(question: str, answer: str) -> str:
    return f"{question} {quoted(answer)}"


def working_step(result: Estimate) -> str:
    """The screen as a step of the working."""
    v = voice(result)
    eligibility = result.scheme.eligibility
    likely = "are likely" if result.likely_eligible else "may not be likely"
    if eligibility.rules.screen == "risk":
        shown = "none" if result.risk is None else result.risk.label.lower()
        because = "; ".join(risk_answer(q.asked(v.them), q.answer) for q in result.risk_answers)
        text = f"The highest risk {v.answers} show: {shown}" + (f" ({because})" if because else "") + "."
        if eligibility.threshold is None:
            return f"{text} {no_threshold(v)} The council decides at {v.your} assessment."
        text += f" This council provides services from {eligibility.threshold.label.lower()} up"
    else:
        listed = "; ".join(o.said(v.them) for o in result.outcomes_unmet) or "none"
        count = len(result.outcomes_unmet)
        if eligibility.rules.person == "carer":
            text = (
                f"Effects of caring in the law that {v.answers} show: {listed} ({count}). Carers are usually "
                f"eligible when {_needed(result)} or more of them apply"
            )
        else:
            text = (
                f"Outcomes {v.answers} say {v.you} cannot achieve: {listed} ({count}). People are usually eligible "
                f"when they cannot achieve {_needed(result)} or more"
            )
    return (
        f"{text}, so {v.you} {likely} to be eligible. "
        f"This is a screen, not a decision: the council decides at {v.your} assessment."
    )
