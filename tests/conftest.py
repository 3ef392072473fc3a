"""Shared fixtures: the repository's paths, the example scheme, and answers builders."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ras_core import Scheme, load_scheme

ROOT = Path(__file__).resolve().parent.parent
SCHEMES = ROOT / "content" / "schemes"
TEST_SCHEMES = Path(__file__).resolve().parent / "schemes"
EXAMPLE = SCHEMES / "example.toml"


def scheme_path(name: str) -> Path:
    """A scheme by name: the shipped example, or one of the test schemes."""
    shipped = SCHEMES / f"{name}.toml"
    return shipped if shipped.exists() else TEST_SCHEMES / f"{name}.toml"


def lowest_answers(scheme: Scheme, **changes: str) -> dict[str, Any]:
    """An answers dict choosing each question's first option and no unpaid help."""
    return {
        "scheme": scheme.id,
        "scheme_version": scheme.version,
        "answers": {q.id: q.options[0].id for _, q in scheme.questions()} | changes,
        "unpaid_support": {d.id: "none" for d in scheme.domains if d.asks_unpaid_support},
        "helpers_willing": None,
    }


@pytest.fixture(scope="session")
def example() -> Scheme:
    return load_scheme(EXAMPLE)
