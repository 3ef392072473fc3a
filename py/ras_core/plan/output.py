"""A costed plan as JSON for `ras plan --json` and the page, and the command's body.

Money is written as decimal strings with two places ("325.83"); figures set by law or
the council with every decimal place they have ("12.07"). `run_plan` is what `ras
plan` does, so cli.py stays small. The words (`words`, each line's `working` and
`rounding`) are in the language asked for (`lang`, English unless another is named); the
figures are the same in each.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..files import read_text
from ..i18n import SOURCE, message
from ..scheme._reader import say
from ..scheme.money import exact, plain
from .cost import CostedLine, CostedPlan, cost_plan
from .figures import Figure, FiguresError, employment_figures, plan_costs
from .read import PlanError, plan_from_json
from .words import as_text, lines
from .words.working import line_working

# Where `ras plan` finds the figures when it is not told: content/ in the source tree
# (py/ras_core/plan/output.py is 4 levels down), from whatever folder it is run in, as
# `ras contribution` finds its rules.
CONTENT = Path(__file__).resolve().parents[3] / "content"
EMPLOYMENT = CONTENT / "employment.toml"
COSTS = CONTENT / "plan-costs.toml"

_ROUNDING = message(
    "each amount to the penny, halves up, before it is added",
    note="How a costed plan's amounts are rounded (ras plan --json, after 'rounding:').",
)


def figure_to_dict(figure: Figure) -> dict[str, Any]:
    return {
        "key": figure.key,
        "label": figure.label,
        "value": exact(figure.value),
        "start": figure.start.isoformat(),
        "source": {"title": figure.reference.title, "url": figure.reference.url},
        "confirmed": figure.confirmed,
        "note": figure.note,
    }


def line_to_dict(line: CostedLine, council: str, lang: str = SOURCE) -> dict[str, Any]:
    return {
        "kind": line.kind,
        "name": line.name,
        "weekly": plain(line.weekly),
        "yearly": plain(line.yearly),
        "basis": line.basis,
        "working": [
            {"text": text, "reference": None if ref is None else {"title": ref.title, "url": ref.url}}
            for text, ref in line_working(line, council, lang)
        ],
    }


def costed_to_dict(costed: CostedPlan, lang: str = SOURCE) -> dict[str, Any]:
    band = costed.plan.band
    return {
        "plan": costed.plan.to_dict(),
        "weeks_per_year": costed.weeks,
        "rounding": _ROUNDING.say(lang),
        "lines": [line_to_dict(line, say(costed, "council", lang), lang) for line in costed.lines],
        "weekly_total": plain(costed.weekly_total),
        "yearly_total": plain(costed.yearly_total),
        "band": band.to_dict(),
        "position": costed.position,
        "difference": plain(costed.difference),
        "council": costed.council,
        "illustrative": costed.illustrative,
        "figures": [figure_to_dict(figure) for figure in costed.figures],
        "words": [line.to_dict() for line in lines(costed, lang)],
    }


def run_plan(
    plan_path: str, employment_path: str | None, costs_path: str | None, as_json: bool, *, lang: str = SOURCE
) -> str:
    """What `ras plan` prints, in `lang`; raises `InputError` (every problem) for a bad
    file (the plan file's own problems in `lang`)."""
    law_path = employment_path or str(EMPLOYMENT)
    council_path = costs_path or str(COSTS)
    law = employment_figures(read_text(law_path, FiguresError), source=law_path)
    costs = plan_costs(read_text(council_path, FiguresError), source=council_path)
    plan = plan_from_json(read_text(plan_path, PlanError), source=plan_path, lang=lang)
    costed = cost_plan(plan, law, costs)
    if as_json:
        return json.dumps(costed_to_dict(costed, lang), indent=2, ensure_ascii=False)
    return as_text(lines(costed, lang), lang)
