"""Shared fixtures: the repository's paths, the example scheme, and answers builders."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import lowest_answers, random_answers
from ras_core import Scheme, load_scheme

__all__ = ["lowest_answers", "random_answers"]

ROOT = Path(__file__).resolve().parent.parent
SCHEMES = ROOT / "content" / "schemes"
TEST_SCHEMES = Path(__file__).resolve().parent / "schemes"
EXAMPLE = SCHEMES / "example.toml"


def scheme_path(name: str) -> Path:
    """A scheme by name: the shipped example, or one of the test schemes."""
    shipped = SCHEMES / f"{name}.toml"
    return shipped if shipped.exists() else TEST_SCHEMES / f"{name}.toml"


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole site built once with the schemes content/council.toml lists, in a temporary folder."""
    import sys

    sys.path.insert(0, str(ROOT))
    import build

    out = tmp_path_factory.mktemp("site") / "dist"
    build.build(None, out)  # every scheme content/council.toml lists
    return out


@pytest.fixture(scope="session")
def example() -> Scheme:
    return load_scheme(EXAMPLE)
