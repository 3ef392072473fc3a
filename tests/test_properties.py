"""Invariants over random valid answers (Hypothesis), on every scheme in the repository.

Every scheme: the shipped ones, the test schemes (which the golden cases use) and every
hostile scheme that loads. No reachable set of answers ever raises (the highest answers
too, beyond the end of a points table); more need never lowers an estimate; unpaid
support never raises one; the band always contains the amount; every line of the
working with × or + can be redone by hand with exact decimals and gives what it says.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SCHEMES, TEST_SCHEMES
from helpers import helped_areas
from ras_core import Scheme, SchemeError, answers_from_dict, estimate, estimate_to_dict, explain, load_scheme
from ras_core.estimate.words import as_text, lines, words

HOSTILE_SCHEMES = Path(__file__).resolve().parent / "hostile" / "schemes"


def _loadable() -> dict[str, Scheme]:
    found = {}
    for path in sorted(SCHEMES.glob("*.toml")) + sorted(TEST_SCHEMES.glob("*.toml")):
        found[path.stem] = load_scheme(path)
    for path in sorted(HOSTILE_SCHEMES.glob("*.toml")):
        try:
            found[f"hostile/{path.stem}"] = load_scheme(path)
        except SchemeError:
            continue  # refused with its problems: tests/test_hostile.py checks those
    return found


LOADED = _loadable()
NAMES = sorted(LOADED)


@st.composite
def answer_sets(draw: st.DrawFn, scheme: Scheme) -> dict[str, Any]:
    support_ids = [o.id for o in scheme.unpaid_support.options] if scheme.unpaid_support is not None else []
    support = {d.id: draw(st.sampled_from(support_ids)) for d in scheme.domains if d.asks_unpaid_support}
    highest = draw(st.booleans())  # the highest answers reach the end of any table
    return {
        "format": 2,
        "scheme": scheme.id,
        "scheme_version": scheme.version,
        "answers": {
            q.id: q.options[-1].id if highest else draw(st.sampled_from([o.id for o in q.options]))
            for _, q in scheme.questions()
        },
        "unpaid_support": support,
        "helpers_willing": {
            area: draw(st.sampled_from(["yes", "no", "not_sure"])) for area in helped_areas(scheme, support)
        },
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
    words(result)
    assert as_text(lines(result))
    assert not result.beyond_table or result.exceptional  # beyond a table's end is always individual


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
    nobody = {**answers, "unpaid_support": {d: "none" for d in answers["unpaid_support"]}, "helpers_willing": {}}
    alone = estimate(scheme, answers_from_dict(nobody, scheme))
    assert result.amount <= alone.amount
    assert alone.amount == result.amount_without_unpaid_support
    # More help (a smaller share kept) in one area never raises the estimate.
    if answers["unpaid_support"]:
        domain = data.draw(st.sampled_from(sorted(answers["unpaid_support"])))
        keep = scheme.unpaid_support.option(answers["unpaid_support"][domain])
        assert keep is not None
        more_help = [o.id for o in scheme.unpaid_support.options if o.keep <= keep.keep]
        support = {**answers["unpaid_support"], domain: data.draw(st.sampled_from(more_help))}
        willing = {area: answers["helpers_willing"].get(area, "yes") for area in helped_areas(scheme, support)}
        changed = {**answers, "unpaid_support": support, "helpers_willing": willing}
        assert estimate(scheme, answers_from_dict(changed, scheme)).amount <= result.amount


@SETTINGS
@given(scheme_and_answers())
def test_helpers_who_have_not_said_yes_change_nothing(pair: tuple[Scheme, dict[str, Any]]) -> None:
    scheme, answers = pair
    unsure = {area: "not_sure" for area in answers["helpers_willing"]}
    result = estimate(scheme, answers_from_dict({**answers, "helpers_willing": unsure}, scheme))
    assert result.total == result.total_before_unpaid_support
    assert result.amount == result.amount_without_unpaid_support


@SETTINGS
@given(scheme_and_answers(), st.data())
def test_a_helper_saying_yes_in_one_area_changes_only_that_area(
    pair: tuple[Scheme, dict[str, Any]], data: st.DataObject
) -> None:
    scheme, answers = pair
    if not answers["helpers_willing"]:
        return
    area = data.draw(st.sampled_from(sorted(answers["helpers_willing"])))
    before = estimate(
        scheme, answers_from_dict({**answers, "helpers_willing": {**answers["helpers_willing"], area: "no"}}, scheme)
    )
    after = estimate(
        scheme, answers_from_dict({**answers, "helpers_willing": {**answers["helpers_willing"], area: "yes"}}, scheme)
    )
    for old, new in zip(before.domains, after.domains, strict=True):
        if old.id != area:
            assert old.points == new.points
    assert after.total <= before.total


@pytest.mark.parametrize("name", NAMES)
def test_every_scheme_explains_itself(name: str) -> None:
    assert explain(LOADED[name])


@pytest.mark.parametrize("name", NAMES)
def test_the_working_is_a_sum_a_person_can_redo(name: str) -> None:
    """Each area's points in the working are the sum of its answers' points."""
    scheme = LOADED[name]
    data = {
        "format": 2,
        "scheme": scheme.id,
        "scheme_version": scheme.version,
        "answers": {q.id: q.options[-1].id for _, q in scheme.questions()},
        "unpaid_support": {d.id: "none" for d in scheme.domains if d.asks_unpaid_support},
        "helpers_willing": {},
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
