"""Checking a scheme's wording for someone answering for another person: all of it or none.

A scheme may give, beside each text a person reads about themselves ("How much help do
you need to wash?"), the same text for someone filling the assessment in for another
person ("How much help do they need to wash?"): `text_them` and `hint_them` on a
question and `individual_costing_them` on an answer (a `guide` already speaks to the
worker of the person), `intro_them` and
`unpaid_support_question_them` on an area, and `question_them`, `hint_them`,
`willing_question_them` and `willing_hint_them` in `[unpaid_support]`. The page offers
to answer for someone else only when the scheme has them, so it must have every one:
where a text is given and its other wording is not, or the other wording is given
without the text, each is a problem with its dotted path, all reported together with
the scheme's other problems.
"""

from __future__ import annotations

from . import load_words as w
from .checks import Checks
from .model import Domain, UnpaidSupport


def _pairs(
    domains: tuple[Domain, ...] | list[Domain], support: UnpaidSupport | None
) -> list[tuple[str, str, bool, bool]]:
    """(path of the table, key, the text is given, its other wording is given), in file order."""
    pairs: list[tuple[str, str, bool, bool]] = []
    for d, domain in enumerate(domains):
        at = f"domains[{d}]"
        pairs.append((at, "intro", domain.intro is not None, domain.intro_them is not None))
        pairs.append(
            (
                at,
                "unpaid_support_question",
                bool(domain.unpaid_support_question),
                domain.unpaid_support_question_them is not None,
            )
        )
        for q, question in enumerate(domain.questions):
            qat = f"{at}.questions[{q}]"
            pairs.append((qat, "text", True, question.text_them is not None))
            pairs.append((qat, "hint", True, question.hint_them is not None))
            for k, option in enumerate(question.options):
                given = option.individual_costing is not None
                pairs.append(
                    (f"{qat}.options[{k}]", "individual_costing", given, option.individual_costing_them is not None)
                )
    if support is not None:
        pairs.append(("unpaid_support", "question", True, support.question_them is not None))
        pairs.append(("unpaid_support", "hint", True, support.hint_them is not None))
        pairs.append(("unpaid_support", "willing_question", True, support.willing_question_them is not None))
        pairs.append(("unpaid_support", "willing_hint", True, support.willing_hint_them is not None))
    return pairs


def check(checks: Checks, domains: tuple[Domain, ...] | list[Domain], support: UnpaidSupport | None) -> None:
    """Every text has both wordings, or none has (see the module's docstring)."""
    pairs = _pairs(domains, support)
    first = next((f"{at}.{key}_them" for at, key, _, them in pairs if them), None)
    if first is None:
        return
    for at, key, given, them in pairs:
        if given and not them:
            checks.fail(f"{at}.{key}_them", w.THEM_MISSING.later(first=first, key=f"{key}_them"))
        elif them and not given:
            checks.fail(f"{at}.{key}_them", w.THEM_EXTRA.later(base=key))
