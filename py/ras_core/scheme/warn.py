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
"""

from __future__ import annotations

import itertools
from decimal import Decimal

from .errors import Problem
from .model import RISKS, Option, Question, Scheme

# The most combinations of questions tried when looking for the fewest points that make
# the screen say "likely eligible"; beyond it the check is not made.
MAX_TRIES = 200_000


def scheme_warnings(scheme: Scheme) -> list[Problem]:
    out: list[Problem] = []
    eligibility = scheme.eligibility
    rules = eligibility.rules
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
                    message=f"the law in {rules.name} counts {rules.minimum_unmet} or more outcomes "
                    f"({rules.law.title}); this scheme says {minimum.value}",
                )
            )
        for i, outcome in enumerate(eligibility.outcomes):
            if outcome.id not in law_ids:
                out.append(
                    Problem(
                        path=f"eligibility.outcomes[{i}].id",
                        message=f'"{outcome.id}" is not one of the outcomes in the law in {rules.name} '
                        f"({', '.join(law_ids)}); the screen counts it as this scheme says",
                    )
                )
        for _, question in scheme.questions():
            missed = [
                o.label for o in question.options if question.outcomes and o.points > 0 and not o.outcome_not_achieved
            ]
            if missed:
                shown = ", ".join(f'"{label}"' for label in missed[:3])
                more = f" and {len(missed) - 3} more" if len(missed) > 3 else ""
                out.append(
                    Problem(
                        path=paths[question.id],
                        message=f"{shown}{more} give points but do not count its outcomes as not achieved: in "
                        f"{rules.name} needing help at all counts as unable to achieve an outcome; where an answer "
                        "means help is needed, add outcome_not_achieved = true",
                    )
                )
    elif eligibility.threshold is None:
        out.append(
            Problem(
                path="eligibility.threshold",
                message=f"missing: in {rules.name} the screen compares the highest risk the answers show with the "
                f"council's threshold ({', '.join(RISKS)}); without it, results say they cannot screen eligibility",
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
                    message=f"no answer shows {eligibility.threshold.label.lower()} or higher, so the screen "
                    'never says likely eligible; give the answers a "risk"',
                )
            )
    if rules.screen == "risk":
        flagged = any(o.outcome_not_achieved for _, q in scheme.questions() for o in q.options)
        if eligibility.outcomes or eligibility.minimum_unmet is not None or flagged:
            out.append(
                Problem(
                    path="eligibility",
                    message=f"outcomes, minimum_unmet and outcome_not_achieved are not used in {rules.name}: the "
                    'screen there uses the risk bands (the council\'s "threshold", and a "risk" on each answer)',
                )
            )
    minimum_points = scheme.minimum_points
    cheapest = cheapest_eligible(scheme)
    if minimum_points is not None and cheapest is not None and cheapest[0] < minimum_points.value:
        total, chosen = cheapest
        example = "; ".join(f'"{o.label}" to "{q.text}"' for q, o in chosen)
        out.append(
            Problem(
                path="thresholds.minimum_points.value",
                message=f"answers with {total} points can already make the eligibility screen say likely eligible "
                f"(for example {example}), fewer than the minimum of {minimum_points.value}. Such results go by "
                f"the screen, because the law decides who is eligible, not points; to avoid the contradiction, "
                f"set the minimum to {total} or less",
            )
        )
    return out


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
