"""What a costed support plan holds: who it is for, the band it is planned against, the
outcomes, the person's own reasons, and its lines of support.

A plan file is JSON (format 1, described in `read.py`); these frozen dataclasses are
what reading it gives. Money and hours are exact Decimals as written; nothing here is
worked out (that is `employ.py` for a personal assistant and `cost.py` for the plan).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..scheme import money

FORMAT = 1

# The times of the week a personal assistant or an agency can be paid for by the hour.
TIMES = ("weekday", "evening", "weekend", "waking_night")
TIME_WORDS = {
    "weekday": "weekday daytime",
    "evening": "evening",
    "weekend": "weekend",
    "waking_night": "waking night",
}
# The minimum wage bands (content/employment.toml's minimum_wage keys).
AGE_BANDS = ("age_21_and_over", "age_18_to_20", "age_16_to_17", "apprentice")
AGE_WORDS = {
    "age_21_and_over": "aged 21 or over",
    "age_18_to_20": "aged 18 to 20",
    "age_16_to_17": "aged under 18",
    "apprentice": "an apprentice",
}
# How often a cost the person enters is paid.
EVERY = ("week", "month", "year")
SERVICES = ("payroll", "managed_account")
KINDS = (
    "pa",
    "agency",
    "day_activity",
    "short_break",
    "one_off",
    "support_service",
    "insurance",
    "contingency",
)
KIND_WORDS = {
    "pa": "Personal assistant",
    "agency": "Agency care",
    "day_activity": "Day activity",
    "short_break": "Short break",
    "one_off": "One-off cost",
    "support_service": "Direct payment support",
    "insurance": "Employer's liability insurance",
    "contingency": "Contingency",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Band:
    """The indicative band the plan is set against, carried from an estimate's result."""

    low: Decimal
    high: Decimal | None
    period: str  # "week" or "year", as the scheme's

    def to_dict(self) -> dict[str, Any]:
        return {
            "low": money.plain(self.low),
            "high": None if self.high is None else money.plain(self.high),
            "period": self.period,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanLine:
    """One line of support. Only the fields for its `kind` are set (see `read.py`)."""

    kind: str
    name: str
    hours: dict[str, Decimal] = field(default_factory=dict)
    rates: dict[str, Decimal] = field(default_factory=dict)
    age_band: str = "age_21_and_over"
    sleep_in_nights: int = 0
    sleep_in_rate: Decimal | None = None
    pension_opt_in: bool = False
    cost: Decimal = Decimal(0)
    every: str = "week"
    service: str = "payroll"
    percent: Decimal = Decimal(0)

    def to_dict(self) -> dict[str, Any]:
        """The line as it is written in a plan file."""
        out: dict[str, Any] = {"kind": self.kind, "name": self.name}
        if self.kind in ("pa", "agency"):
            out["hours"] = {k: money.number(v) for k, v in self.hours.items()}
        if self.kind == "pa":
            out["rates"] = {k: money.exact(v) for k, v in self.rates.items()}
            out["age_band"] = self.age_band
            out["sleep_in_nights"] = self.sleep_in_nights
            if self.sleep_in_rate is not None:
                out["sleep_in_rate"] = money.exact(self.sleep_in_rate)
            out["pension_opt_in"] = self.pension_opt_in
        if self.kind in ("day_activity", "short_break"):
            out["cost"] = money.exact(self.cost)
            out["every"] = self.every
        if self.kind == "one_off":
            out["cost"] = money.exact(self.cost)
        if self.kind == "insurance" and self.cost:
            out["cost"] = money.exact(self.cost)
        if self.kind == "support_service":
            out["service"] = self.service
        if self.kind == "contingency":
            out["percent"] = money.number(self.percent)
        return out


@dataclass(frozen=True, slots=True, kw_only=True)
class Plan:
    """A costed support plan as the person wrote it."""

    date: datetime.date
    person: str
    council: str
    scheme: str
    band: Band
    outcomes: tuple[str, ...]
    reasons: str
    employment_allowance: bool
    lines: tuple[PlanLine, ...]

    def to_dict(self) -> dict[str, Any]:
        """The plan file (format 1)."""
        return {
            "format": FORMAT,
            "date": self.date.isoformat(),
            "for": self.person,
            "result": {"council": self.council, "scheme": self.scheme, "band": self.band.to_dict()},
            "outcomes": list(self.outcomes),
            "reasons": self.reasons,
            "employment_allowance": self.employment_allowance,
            "lines": [line.to_dict() for line in self.lines],
        }
