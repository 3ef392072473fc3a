"""Schemes, estimates and calibrations as plain JSON-ready dicts.

Money a person is given (amounts, bands) is a two-decimal string; every figure a
council set (a rate per point, a base amount, table amounts, band widths and edges,
the hourly rate) is a decimal string with all its decimal places, never rounded
(`money.exact`: "4.8765", "5.12").

These are the shapes `ras scheme --json`, `ras estimate --json` and `ras calibrate
--json` print and the browser receives, so their keys are a published interface: add
keys, never rename or remove them. Lists keep scheme order, so output never depends
on set or hash order and is identical in CPython and Pyodide.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .council.cases import MAX_ROWS_LISTED, as_text
from .estimate.figures import Band, Estimate
from .scheme import money
from .scheme.model import WILLING, Domain, NationRules, Parameter, Reference, RiskBand, Rule, Scheme, UnpaidSupport

if TYPE_CHECKING:
    # Only read here; the statistics (and their imports) load when a council calibrates.
    from .council.calibrate import Calibration, Group
    from .council.stats import Shift


def _reference(reference: Reference | None) -> dict[str, Any] | None:
    if reference is None:
        return None
    return {"id": reference.id, "title": reference.title, "url": reference.url}


def _parameter(parameter: Parameter | None, *, whole: bool = False) -> dict[str, Any] | None:
    if parameter is None:
        return None
    value: Any = int(parameter.value) if whole else money.exact(parameter.value)
    return {
        "label": parameter.label,
        "description": parameter.description,
        "value": value,
        "reference": _reference(parameter.reference),
        "start_date": parameter.start_date.isoformat() if parameter.start_date else None,
    }


def _keep(share: Decimal) -> str:
    return f"{share.normalize():f}" if share != share.to_integral_value() else f"{int(share)}"


def _rules(rules: NationRules) -> dict[str, Any]:
    def rule(r: Rule) -> dict[str, str]:
        return {"id": r.id, "text": r.text, "where": r.where, "decided": r.decided}

    return {
        "nation": rules.nation,
        "name": rules.name,
        "screen": rules.screen,
        "law": _reference(rules.law),
        "conditions": [rule(c) for c in rules.conditions],
        "unable": [rule(u) for u in rules.unable],
        "minimum_unmet": rules.minimum_unmet,
        "outcomes": [rule(o) for o in rules.outcomes],
        "bands": [{"id": b.id, "label": b.label, "text": b.text} for b in rules.bands],
        "checked": rules.checked.isoformat(),
        "note": rules.note,
    }


def _band_rule(band: RiskBand | None) -> dict[str, str] | None:
    return None if band is None else {"id": band.id, "label": band.label, "text": band.text}


def _support(support: UnpaidSupport | None) -> dict[str, Any] | None:
    if support is None:
        return None
    return {
        "question": support.question,
        "hint": support.hint,
        "willing_question": support.willing_question,
        "willing_hint": support.willing_hint,
        "question_them": support.question_them,
        "hint_them": support.hint_them,
        "willing_question_them": support.willing_question_them,
        "willing_hint_them": support.willing_hint_them,
        "willing_options": [{"id": ident, "label": label} for ident, label in WILLING],
        "options": [{"id": o.id, "label": o.label, "keep": _keep(o.keep)} for o in support.options],
    }


def _support_question_them(scheme: Scheme, domain: Domain) -> str | None:
    """An area's unpaid-support question for someone answering for another person."""
    if domain.unpaid_support_question:
        return domain.unpaid_support_question_them
    return scheme.unpaid_support.question_them if scheme.unpaid_support is not None else None


def scheme_to_dict(scheme: Scheme) -> dict[str, Any]:
    support = _support(scheme.unpaid_support)
    support_options = support["options"] if support is not None else []
    allocation = scheme.allocation
    alloc: dict[str, Any] = {
        "method": allocation.method,
        "label": allocation.label,
        "description": allocation.description,
        "reference": _reference(allocation.reference),
    }
    if allocation.method == "rate":
        assert allocation.rate_per_point is not None
        alloc["rate_per_point"] = money.exact(allocation.rate_per_point.value)
        alloc["base"] = money.exact(allocation.base.value if allocation.base else Decimal(0))
        alloc["rate_per_point_detail"] = _parameter(allocation.rate_per_point)
        alloc["base_detail"] = _parameter(allocation.base)
    else:
        alloc["rows"] = [{"from": r.low, "to": r.high, "amount": money.exact(r.amount)} for r in allocation.rows]
    bands: dict[str, Any] = {
        "label": scheme.bands.label,
        "description": scheme.bands.description,
        "rule": "An amount exactly on the edge between two bands goes in the higher band.",
    }
    if scheme.bands.width is not None:
        bands["width"] = money.exact(scheme.bands.width)
    else:
        bands["edges"] = [money.exact(e) for e in scheme.bands.edges]
    eligibility = scheme.eligibility
    minimum = eligibility.minimum_unmet
    return {
        "id": scheme.id,
        "council": scheme.council,
        "title": scheme.title,
        "version": scheme.version,
        "effective_from": scheme.effective_from.isoformat(),
        "nation": scheme.nation,
        "illustrative": scheme.illustrative,
        "period": scheme.period,
        "contact": scheme.contact,
        "how_to_question": scheme.how_to_question,
        "person": scheme.person,
        "speaks_of_them": scheme.speaks_of_them,
        "domains": [
            {
                "id": d.id,
                "title": d.title,
                "intro": d.intro,
                "intro_them": d.intro_them,
                "questions": [
                    {
                        "id": q.id,
                        "text": q.text,
                        "hint": q.hint,
                        "text_them": q.text_them,
                        "hint_them": q.hint_them,
                        "text_easy": q.text_easy,
                        "hint_easy": q.hint_easy,
                        "guide": q.guide,
                        "outcomes": list(q.outcomes),
                        "options": [
                            {
                                "id": o.id,
                                "label": o.label,
                                "points": o.points,
                                "outcome_not_achieved": o.outcome_not_achieved,
                                "individual_costing": o.individual_costing,
                                "individual_costing_them": o.individual_costing_them,
                                "risk": o.risk,
                            }
                            for o in q.options
                        ],
                    }
                    for q in d.questions
                ],
                "unpaid_support": (
                    {
                        "question": scheme.support_question(d),
                        "question_them": _support_question_them(scheme, d),
                        "options": support_options,
                    }
                    if d.asks_unpaid_support
                    else None
                ),
            }
            for d in scheme.domains
        ],
        "unpaid_support": support,
        "allocation": alloc,
        "bands": bands,
        "thresholds": {
            "minimum_points": _parameter(scheme.minimum_points, whole=True),
            "exceptional_points": _parameter(scheme.exceptional_points, whole=True),
        },
        "hourly_rate": _parameter(scheme.hourly_rate),
        "weeks_per_year": _parameter(scheme.weeks_per_year, whole=True),
        "eligibility": {
            "minimum_unmet": None if minimum is None else int(minimum.value),
            "minimum_unmet_detail": _parameter(minimum, whole=True),
            "outcomes": [{"id": o.id, "text": o.text} for o in eligibility.outcomes],
            "threshold": _band_rule(eligibility.threshold),
            "reference": _reference(eligibility.reference),
            "rules": _rules(eligibility.rules),
        },
        "highest_total": scheme.highest_total(),
        "references": [_reference(r) for r in scheme.references],
    }


def _band(band: Band) -> dict[str, Any]:
    return {
        "low": money.plain(band.low),
        "high": None if band.high is None else money.plain(band.high),
    }


def estimate_to_dict(result: Estimate) -> dict[str, Any]:
    scheme = result.scheme
    hours = result.hours
    minimum = scheme.eligibility.minimum_unmet
    return {
        "scheme": {
            "id": scheme.id,
            "version": scheme.version,
            "council": scheme.council,
            "illustrative": scheme.illustrative,
        },
        "answers": result.answers.to_dict(),
        "points": {
            "total": result.total,
            "total_before_unpaid_support": result.total_before_unpaid_support,
            "by_domain": [
                {
                    "id": d.id,
                    "title": d.title,
                    "points_before_unpaid_support": d.points_before,
                    "unpaid_support": d.support.id if d.support else None,
                    "keep": _keep(d.keep),
                    "helpers_willing": d.willing,
                    "points": d.points,
                }
                for d in result.domains
            ],
            "by_question": [
                {
                    "domain": q.domain_id,
                    "id": q.question_id,
                    "question": q.question,
                    "option": q.option_id,
                    "answer": q.answer,
                    "points": q.points,
                }
                for q in result.questions
            ],
        },
        "unpaid_support_applied": result.unpaid_support_applied,
        "amount": money.plain(result.amount),
        "amount_without_unpaid_support": money.plain(result.amount_without_unpaid_support),
        "band": _band(result.band),
        "band_without_unpaid_support": _band(result.band_without_unpaid_support),
        "period": scheme.period,
        "annual": _band(result.annual),
        "hours": None
        if hours is None or scheme.hourly_rate is None
        else {
            "low": f"{hours.low:f}",
            "high": None if hours.high is None else f"{hours.high:f}",
            "hourly_rate": money.exact(scheme.hourly_rate.value),
            "shown": not result.individually_costed,
        },
        "eligibility": {
            "nation": scheme.nation,
            "likely_eligible": result.likely_eligible,
            "outcomes_unmet": [{"id": o.id, "text": o.text} for o in result.outcomes_unmet],
            "minimum_unmet": None if minimum is None else int(minimum.value),
            "risk": _band_rule(result.risk),
            "risk_answers": [q.question_id for q in result.risk_answers],
            "threshold": _band_rule(scheme.eligibility.threshold),
        },
        "flags": {
            "below_threshold": result.below_threshold,
            "exceptional": result.exceptional,
            "individually_costed": result.individually_costed,
            "beyond_table": result.beyond_table,
        },
        "individual_costing": [
            {"question": c.question_id, "text": c.question, "answer": c.answer, "reason": c.reason}
            for c in result.individual
        ],
        "working": [{"kind": s.kind, "text": s.text, "reference": _reference(s.reference)} for s in result.working],
    }


def calibration_to_dict(result: Calibration) -> dict[str, object]:
    """A calibration's figures (`ras calibrate --json`, the council tools page's summary).

    Rates are decimal strings with every decimal place they have (`rate_decimal_places`
    at most, as `rate_rounding` says); money is to the penny.
    """
    from .council.calibrate import RATE_PLACES, ROUNDED, rate_text, rate_working
    from .council.stats import fit_sentence, two_places

    def group(g: Group) -> dict[str, object]:
        return {
            "name": as_text(g.name),
            "cases": g.cases,
            "mean_points": f"{g.mean_points}",
            "cost_per_point": None if g.cost_per_point is None else money.plain(g.cost_per_point),
            "mean_current_cost": money.plain(g.mean_current_cost),
            "mean_indicative": money.plain(g.mean_indicative),
            "differs_by_percent": None if g.differs_by is None else f"{g.differs_by}",
            "indicative_share_percent": None if g.share is None else f"{g.share}",
            "share_differs_by_percent": None if g.share_differs_by is None else f"{g.share_differs_by}",
            "too_few_to_judge": g.too_few,
            "flagged": g.flagged,
        }

    def shift(s: Shift) -> dict[str, object]:
        return {
            "name": as_text(s.name),
            "cases": s.cases,
            "up": s.up,
            "down": s.down,
            "same": s.same,
            "median_change": money.plain(s.median_change),
            "median_change_percent": None if s.median_percent is None else f"{s.median_percent}",
            "too_few_to_judge": s.too_few,
        }

    accuracy = result.accuracy
    fit = result.fit
    quartiles = fit.cost_per_point_quartiles
    return {
        "scheme": {"id": result.scheme.id, "version": result.scheme.version},
        "method": result.method,
        "base": money.plain(result.base),
        "rate_per_point": rate_text(result.rate_per_point),
        "rate_for_target": None if result.rate_for_target is None else rate_text(result.rate_for_target),
        "rate_used": rate_text(result.rate_used),
        "rate_decimal_places": RATE_PLACES,
        "rate_rounding": ROUNDED,
        "rate_working": list(rate_working(result)),
        "total_points": result.total_points,
        "total_current_cost": money.plain(result.total_cost),
        "total_indicative": money.plain(result.total_indicative),
        "contingency_percent": f"{result.contingency_percent}",
        "contingency": money.plain(result.contingency),
        "suggested_band_width": money.plain(result.band_width),
        "cases_used": len(result.cases.cases),
        "rows_read": result.cases.rows_read,
        "blank_lines_skipped": result.cases.blank_lines,
        "rows_rejected": len({p.row for p in result.cases.problems}),
        "problems": [str(p) for p in result.cases.problems[:MAX_ROWS_LISTED]],
        "ignored_columns": [as_text(c) for c in result.cases.ignored_columns],
        "warnings": list(result.warnings),
        "min_group_size": result.min_group_size,
        "fit": {
            "cases": fit.cases,
            "r_squared": None if fit.r_squared is None else f"{two_places(fit.r_squared)}",
            "cost_per_point_quartiles": None if quartiles is None else [money.plain(q) for q in quartiles],
            "cases_without_points": fit.cases_without_points,
            "sentence": fit_sentence(fit),
        },
        "changes": {
            "all_cases": shift(result.shifts.overall),
            "by_care_group": [shift(s) for s in result.shifts.by_care_group],
            "by_age_band": [shift(s) for s in result.shifts.by_age_band],
        },
        "accuracy": None
        if accuracy is None
        else {
            "cases": accuracy.cases,
            "median_abs_percent": f"{accuracy.median_abs_pct}",
            "mean_abs_percent": f"{accuracy.mean_abs_pct}",
            "within_10_percent": f"{accuracy.within_10}",
            "within_20_percent": f"{accuracy.within_20}",
            "source": accuracy.source,
            "bias_by_care_group": [
                {
                    "name": as_text(name),
                    "cases": cases,
                    "mean_percent": f"{bias}",
                    "too_few_to_judge": cases < result.min_group_size,
                }
                for name, cases, bias in accuracy.bias_by_group
            ],
        },
        "fairness": {
            "threshold_percent": f"{result.fairness_threshold}",
            "by_care_group": [group(g) for g in result.by_care_group],
            "by_age_band": [group(g) for g in result.by_age_band],
        },
    }
