"""Each nation's eligibility rules, as the data packaged in ras_core/eligibility/."""

from __future__ import annotations

import pytest

from conftest import EXAMPLE
from ras_core import explain, load_scheme
from ras_core.eligibility import rules_for
from ras_core.scheme.model import NATIONS, RISKS


@pytest.mark.parametrize("nation", NATIONS)
def test_every_rule_says_where_it_is_written_and_who_decides(nation: str) -> None:
    rules = rules_for(nation)
    assert rules.nation == nation
    assert rules.law.url is not None and rules.law.url.startswith("https://")
    assert rules.conditions and [c for c in rules.conditions if c.decided == "answers"]
    for rule in (*rules.conditions, *rules.unable, *rules.outcomes):
        assert rule.where and rule.text
        assert rule.decided in ("answers", "assessment")


def test_england_is_regulation_2_of_the_eligibility_regulations() -> None:
    rules = rules_for("england")
    assert rules.minimum_unmet == 2 and rules.screen == "outcomes"
    assert [c.where for c in rules.conditions] == ["regulation 2(1)(a)", "regulation 2(1)(b)", "regulation 2(1)(c)"]
    assert [u.where for u in rules.unable] == [f"regulation 2(3)({x})" for x in "abcd"]
    assert [o.where for o in rules.outcomes] == [f"regulation 2(2)({x})" for x in "abcdefghij"]
    assert rules.outcomes[-1].text == "Carrying out any caring responsibilities you have for a child"


def test_wales_is_regulation_3_with_regulation_6s_meaning_of_unable() -> None:
    rules = rules_for("wales")
    assert rules.minimum_unmet == 1 and rules.screen == "outcomes"
    assert [c.where for c in rules.conditions] == [f"regulation 3({x})" for x in "abcd"]
    assert len(rules.outcomes) == 7
    assert {u.where for u in rules.unable if u.decided != "answers"} == {"regulation 6"}


def test_scotland_is_the_national_frameworks_four_bands() -> None:
    rules = rules_for("scotland")
    assert rules.screen == "risk" and rules.minimum_unmet is None and rules.outcomes == ()
    assert tuple(b.id for b in rules.bands) == RISKS


def test_the_published_method_lists_which_answers_count_towards_each_outcome() -> None:
    text = explain(load_scheme(EXAMPLE))
    assert (
        "- **Maintaining personal hygiene**: “I need help on some days”, “I need help every day”, “Someone "
        "needs to do it all for me” (How much help do you need to wash and keep clean?)"
    ) in text
    assert (
        "- you can do it only with help (regulation 2(3)(a)). The screen counts an answer that means you need help."
        in text
    )
    assert "## Answers that mean your budget is worked out individually" in text
