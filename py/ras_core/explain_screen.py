"""The published method's sections on individual costing and the eligibility screen.

Which answers mean a budget is worked out individually, and why; and the screen by
the rules of the scheme's nation: the law's conditions (and who decides each), what
"unable to achieve" means, and which answers count towards each outcome (England,
Wales) or show each risk band (Scotland).
"""

from __future__ import annotations

from .markdown import cite, markdown_text
from .scheme.model import RISKS, Scheme


def individual_section(scheme: Scheme) -> list[str]:
    marked = [(q, o) for _, q in scheme.questions() for o in q.options if o.individual_costing]
    if not marked:
        return []
    lines = [
        "## Answers that mean your budget is worked out individually",
        "",
        "A points sum cannot show what these needs cost. If you give any of these answers, your budget will be "
        "worked out individually with you, and the figure is only a starting point:",
        "",
    ]
    for question, option in marked:
        reason = markdown_text(option.individual_costing or "")
        lines.append(f"- \u201c{markdown_text(option.label)}\u201d ({markdown_text(question.text)}): {reason}.")
    return [*lines, ""]


def eligibility_section(scheme: Scheme) -> list[str]:
    eligibility = scheme.eligibility
    rules = eligibility.rules
    reference = eligibility.reference or rules.law
    lines = ["## Eligibility screen", ""]
    lines.append(
        f"The screen follows the rules in {rules.name}.{cite(rules.law)} It is a screen, not a decision: "
        "the council decides at your assessment."
    )
    lines += ["", "The conditions:", ""]
    for condition in rules.conditions:
        who = "worked out from your answers" if condition.decided == "answers" else "decided at your assessment"
        lines.append(f"- {markdown_text(condition.text)} ({markdown_text(condition.where)}): {who}.")
    lines += ["", markdown_text(rules.note), ""]
    if rules.screen == "risk":
        return lines + _risk_bands(scheme)
    needed = int(eligibility.minimum_unmet.value) if eligibility.minimum_unmet is not None else 1
    lines.append(
        f"If {needed} or more of these outcomes are not achieved, you are likely to be eligible.{cite(reference)}"
    )
    if rules.unable:
        lines += ["", "The law counts you as unable to achieve an outcome when:", ""]
        for unable in rules.unable:
            how = " The screen counts an answer that means you need help." if unable.decided == "answers" else ""
            lines.append(f"- {markdown_text(unable.text)} ({markdown_text(unable.where)}).{how}")
        lines += ["", "Tell the council at your assessment if any of the others is true for you.", ""]
    lines += ["The answers that count towards each outcome:", ""]
    for outcome in eligibility.outcomes:
        counted = [
            f"\u201c{markdown_text(o.label)}\u201d"
            for _, q in scheme.questions()
            if outcome.id in q.outcomes
            for o in q.options
            if o.outcome_not_achieved
        ]
        asked = sorted({markdown_text(q.text) for _, q in scheme.questions() if outcome.id in q.outcomes})
        if counted:
            lines.append(f"- **{markdown_text(outcome.text)}**: {', '.join(counted)} ({' '.join(asked)})")
        else:
            lines.append(f"- **{markdown_text(outcome.text)}**: no answer in this scheme counts towards it")
    return [*lines, ""]


def _risk_bands(scheme: Scheme) -> list[str]:
    threshold = scheme.eligibility.threshold
    if threshold is None:
        lines = ["This council has not said from which risk band it provides services, so the screen cannot say.", ""]
    else:
        lines = [
            f"This council provides services from **{markdown_text(threshold.label.lower())}** up. The highest "
            "risk your answers show decides the screen.",
            "",
        ]
    for band in scheme.eligibility.rules.bands:
        answers = [
            f"\u201c{markdown_text(o.label)}\u201d ({markdown_text(q.text)})"
            for _, q in scheme.questions()
            for o in q.options
            if o.risk == band.id
        ]
        shown = "; ".join(answers) or "no answer in this scheme"
        provided = " (provided)" if threshold is not None and RISKS.index(band.id) <= RISKS.index(threshold.id) else ""
        lines.append(f"- **{markdown_text(band.label)}**{provided}: {markdown_text(band.text)}. Answers: {shown}.")
    return [*lines, ""]
