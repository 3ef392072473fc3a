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

from ..i18n import message
from ..scheme import money

FORMAT = 1

# The times of the week a personal assistant or an agency can be paid for by the hour,
# and their words (messages, `ras_core.i18n`: "the evening rate", "Evening: 7.5 hours").
TIMES = ("weekday", "evening", "weekend", "waking_night")
_TIME = "a time of the week a personal assistant or an agency is paid for: the weekday daytime rate"
TIME_WORDS = {
    "weekday": message("weekday daytime", context="time of the week", note=_TIME),
    "evening": message("evening", context="time of the week", note=_TIME),
    "weekend": message("weekend", context="time of the week", note=_TIME),
    "waking_night": message("waking night", context="time of the week", note=_TIME),
}
# The minimum wage bands (content/employment.toml's minimum_wage keys).
AGE_BANDS = ("age_21_and_over", "age_18_to_20", "age_16_to_17", "apprentice")
_AGE = "after 'the minimum wage for a personal assistant': aged 21 or over"
AGE_WORDS = {
    "age_21_and_over": message("aged 21 or over", context="age band", note=_AGE),
    "age_18_to_20": message("aged 18 to 20", context="age band", note=_AGE),
    "age_16_to_17": message("aged under 18", context="age band", note=_AGE),
    "apprentice": message("an apprentice", context="age band", note=_AGE),
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
# Each kind of line's words (and the Employment Allowance's, a line the plan adds).
_KIND = "a kind of line in a support plan, before the name the person gave it"
KIND_WORDS = {
    "pa": message("Personal assistant", context="plan line", note=_KIND),
    "agency": message("Agency care", context="plan line", note=_KIND),
    "day_activity": message("Day activity", context="plan line", note=_KIND),
    "short_break": message("Short break", context="plan line", note=_KIND),
    "one_off": message("One-off cost", context="plan line", note=_KIND),
    "support_service": message("Direct payment support", context="plan line", note=_KIND),
    "insurance": message("Employer's liability insurance", context="plan line", note=_KIND),
    "contingency": message("Contingency", context="plan line", note=_KIND),
    "employment_allowance": message("Employment Allowance", context="plan line", note=_KIND),
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
