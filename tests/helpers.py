"""Answers builders shared by the tests and the benchmarks (answers files, format 2)."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path
from typing import Any

from ras_core import Scheme


def lowest_answers(scheme: Scheme, **changes: str) -> dict[str, Any]:
    """An answers dict choosing each question's first option and no unpaid help."""
    return {
        "format": 2,
        "scheme": scheme.id,
        "scheme_version": scheme.version,
        "answers": {q.id: q.options[0].id for _, q in scheme.questions()} | changes,
        "unpaid_support": {d.id: "none" for d in scheme.domains if d.asks_unpaid_support},
        "helpers_willing": {},
    }


def helped_areas(scheme: Scheme, support: dict[str, str]) -> list[str]:
    """The areas whose unpaid-support answer keeps less than all the points."""
    return [area for area, option_id in support.items() if (o := scheme.support_option(option_id)) and o.keep < 1]


def random_answers(scheme: Scheme, rng: random.Random) -> dict[str, Any]:
    """A valid older answers file (no format; one true or false for every helped area, as a
    calibration CSV's helpers_willing column) with every answer and unpaid help drawn at random."""
    options = scheme.unpaid_support.options if scheme.unpaid_support is not None else ()
    return {
        "scheme": scheme.id,
        "scheme_version": scheme.version,
        "answers": {q.id: rng.choice(q.options).id for _, q in scheme.questions()},
        "unpaid_support": {d.id: rng.choice(options).id for d in scheme.domains if d.asks_unpaid_support},
        "helpers_willing": rng.random() < 0.5,
    }


def random_answers_by_area(scheme: Scheme, rng: random.Random) -> dict[str, Any]:
    """A valid answers file, format 2, with every answer, unpaid help and each area's
    willingness ("yes", "no", "not_sure") drawn at random."""
    options = scheme.unpaid_support.options if scheme.unpaid_support is not None else ()
    support = {d.id: rng.choice(options).id for d in scheme.domains if d.asks_unpaid_support}
    return {
        "format": 2,
        "scheme": scheme.id,
        "scheme_version": scheme.version,
        "answers": {q.id: rng.choice(q.options).id for _, q in scheme.questions()},
        "unpaid_support": support,
        "helpers_willing": {area: rng.choice(("yes", "no", "not_sure")) for area in helped_areas(scheme, support)},
    }


def _toml_value(value: object) -> str:
    import datetime
    import json

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {_toml_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(type(value).__name__)


def toml_text(data: dict[str, object], prefix: str = "") -> str:
    """A TOML file for `data` (tables, lists of tables, text, numbers, dates), for tests
    that change a scheme read with tomllib and write it back."""
    plain = [f"{key} = {_toml_value(value)}" for key, value in data.items() if not _is_table(value)]
    out = ["\n".join(plain)] if plain else []
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.append(f"[{name}]\n" + toml_text(value, f"{name}."))
        elif isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
            out += [f"[[{name}]]\n" + toml_text(item, f"{name}.") for item in value]
    return "\n\n".join(part for part in out if part) + "\n"


def _is_table(value: object) -> bool:
    return isinstance(value, dict) or (
        isinstance(value, list) and bool(value) and all(isinstance(i, dict) for i in value)
    )


def ras(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The `ras` command as a council runs it: its exit code, stdout and stderr."""
    return subprocess.run(
        [sys.executable, "-m", "ras_core", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=cwd,
    )
