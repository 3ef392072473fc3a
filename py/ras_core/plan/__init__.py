"""A costed support plan and the true cost of employing a personal assistant.

The indicative budget is where planning starts; the plan says what the support costs.
`figures.py` reads the dated employment figures (content/employment.toml) and the
council's costs (content/plan-costs.toml); `read.py` reads a plan file; `employ.py`
works out one personal assistant's week (pay, holiday, employer's National Insurance,
pension); `cost.py` costs every line a week and a year and sets the total against the
band; `words/` says all of it, once, for `ras plan` and the page (`output.py`).
"""

from __future__ import annotations

from .cost import WEEKS, CostedLine, CostedPlan, cost_plan
from .figures import Figure, Figures, FiguresError, employment_figures, plan_costs
from .read import PlanError, plan_from_json

__all__ = [
    "WEEKS",
    "CostedLine",
    "CostedPlan",
    "Figure",
    "Figures",
    "FiguresError",
    "PlanError",
    "cost_plan",
    "employment_figures",
    "plan_costs",
    "plan_from_json",
]
