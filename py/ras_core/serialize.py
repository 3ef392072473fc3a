"""Schemes and estimates as plain JSON-ready dicts (money as two-decimal strings).

These are the shapes `ras scheme --json` and `ras estimate --json` print and the
browser receives, so their keys are a published interface: add keys, never
rename or remove them. Lists keep scheme order, so output never depends on set
or hash order and is identical in CPython and Pyodide.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from .estimate.figures import Band, Estimate
from .scheme import money
from .scheme.model import Parameter, Reference, Scheme


def _reference(reference: Reference | None) -> dict[str, Any] | None:
    if reference is None:
        return None
    return {"id": reference.id, "title": reference.title, "url": reference.url}


def _parameter(parameter: Parameter | None, *, whole: bool = False) -> dict[str, Any] | None:
    if parameter is None:
        return None
    value: Any = int(parameter.value) if whole else money.plain(parameter.value)
    return {
        "label": parameter.label,
        "description": parameter.description,
        "value": value,
        "reference": _reference(parameter.reference),
        "start_date": parameter.start_date.isoformat() if parameter.start_date else None,
    }


def _keep(share: Decimal) -> str:
    return f"{share.normalize():f}" if share != share.to_integral_value() else f"{int(share)}"


def scheme_to_dict(scheme: Scheme) -> dict[str, Any]:
    support = scheme.unpaid_support
    support_options = [{"id": o.id, "label": o.label, "keep": _keep(o.keep)} for o in support.options]
    allocation = scheme.allocation
    alloc: dict[str, Any] = {
        "method": allocation.method,
        "label": allocation.label,
        "description": allocation.description,
        "reference": _reference(allocation.reference),
    }
    if allocation.method == "rate":
        assert allocation.rate_per_point is not None
        alloc["rate_per_point"] = money.plain(allocation.rate_per_point.value)
        alloc["base"] = money.plain(allocation.base.value if allocation.base else Decimal(0))
        alloc["rate_per_point_detail"] = _parameter(allocation.rate_per_point)
        alloc["base_detail"] = _parameter(allocation.base)
    else:
        alloc["rows"] = [{"from": r.low, "to": r.high, "amount": money.plain(r.amount)} for r in allocation.rows]
    bands: dict[str, Any] = {
        "label": scheme.bands.label,
        "description": scheme.bands.description,
        "rule": "An amount exactly on the edge between two bands goes in the higher band.",
    }
    if scheme.bands.width is not None:
        bands["width"] = money.plain(scheme.bands.width)
    else:
        bands["edges"] = [money.plain(e) for e in scheme.bands.edges]
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
        "domains": [
            {
                "id": d.id,
                "title": d.title,
                "intro": d.intro,
                "questions": [
                    {
                        "id": q.id,
                        "text": q.text,
                        "hint": q.hint,
                        "guide": q.guide,
                        "outcomes": list(q.outcomes),
                        "options": [
                            {
                                "id": o.id,
                                "label": o.label,
                                "points": o.points,
                                "outcome_not_achieved": o.outcome_not_achieved,
                            }
                            for o in q.options
                        ],
                    }
                    for q in d.questions
                ],
                "unpaid_support": (
                    {"question": scheme.support_question(d), "options": support_options}
                    if d.asks_unpaid_support
                    else None
                ),
            }
            for d in scheme.domains
        ],
        "unpaid_support": {
            "question": support.question,
            "hint": support.hint,
            "willing_question": support.willing_question,
            "willing_hint": support.willing_hint,
            "options": support_options,
        },
        "allocation": alloc,
        "bands": bands,
        "thresholds": {
            "minimum_points": _parameter(scheme.minimum_points, whole=True),
            "exceptional_points": _parameter(scheme.exceptional_points, whole=True),
        },
        "hourly_rate": _parameter(scheme.hourly_rate),
        "weeks_per_year": _parameter(scheme.weeks_per_year, whole=True),
        "eligibility": {
            "minimum_unmet": int(scheme.eligibility.minimum_unmet.value),
            "minimum_unmet_detail": _parameter(scheme.eligibility.minimum_unmet, whole=True),
            "outcomes": [{"id": o.id, "text": o.text} for o in scheme.eligibility.outcomes],
            "reference": _reference(scheme.eligibility.reference),
        },
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
        "hours": {
            "low": f"{hours.low:f}",
            "high": None if hours.high is None else f"{hours.high:f}",
            "hourly_rate": money.plain(scheme.hourly_rate.value),
        },
        "eligibility": {
            "likely_eligible": result.likely_eligible,
            "outcomes_unmet": [{"id": o.id, "text": o.text} for o in result.outcomes_unmet],
            "minimum_unmet": int(scheme.eligibility.minimum_unmet.value),
        },
        "flags": {"below_threshold": result.below_threshold, "exceptional": result.exceptional},
        "working": [{"kind": s.kind, "text": s.text, "reference": _reference(s.reference)} for s in result.working],
    }
