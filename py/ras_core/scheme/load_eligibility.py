"""Reading a scheme's eligibility screen, by the rules of its nation.

The section is optional: by default a scheme's screen is its nation's law (the
outcomes and the number that must be unmet in England and Wales, packaged in
`ras_core/eligibility/`). A council may name the outcomes its questions inform
(`[[eligibility.outcomes]]`, each an id from the law, with the law's words unless it
gives its own), give `minimum_unmet` as a parameter, and a `reference`. In Scotland
the screen is the national framework's risk bands: the council sets its `threshold`
and answers carry a `risk` (outcomes are not used there; without a threshold the
result says it cannot screen, and `ras validate` warns).
"""

from __future__ import annotations

from decimal import Decimal

from ..eligibility import CARER_RULES, rules_for
from . import load_words as w
from ._reader import Reader
from .checks import Checks
from .model import RISKS, Domain, Eligibility, NationRules, Outcome, Parameter, RiskBand


def eligibility(
    check: Checks, reader: Reader | None, domains: tuple[Domain, ...], nation: str, person: str = "adult"
) -> Eligibility:
    if person == "carer" and nation not in CARER_RULES:
        nations = ", ".join(n.title() for n in CARER_RULES)
        check.fail("scheme.person", w.CARERS_LAW.later(nations=nations, nation=nation))
        person = "adult"
    rules = rules_for(nation, person)
    minimum: Parameter | None = None
    threshold: RiskBand | None = None
    outcomes: list[Outcome] = []
    reference = None
    listed = False
    if reader is not None:
        reference = check.reference(reader)
        if reader.has("threshold"):
            if rules.screen == "risk":
                chosen = reader.choice("threshold", RISKS)
                threshold = next(band for band in rules.bands if band.id == chosen)
            else:
                reader.problem("threshold", w.THRESHOLD_SCOTLAND.later())
        minimum = check.parameter(reader, "minimum_unmet", required=False, whole=True, minimum=Decimal(1))
        listed = reader.has("outcomes")
        outcomes = _outcomes(check, reader, rules)
        reader.done()
    if not listed:
        outcomes = [Outcome(id=o.id, text=o.text, text_them=o.text_them) for o in rules.outcomes]
    if minimum is None and rules.screen == "outcomes":
        minimum = _law_minimum(rules)
    _known_outcomes(check, outcomes, domains)
    return Eligibility(
        rules=rules, minimum_unmet=minimum, outcomes=tuple(outcomes), threshold=threshold, reference=reference
    )


def _law_minimum(rules: NationRules) -> Parameter:
    count = rules.minimum_unmet or 1
    noun = "outcome" if count == 1 else "outcomes"
    return Parameter(
        label="Outcomes needed for eligibility",
        description=f"The law in {rules.name} asks that you are unable to achieve {count} or more of the "
        f"{noun} it lists."
        if rules.person == "adult"
        else f"The law in {rules.name} asks that caring puts your health at risk or that you are unable to "
        f"achieve {count} or more of the {noun} it lists.",
        value=Decimal(count),
        reference=rules.law,
        start_date=None,
    )


def _outcomes(check: Checks, reader: Reader, rules: NationRules) -> list[Outcome]:
    law = {o.id: o.text for o in rules.outcomes}
    law_them = {o.id: o.text_them for o in rules.outcomes}
    outcomes: list[Outcome] = []
    ids: list[tuple[str, str]] = []
    for o in reader.tables("outcomes", required=False):
        outcome_id = check.ident(o)
        ids.append((outcome_id, o.at("id")))
        own = o.has("text")
        text = o.words("text", required=outcome_id not in law, default=law.get(outcome_id, ""))
        text_them = o.optional_words("text_them")
        if text_them is None and not own:
            text_them = law_them.get(outcome_id)
        outcomes.append(Outcome(id=outcome_id, text=text, text_them=text_them))
        o.done()
    check.unique(ids, "outcome")
    return outcomes


def _known_outcomes(check: Checks, outcomes: list[Outcome], domains: tuple[Domain, ...]) -> None:
    known = {o.id for o in outcomes}
    listed = ", ".join(o.id for o in outcomes) or w.NO_OUTCOMES.later()
    for d, domain in enumerate(domains):
        for q, question in enumerate(domain.questions):
            for k, outcome_id in enumerate(question.outcomes):
                if outcome_id not in known:
                    said = w.UNKNOWN_OUTCOME.later(outcome=outcome_id, listed=listed)
                    check.fail(f"domains[{d}].questions[{q}].outcomes[{k}]", said)
