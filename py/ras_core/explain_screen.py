"""The published method's sections on individual costing and the eligibility screen.

Which answers mean a budget is worked out individually, and why; and the screen by
the rules of the scheme's nation: the law's conditions (and who decides each), what
"unable to achieve" means, and which answers count towards each outcome (England,
Wales) or show each risk band (Scotland).

Each sentence is a message (`ras_core.i18n`), said in the language of `markdown.Said`;
the law's own words (its name, conditions, cases of "unable", outcomes, risk bands,
note and title) are the nation's data, said from its rules' translations
(`NationRules.say`) or the scheme's own wording of them (a nation's name the rules
do not translate is the core's own message). In Welsh a condition follows
"a" ("whether") and a case of "unable" follows "pan" ("when"), as in the result
(`eligibility/england.toml` says so), so the messages that hold them say those words.
"""

from __future__ import annotations

from .i18n import SOURCE, message
from .markdown import Said, markdown_text
from .scheme.model import RISKS, NationRules, Scheme

NATION_NAMES = {"england": "England", "wales": "Wales", "scotland": "Scotland"}

_INDIVIDUAL = message(
    "Answers that mean your budget is worked out individually", note="A heading of the published method."
)
_INDIVIDUAL_LEAD = message(
    "A points sum cannot show what these needs cost. If you give any of these answers, your budget will be worked "
    "out individually with you, and the figure is only a starting point:"
)
_CAUSE = message(
    "\u201c{answer}\u201d ({question}): {why}.", note="An answer, the question it answers, and the council's reason."
)
_SCREEN = message("Eligibility screen", note="A heading of the published method.")
_FOLLOWS = message(
    "The screen follows the rules in {name}.{source} It is a screen, not a decision: the council decides at your "
    "assessment.",
    note="{name} is the nation whose law it is (England, Wales, Scotland); {source} is ' Source: …' or nothing.",
)
# A nation's name, where its rules give none in the language asked for.
_NATIONS = {nation: message(name, context="nation") for nation, name in NATION_NAMES.items()}
_CONDITIONS = message("The conditions:", note="Followed by a list of the law's conditions.")
_CONDITION = message(
    "{condition} ({where}): {who}.",
    note="One of the law's conditions (in Welsh it follows 'a': '… a yw eich anghenion …'), where the law sets it, "
    "and who decides it.",
)
_FROM_ANSWERS = message("worked out from your answers", note="Who decides a condition of the law.")
_AT_ASSESSMENT = message("decided at your assessment", note="Who decides a condition of the law.")
_NEEDED = message(
    "If {needed} or more of these outcomes are not achieved, you are likely to be eligible.{source}",
    note="{source} is ' Source: …' or nothing.",
)
_UNABLE = message(
    "The law counts you as unable to achieve an outcome when:",
    note="Followed by a list of the law's cases (in Welsh each follows 'pan': 'pan allwch …').",
)
_CASE = message(
    "{case} ({where}).{how}",
    note="A case of the law's 'unable to achieve' (in Welsh it follows 'pan', with its soft mutation), where the "
    "law sets it, and {how}: how the screen counts it, or nothing.",
)
_COUNTED = message(" The screen counts an answer that means you need help.")
_OTHERS = message("Tell the council at your assessment if any of the others is true for you.")
_COUNT_TOWARDS = message("The answers that count towards each outcome:")
_QUOTED = message("\u201c{answer}\u201d", note="An answer, in quotation marks.")
_OUTCOME = message(
    "**{outcome}**: {answers} ({questions})",
    note="Markdown: **…** is bold. An outcome of the law, the answers that count towards it, and their questions.",
)
_NOT_COUNTED = message(
    "**{outcome}**: no answer in this scheme counts towards it", note="Markdown: **…** is bold. An outcome of the law."
)
_NO_THRESHOLD = message(
    "This council has not said from which risk band it provides services, so the screen cannot say."
)
_PROVIDES = message(
    "This council provides services from **{risk}** up. The highest risk your answers show decides the screen.",
    note="Markdown: **…** is bold. {risk} is a risk band, in lower case.",
)
_RISK_ANSWER = message("\u201c{answer}\u201d ({question})", note="An answer, and the question it answers.")
_NO_ANSWER = message("no answer in this scheme", note="No answer of the scheme shows this risk.")
_BAND = message(
    "**{band}**: {text}. Answers: {answers}.",
    note="Markdown: **…** is bold. A risk band, what it means, and the answers that show it.",
)
_BAND_PROVIDED = message(
    "**{band}** (provided): {text}. Answers: {answers}.",
    note="Markdown: **…** is bold. A risk band the council provides services for, what it means, and the answers "
    "that show it.",
)


def individual_section(scheme: Scheme, said: Said) -> list[str]:
    marked = [(q, o) for _, q in scheme.questions() for o in q.options if o.individual_costing]
    if not marked:
        return []
    lang = said.lang
    lines = [f"## {_INDIVIDUAL.say(lang)}", "", _INDIVIDUAL_LEAD.say(lang), ""]
    for question, option in marked:
        cause = _CAUSE.say(
            lang, answer=said(option.label), question=said(question.text), why=said(option.individual_costing or "")
        )
        lines.append(f"- {cause}")
    return [*lines, ""]


def eligibility_section(scheme: Scheme, said: Said) -> list[str]:
    lang, eligibility = said.lang, scheme.eligibility
    rules = eligibility.rules
    reference = eligibility.reference or rules.law
    lines = [f"## {_SCREEN.say(lang)}", ""]
    lines.append(_FOLLOWS.say(lang, name=_nation(rules, lang), source=said.cite(rules.law)))
    lines += ["", _CONDITIONS.say(lang), ""]
    for condition in rules.conditions:
        who = (_FROM_ANSWERS if condition.decided == "answers" else _AT_ASSESSMENT).say(lang)
        said_condition = _CONDITION.say(
            lang, condition=said.law(condition.text), where=said.law(condition.where), who=who
        )
        lines.append(f"- {said_condition}")
    lines += ["", said.law(rules.note), ""]
    if rules.screen == "risk":
        return lines + _risk_bands(scheme, said)
    needed = int(eligibility.minimum_unmet.value) if eligibility.minimum_unmet is not None else 1
    lines.append(_NEEDED.say(lang, needed=needed, source=said.cite(reference)))
    if rules.unable:
        lines += ["", _UNABLE.say(lang), ""]
        for unable in rules.unable:
            how = _COUNTED.say(lang) if unable.decided == "answers" else ""
            case = _CASE.say(lang, case=said.law(unable.text), where=said.law(unable.where), how=how)
            lines.append(f"- {case}")
        lines += ["", _OTHERS.say(lang), ""]
    lines += [_COUNT_TOWARDS.say(lang), ""]
    for outcome in eligibility.outcomes:
        counted = [
            _QUOTED.say(lang, answer=said(o.label))
            for _, q in scheme.questions()
            if outcome.id in q.outcomes
            for o in q.options
            if o.outcome_not_achieved
        ]
        # The questions in the order of their English, so that every language lists them alike.
        texts = {markdown_text(q.text): q.text for _, q in scheme.questions() if outcome.id in q.outcomes}
        asked = [said(texts[key]) for key in sorted(texts)]
        text = said.law(outcome.text)
        if counted:
            lines.append("- " + _OUTCOME.say(lang, outcome=text, answers=", ".join(counted), questions=" ".join(asked)))
        else:
            lines.append("- " + _NOT_COUNTED.say(lang, outcome=text))
    return [*lines, ""]


def _nation(rules: NationRules, lang: str) -> str:
    """The rules' name for their nation in `lang`: the rules' own translation, else the core's."""
    name = rules.say(lang, rules.name)
    if lang != SOURCE and name == rules.name and rules.nation in _NATIONS:
        name = _NATIONS[rules.nation].say(lang)
    return markdown_text(name)


def _risk_bands(scheme: Scheme, said: Said) -> list[str]:
    lang, threshold = said.lang, scheme.eligibility.threshold
    if threshold is None:
        lines = [_NO_THRESHOLD.say(lang), ""]
    else:
        lines = [_PROVIDES.say(lang, risk=said.law(threshold.label).lower()), ""]
    for band in scheme.eligibility.rules.bands:
        answers = [
            _RISK_ANSWER.say(lang, answer=said(o.label), question=said(q.text))
            for _, q in scheme.questions()
            for o in q.options
            if o.risk == band.id
        ]
        shown = "; ".join(answers) or _NO_ANSWER.say(lang)
        provided = threshold is not None and RISKS.index(band.id) <= RISKS.index(threshold.id)
        sentence = _BAND_PROVIDED if provided else _BAND
        lines.append("- " + sentence.say(lang, band=said.law(band.label), text=said.law(band.text), answers=shown))
    return [*lines, ""]
