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

if TYPE_CHECKING:
    from ..figures import Estimate


def points_say_no(result: Estimate) -> bool:
    """Whether the "below the minimum" notice is shown: only when the screen agrees."""
    return result.below_threshold and not result.likely_eligible and not _unscreened(result)


def law(result: Estimate) -> Reference:
    eligibility = result.scheme.eligibility
    return eligibility.reference or eligibility.rules.law


NO_THRESHOLD = "This council has not said from which risk band it provides services, so we cannot screen your answers."


def _unscreened(result: Estimate) -> bool:
    eligibility = result.scheme.eligibility
    return eligibility.rules.screen == "risk" and eligibility.threshold is None


def _needed(result: Estimate) -> int:
    minimum = result.scheme.eligibility.minimum_unmet
    return int(minimum.value) if minimum is not None else 1


def _finding(result: Estimate) -> str:
    """What the answers show, in the nation's terms."""
    eligibility = result.scheme.eligibility
    threshold = eligibility.threshold
    if eligibility.rules.screen == "risk":
        provides = (
            NO_THRESHOLD if threshold is None else f"This council provides services from {threshold.label.lower()} up."
        )
        if result.risk is None:
            return f"None of your answers shows a risk to your independence or wellbeing. {provides}"
        return f"The highest risk your answers show is {result.risk.label.lower()}: {result.risk.text}. {provides}"
    count = len(result.outcomes_unmet)
    outcomes = "1 outcome" if count == 1 else f"{count} outcomes"
    return (
        f"Your answers say you cannot achieve {outcomes} from the list in the law. "
        f"People are usually eligible when they cannot achieve {_needed(result)} or more."
    )


def eligibility_line(result: Estimate) -> str:
    """The one message: probably yes or perhaps not, and how the minimum points fit with it."""
    finding = _finding(result)
    if _unscreened(result):
        return f"We cannot say. {finding} You can ask for an assessment."
    minimum = result.scheme.minimum_points
    if result.likely_eligible:
        if result.below_threshold and minimum is not None:
            return (
                f"Probably yes. {finding} Your needs give {points(result.total_before_unpaid_support)}, fewer "
                f"than the council's minimum of {points(int(minimum.value))}, but the law decides who is "
                "eligible, not points, so go by this screen and ask for an assessment."
            )
        return f"Probably yes. {finding}"
    text = f"Perhaps not. {finding}"
    if result.amount > 0:
        text += (
            " The figure above is what your points would give if the council finds you eligible: "
            "points do not decide eligibility."
        )
    return f"{text} You can still ask for an assessment."


def unable_line(result: Estimate) -> str | None:
    """What "unable to achieve" means in the law, beyond what the answers show (England, Wales)."""
    rules = result.scheme.eligibility.rules
    mapped = [u for u in rules.unable if u.decided == "answers"]
    others = [u for u in rules.unable if u.decided != "answers"]
    if not others:
        return None
    where = listing(list(dict.fromkeys(u.where for u in others)))
    counted = f" ({mapped[0].where})" if mapped else ""
    return (
        f"We counted an outcome when your answer means you need help with it{counted}. The law also counts "
        f"you as unable to achieve an outcome when {'; or when '.join(u.text for u in others)} ({where}). "
        "If that is true for you, tell the council at your assessment."
    )


def conditions_line(result: Estimate) -> str | None:
    """The law's conditions that the council decides at the assessment, not the answers."""
    rules = result.scheme.eligibility.rules
    others = [f"{c.text} ({c.where})" for c in rules.conditions if c.decided != "answers"]
    if not others:
        return None
    return f"At your assessment the council also decides whether {'; and whether '.join(others)}."


def risk_answer(question: str, answer: str) -> str:
    return f"{question} {quoted(answer)}"


def working_step(result: Estimate) -> str:
    """The screen as a step of the working."""
    eligibility = result.scheme.eligibility
    likely = "are likely" if result.likely_eligible else "may not be likely"
    if eligibility.rules.screen == "risk":
        shown = "none" if result.risk is None else result.risk.label.lower()
        because = "; ".join(risk_answer(q.question, q.answer) for q in result.risk_answers)
        text = f"The highest risk your answers show: {shown}" + (f" ({because})" if because else "") + "."
        if eligibility.threshold is None:
            return f"{text} {NO_THRESHOLD} The council decides at your assessment."
        text += f" This council provides services from {eligibility.threshold.label.lower()} up"
    else:
        listed = "; ".join(o.text for o in result.outcomes_unmet) or "none"
        text = (
            f"Outcomes your answers say you cannot achieve: {listed} ({len(result.outcomes_unmet)}). People are "
            f"usually eligible when they cannot achieve {_needed(result)} or more"
        )
    return (
        f"{text}, so you {likely} to be eligible. "
        "This is a screen, not a decision: the council decides at your assessment."
    )
