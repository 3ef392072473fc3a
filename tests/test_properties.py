"""Invariants over random valid answers (Hypothesis), on every scheme we ship or test with.

More need never lowers an estimate; unpaid support never raises one; the band always
contains the amount; the working's sums always agree with the figures.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SCHEMES, TEST_SCHEMES
from ras_core import Scheme, answers_from_dict, estimate, estimate_to_dict, load_scheme

SCHEME_FILES = sorted(SCHEMES.glob("*.toml")) + sorted(TEST_SCHEMES.glob("*.toml"))
LOADED = {path.stem: load_scheme(path) for path in SCHEME_FILES}
NAMES = sorted(LOADED)


@st.composite
def answer_sets(draw: st.DrawFn, scheme: Scheme) -> dict[str, Any]:
    return {
        "scheme": scheme.id,
        "scheme_version": scheme.version,
        "answers": {q.id: draw(st.sampled_from([o.id for o in q.options])) for _, q in scheme.questions()},
        "unpaid_support": {
            d.id: draw(st.sampled_from([o.id for o in scheme.unpaid_support.options]))
            for d in scheme.domains
            if d.asks_unpaid_support
        },
        "helpers_willing": draw(st.booleans()),
    }


@st.composite
def scheme_and_answers(draw: st.DrawFn) -> tuple[Scheme, dict[str, Any]]:
    scheme = LOADED[draw(st.sampled_from(NAMES))]
    return scheme, draw(answer_sets(scheme))


SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(scheme_and_answers())
def test_random_valid_answers_never_fail_and_the_band_contains_the_amount(
    pair: tuple[Scheme, dict[str, Any]],
) -> None:
    scheme, data = pair
    result = estimate(scheme, answers_from_dict(data, scheme))
    assert result.band.contains(result.amount)
    assert result.band_without_unpaid_support.contains(result.amount_without_unpaid_support)
    assert result.amount >= 0
    assert result.amount == result.amount.quantize(Decimal("0.01"))
    assert result.working  # the working is always there
    estimate_to_dict(result)


@SETTINGS
@given(scheme_and_answers(), st.data())
def test_more_need_never_lowers_the_estimate(pair: tuple[Scheme, dict[str, Any]], data: st.DataObject) -> None:
    scheme, answers = pair
    _, question = data.draw(st.sampled_from(scheme.questions()))
    current = question.option(answers["answers"][question.id])
    assert current is not None
    higher = [o for o in question.options if o.points >= current.points]
    more = {**answers, "answers": {**answers["answers"], question.id: data.draw(st.sampled_from(higher)).id}}
    before = estimate(scheme, answers_from_dict(answers, scheme))
    after = estimate(scheme, answers_from_dict(more, scheme))
    assert after.total >= before.total
    assert after.amount >= before.amount
    assert after.amount_without_unpaid_support >= before.amount_without_unpaid_support
    assert after.band.low >= before.band.low


@SETTINGS
@given(scheme_and_answers(), st.data())
def test_unpaid_support_never_raises_the_estimate(pair: tuple[Scheme, dict[str, Any]], data: st.DataObject) -> None:
    scheme, answers = pair
    result = estimate(scheme, answers_from_dict(answers, scheme))
    assert result.amount <= result.amount_without_unpaid_support
    assert result.total <= result.total_before_unpaid_support
    # Saying "nobody helps" in every area gives the figure without unpaid support.
    nobody = {**answers, "unpaid_support": {d: "none" for d in answers["unpaid_support"]}}
    alone = estimate(scheme, answers_from_dict(nobody, scheme))
    assert result.amount <= alone.amount
    assert alone.amount == result.amount_without_unpaid_support
    # More help (a smaller share kept) in one area never raises the estimate.
    if answers["unpaid_support"]:
        domain = data.draw(st.sampled_from(sorted(answers["unpaid_support"])))
        keep = scheme.unpaid_support.option(answers["unpaid_support"][domain])
        assert keep is not None
        more_help = [o.id for o in scheme.unpaid_support.options if o.keep <= keep.keep]
        changed = {
            **answers,
            "unpaid_support": {**answers["unpaid_support"], domain: data.draw(st.sampled_from(more_help))},
        }
        assert estimate(scheme, answers_from_dict(changed, scheme)).amount <= result.amount


@SETTINGS
@given(scheme_and_answers())
def test_helpers_who_cannot_keep_helping_change_nothing(pair: tuple[Scheme, dict[str, Any]]) -> None:
    scheme, answers = pair
    result = estimate(scheme, answers_from_dict({**answers, "helpers_willing": False}, scheme))
    assert result.total == result.total_before_unpaid_support
    assert result.amount == result.amount_without_unpaid_support


@pytest.mark.parametrize("name", NAMES)
def test_the_working_is_a_sum_a_person_can_redo(name: str) -> None:
    """Each area's points in the working are the sum of its answers' points."""
    scheme = LOADED[name]
    data = {
        "scheme": scheme.id,
        "scheme_version": scheme.version,
        "answers": {q.id: q.options[-1].id for _, q in scheme.questions()},
        "unpaid_support": {d.id: "none" for d in scheme.domains if d.asks_unpaid_support},
        "helpers_willing": None,
    }
    result = estimate(scheme, answers_from_dict(data, scheme))
    areas = [s for s in result.working if s.kind == "area"]
    assert len(areas) == len(scheme.domains)
    for step, domain in zip(areas, scheme.domains, strict=True):
        expected = sum(q.options[-1].points for q in domain.questions)
        assert step.text.endswith(f"Points for this area: {expected}.")
    assert f"Total: {result.total} points" in next(s.text for s in result.working if s.kind == "total")


@SETTINGS
@given(scheme_and_answers())
def test_scoring_for_calibration_gives_the_same_points_as_the_estimate(pair: tuple[Scheme, dict[str, Any]]) -> None:
    from ras_core.estimate.figures import score

    scheme, data = pair
    answers = answers_from_dict(data, scheme)
    result = estimate(scheme, answers)
    assert score(scheme, answers.choices, answers.unpaid_support, answers.helpers_willing) == (
        result.total_before_unpaid_support,
        result.total,
    )
