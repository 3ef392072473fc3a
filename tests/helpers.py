"""Answers builders shared by the tests and the benchmarks."""

from __future__ import annotations

import random
from typing import Any

from ras_core import Scheme


def lowest_answers(scheme: Scheme, **changes: str) -> dict[str, Any]:
    """An answers dict choosing each question's first option and no unpaid help."""
    return {
        "scheme": scheme.id,
        "scheme_version": scheme.version,
        "answers": {q.id: q.options[0].id for _, q in scheme.questions()} | changes,
        "unpaid_support": {d.id: "none" for d in scheme.domains if d.asks_unpaid_support},
        "helpers_willing": None,
    }


def random_answers(scheme: Scheme, rng: random.Random) -> dict[str, Any]:
    """A valid answers dict with every answer, unpaid help and willingness drawn at random."""
    return {
        "scheme": scheme.id,
        "scheme_version": scheme.version,
        "answers": {q.id: rng.choice(q.options).id for _, q in scheme.questions()},
        "unpaid_support": {
            d.id: rng.choice(scheme.unpaid_support.options).id for d in scheme.domains if d.asks_unpaid_support
        },
        "helpers_willing": rng.random() < 0.5,
    }
