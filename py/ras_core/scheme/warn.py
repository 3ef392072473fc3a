"""Warnings about a scheme that loads: things allowed, but that may mislead a person.

`ras validate` prints them and still exits 0. Each is a `Problem` (dotted path and
what to do) about:

- the minimum points and the eligibility screen contradicting each other: answers
  with fewer points than the minimum can already make the screen say "likely
  eligible" (the result then goes by the screen, but the minimum reads as a promise
  it cannot keep);
- a minimum number of outcomes other than the law's (England, Wales);
- an outcome that is not one of the law's (England, Wales);
- an answer that gives points on a question about an outcome but does not count the
  outcome as not achieved: in England and Wales needing help at all counts;
- in Scotland, no threshold, no answer showing a risk at or above it, or outcomes
  given (they are not used there).

Each is a message (`ras_core.i18n`), made as a `Said`, so `ras validate --lang cy` says
it in Welsh; the scheme's and the law's own texts in it are said in the same language
where they have a translation (`Translated`).
"""

from __future__ import annotations

import itertools
from decimal import Decimal

from ..i18n import LANGUAGES, SOURCE, Translated, message
from .errors import Problem
from .model import RISKS, NationRules, Option, Question, Scheme

_W = "warning"
# "in England": said whole, since Welsh changes a name after "yn" ("yng Nghymru").
_IN_NATION = {
    "england": message("in England", context="nation"),
    "scotland": message("in Scotland", context="nation"),
    "wales": message("in Wales", context="nation"),
}
_LAW_MINIMUM = message("the law {where} counts {law} or more outcomes ({title}); this scheme says {value}", context=_W)
_NOT_THE_LAWS = message(
    '"{outcome}" is not one of the outcomes in the law {where} ({ids}); the screen counts it as this scheme says',
    context=_W,
)
_AND_MORE = message("{shown} and {n} more", context=_W, note='Answers, quoted: "Some help" and 2 more.')
_NOT_COUNTED = message(
    "{answers} give points but do not count its outcomes as not achieved: {where} needing help at all counts as "
    "unable to achieve an outcome; where an answer means help is needed, add outcome_not_achieved = true",
    context=_W,
)
_NO_THRESHOLD = message(
    "missing: {where} the screen compares the highest risk the answers show with the council's threshold "
    "({risks}); without it, results say they cannot screen eligibility",
    context=_W,
)
_NEVER_ELIGIBLE = message(
    'no answer shows {risk} or higher, so the screen never says likely eligible; give the answers a "risk"',
    context=_W,
    note="{risk} is a band's name in lower case: substantial risk.",
)
_NOT_USED = message(
    "outcomes, minimum_unmet and outcome_not_achieved are not used {where}: the screen there uses the risk "
    'bands (the council\'s "threshold", and a "risk" on each answer)',
    context=_W,
)
_ANSWER_TO = message('"{answer}" to "{question}"', context=_W, note="An answer to a question, both quoted.")
_CONTRADICTION = message(
    "answers with {total} points can already make the eligibility screen say likely eligible (for example "
    "{example}), fewer than the minimum of {minimum}. Such results go by the screen, because the law decides who "
    "is eligible, not points; to avoid the contradiction, set the minimum to {total} or less",
    context=_W,
)


def _both(said_by: Scheme | NationRules, english: str) -> Translated:
    """One of a scheme's (or the law's) texts, with its translations."""
    return Translated(english, {lang: said_by.say(lang, english) for lang in LANGUAGES if lang != SOURCE})


# The most combinations of questions tried when looking for the fewest points that make
# the screen say "likely eligible"; beyond it the check is not made.
MAX_TRIES = 200_000


def scheme_warnings(scheme: Scheme) -> list[Problem]:
    out: list[Problem] = []
    eligibility = scheme.eligibility
    rules = eligibility.rules
    where = _IN_NATION[rules.nation].later()
    paths = {
        q.id: f"domains[{d}].questions[{i}]"
        for d, dom in enumerate(scheme.domains)
        for i, q in enumerate(dom.questions)
    }
    if rules.screen == "outcomes":
        law_ids = {o.id: o for o in rules.outcomes}
        minimum = eligibility.minimum_unmet
        if minimum is not None and rules.minimum_unmet is not None and minimum.value != rules.minimum_unmet:
            out.append(
                Problem(
                    path="eligibility.minimum_unmet.value",
                    message=_LAW_MINIMUM.later(
                        where=where, law=rules.minimum_unmet, title=rules.law.title, value=minimum.value
                    ),
                )
            )
        for i, outcome in enumerate(eligibility.outcomes):
            if outcome.id not in law_ids:
                out.append(
                    Problem(
                        path=f"eligibility.outcomes[{i}].id",
                        message=_NOT_THE_LAWS.later(outcome=outcome.id, where=where, ids=", ".join(law_ids)),
                    )
                )
        for _, question in scheme.questions():
            missed = [
                o.label for o in question.options if question.outcomes and o.points > 0 and not o.outcome_not_achieved
            ]
            if missed:
                quoted = {lang: ", ".join(f'"{scheme.say(lang, label)}"' for label in missed[:3]) for lang in LANGUAGES}
                shown = Translated(quoted[SOURCE], quoted)
                answers = _AND_MORE.later(shown=shown, n=len(missed) - 3) if len(missed) > 3 else shown
                said = _NOT_COUNTED.later(answers=answers, where=where)
                out.append(Problem(path=paths[question.id], message=said))
    elif eligibility.threshold is None:
        out.append(
            Problem(
                path="eligibility.threshold",
                message=_NO_THRESHOLD.later(where=where, risks=", ".join(RISKS)),
            )
        )
    else:
        threshold = RISKS.index(eligibility.threshold.id)
        if not any(
            o.risk is not None and RISKS.index(o.risk) <= threshold for _, q in scheme.questions() for o in q.options
        ):
            out.append(
                Problem(
                    path="eligibility.threshold",
                    message=_NEVER_ELIGIBLE.later(risk=_lower(_both(rules, eligibility.threshold.label))),
                )
            )
    if rules.screen == "risk":
        flagged = any(o.outcome_not_achieved for _, q in scheme.questions() for o in q.options)
        if eligibility.outcomes or eligibility.minimum_unmet is not None or flagged:
            out.append(
                Problem(
                    path="eligibility",
                    message=_NOT_USED.later(where=where),
                )
            )
    minimum_points = scheme.minimum_points
    cheapest = cheapest_eligible(scheme)
    if minimum_points is not None and cheapest is not None and cheapest[0] < minimum_points.value:
        total, chosen = cheapest
        example = Translated(
            "; ".join(_ANSWER_TO.say(SOURCE, answer=o.label, question=q.text) for q, o in chosen),
            {
                lang: "; ".join(
                    _ANSWER_TO.say(lang, answer=scheme.say(lang, o.label), question=scheme.say(lang, q.text))
                    for q, o in chosen
                )
                for lang in LANGUAGES
            },
        )
        said = _CONTRADICTION.later(total=total, example=example, minimum=minimum_points.value)
        out.append(Problem(path="thresholds.minimum_points.value", message=said))
    return out


def _lower(text: Translated) -> Translated:
    """A band's name in lower case, in each language: "substantial risk"."""
    return Translated(text.lower(), {lang: said.lower() for lang, said in text.translations.items()})


def cheapest_eligible(scheme: Scheme) -> tuple[int, list[tuple[Question, Option]]] | None:
    """The fewest points for the needs with which the screen says "likely eligible", and
    the answers (beyond each question's lowest) that give them; None if it never does
    or the search would be too long."""
    questions = [q for _, q in scheme.questions() if q.options]
    lowest = {q.id: min(o.points for o in q.options) for q in questions}
    baseline = sum(lowest.values())
    eligibility = scheme.eligibility
    if eligibility.rules.screen == "risk":
        if eligibility.threshold is None:
            return None
        threshold = RISKS.index(eligibility.threshold.id)
        found = [
            (o.points - lowest[q.id], q, o)
            for q in questions
            for o in q.options
            if o.risk is not None and RISKS.index(o.risk) <= threshold
        ]
        if not found:
            return None
        extra, question, option = min(found, key=lambda f: f[0])
        return baseline + extra, [(question, option)]
    needed = int(eligibility.minimum_unmet.value if eligibility.minimum_unmet is not None else Decimal(1))
    known = {o.id for o in eligibility.outcomes}
    candidates: list[tuple[int, frozenset[str], Question, Option]] = []
    for q in questions:
        marked = [o for o in q.options if o.outcome_not_achieved]
        outcomes = frozenset(q.outcomes) & known
        if marked and outcomes:
            option = min(marked, key=lambda o: o.points)
            candidates.append((option.points - lowest[q.id], outcomes, q, option))
    best: tuple[int, list[tuple[Question, Option]]] | None = None
    tries = 0
    for size in range(1, needed + 1):
        for combo in itertools.combinations(candidates, size):
            tries += 1
            if tries > MAX_TRIES:
                return best
            if len(frozenset().union(*(c[1] for c in combo))) < needed:
                continue
            total = baseline + sum(c[0] for c in combo)
            if best is None or total < best[0]:
                best = (total, [(c[2], c[3]) for c in combo])
    return best
