"""What a person might pay: golden cases per nation (tests/contribution/*.toml, each named
by the sentence it proves), properties of the sums, and the rules files as shipped.

Golden cases drive the core with the shipped rules (content/charging/) and the example
council's choices, an exact amount of savings where a case gives `capital` (a one-penny
band, so the capital limits are tested at, one penny below and one penny above), and
a weekly cost of care (163.84, the example's amount, unless a case says otherwise).
"""

from __future__ import annotations

import dataclasses
import datetime
import re
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from conftest import EXAMPLE, ROOT
from ras_core import load_scheme
from ras_core.contribution.answers import NOT_SAID, MoneyAnswers
from ras_core.contribution.calculate import Contribution, contribution, tariff
from ras_core.contribution.rules import (
    INCOME_TYPES,
    CouncilCharging,
    NationCharging,
    SavingsBand,
    council_from_toml,
    nation_from_toml,
)
from ras_core.contribution.words import lines

CASES = Path(__file__).resolve().parent / "contribution"
RULES = ROOT / "content" / "charging"
SCHEME = load_scheme(EXAMPLE)
DAY = datetime.date(2026, 11, 23)


def nation(name: str) -> NationCharging:
    return nation_from_toml((RULES / f"{name}.toml").read_text(encoding="utf-8"), source=f"{name}.toml")


def council() -> CouncilCharging:
    return council_from_toml((RULES / "council.toml").read_text(encoding="utf-8"))


COUNCIL = council()
NATIONS = {name: nation(name) for name in ("england", "scotland", "wales")}


def with_capital(rules: NationCharging, capital: Decimal) -> NationCharging:
    """The nation's rules with one more band, exactly `capital` wide: "exact"."""
    exact = SavingsBand(id="exact", low=capital, high=capital)
    return dataclasses.replace(rules, savings_bands=(*rules.savings_bands, exact))


def said(value: Any) -> Any:
    return None if value in (None, NOT_SAID) else value


def run(rules: NationCharging, case: dict[str, Any], *, for_someone_else: bool = False) -> Contribution:
    savings = case.get("savings")
    if "capital" in case:
        rules, savings = with_capital(rules, Decimal(case["capital"])), "exact"
    given_income = case.get("income", {})
    income = {
        ident: (None if said(given_income.get(ident, "0.00")) is None else Decimal(given_income.get(ident, "0.00")))
        for ident in INCOME_TYPES
    }
    money = MoneyAnswers(
        age=said(case.get("age")),
        savings=said(savings),
        income=income,
        care_rate=said(case.get("care_rate", "none")),
        housing=Decimal(case.get("housing", "0.00")),
        disability_costs=None if case.get("disability_costs") is None else Decimal(case["disability_costs"]),
    )
    return contribution(
        rules,
        COUNCIL,
        money,
        scheme=SCHEME,
        amount=Decimal(case.get("cost", "163.84")),
        individually_costed=False,
        on=case.get("date", DAY),
        for_someone_else=for_someone_else,
    )


def _cases() -> list[Any]:
    out = []
    for path in sorted(CASES.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            out.append(pytest.param(data["nation"], case, id=case["name"]))
    return out


def pair(values: tuple[Decimal, Decimal] | None) -> Any:
    return "none" if values is None else [f"{values[0]:.2f}", f"{values[1]:.2f}"]


@pytest.mark.parametrize(("nation_name", "case"), _cases())
def test_golden(nation_name: str, case: dict[str, Any]) -> None:
    result = run(NATIONS[nation_name], case)
    if "outcome" in case:
        assert result.outcome == case["outcome"]
    if "you_pay" in case:
        assert pair(result.person) == case["you_pay"]
    if "council_pays" in case:
        assert pair(result.council_pays) == case["council_pays"]
    text = [line.text for line in lines(result)]
    for sentence in case.get("says", []):
        assert any(sentence in line for line in text), sentence
    for words in case.get("never_says", []):
        assert not any(words in line for line in text)


# What the person answering did or chose keeps "you"; everything about the person whose
# care it is must speak of "them".
ANSWERER = re.compile(
    r"You answered these questions for someone else|not you\.|[Yy]ou would rather not (say|give)|as you said"
    r"|you did not say|[Tt]he band you chose|you chose"
)
YOU_WORDS = re.compile(r"\b[Yy]ou(rs?|rself)?\b")


@pytest.mark.parametrize(("nation_name", "case"), _cases())
def test_answered_for_someone_else_the_same_figures_are_said_of_them(nation_name: str, case: dict[str, Any]) -> None:
    own = run(NATIONS[nation_name], case)
    theirs = run(NATIONS[nation_name], case, for_someone_else=True)
    assert (theirs.outcome, theirs.person, theirs.council_pays) == (own.outcome, own.person, own.council_pays)
    own_lines, their_lines = lines(own), lines(theirs)
    assert their_lines[0].slot == "for_whom"
    assert [line.slot for line in their_lines[1:]] == [line.slot for line in own_lines]
    for line in their_lines:
        assert YOU_WORDS.search(ANSWERER.sub("", line.text)) is None, line.text


def test_every_money_question_has_wording_for_someone_else() -> None:
    from ras_core.contribution.phrases import questions

    for name in NATIONS:
        for question in questions(NATIONS[name]):
            them = question["them"]
            assert them["text"] != question["text"], question["id"]
            assert YOU_WORDS.search(them["text"] + " " + them.get("hint", "")) is None, question["id"]


def test_every_nation_has_golden_cases() -> None:
    assert {p.stem for p in CASES.glob("*.toml")} == set(NATIONS)


@pytest.mark.parametrize(
    ("capital", "expected"),
    [("14249.99", 0), ("14250.00", 0), ("14250.01", 1), ("14500.00", 1), ("14500.01", 2), ("23250.00", 36)],
)
def test_tariff_counts_a_part_of_250_as_a_whole_step(capital: str, expected: int) -> None:
    assert tariff(Decimal(capital), Decimal(14250), Decimal(250), Decimal(1)) == expected


# -- properties -------------------------------------------------------------------------

pence = st.integers(min_value=0, max_value=200_000).map(lambda p: Decimal(p) / 100)
savings = st.integers(min_value=0, max_value=4_000_000).map(lambda p: Decimal(p) / 100)
case_strategy = st.fixed_dictionaries(
    {
        "nation": st.sampled_from(["england", "wales"]),
        "age": st.sampled_from(["18-24", "25-pension", "pension", NOT_SAID]),
        "care_rate": st.sampled_from(["none", "lower", "higher", NOT_SAID]),
        "capital": savings,
        "income": st.fixed_dictionaries({ident: pence.map(lambda d: f"{d:.2f}") for ident in INCOME_TYPES}),
        "housing": pence.map(lambda d: f"{d:.2f}"),
        "cost": st.integers(min_value=0, max_value=300_000).map(lambda p: f"{Decimal(p) / 100:.2f}"),
    }
)


def _run(case: dict[str, Any]) -> Contribution:
    return run(NATIONS[case["nation"]], {**case, "capital": f"{case['capital']:.2f}"})


@settings(max_examples=150, deadline=None)
@given(case_strategy, st.sampled_from(INCOME_TYPES), pence)
def test_more_income_never_lowers_what_a_person_pays(case: dict[str, Any], ident: str, more: Decimal) -> None:
    # Starting to get a care benefit at all is not "more income" of the same kind: the law
    # then allows disability-related spending (the council's standard allowance), which
    # can lower the charge. More of a benefit already received never does.
    assume(ident != "care_benefit" or Decimal(case["income"][ident]) > 0)
    before = _run(case).person
    richer = {**case, "income": {**case["income"], ident: f"{Decimal(case['income'][ident]) + more:.2f}"}}
    after = _run(richer).person
    assert before is not None and after is not None
    assert after[0] >= before[0] and after[1] >= before[1]


@settings(max_examples=150, deadline=None)
@given(case_strategy, savings)
def test_more_savings_never_lower_what_a_person_pays(case: dict[str, Any], more: Decimal) -> None:
    before = _run(case).person
    after = _run({**case, "capital": case["capital"] + more}).person
    assert before is not None and after is not None
    assert after[0] >= before[0] and after[1] >= before[1]


@settings(max_examples=150, deadline=None)
@given(case_strategy)
def test_a_person_never_pays_more_than_the_cost_and_the_two_parts_make_the_cost(case: dict[str, Any]) -> None:
    result = _run(case)
    person, council_part = result.person, result.council_pays
    assert person is not None and council_part is not None
    assert Decimal(0) <= person[0] <= person[1] <= result.cost
    assert person[0] + council_part[1] == result.cost and person[1] + council_part[0] == result.cost
    if result.maximum is not None:
        assert person[1] <= result.maximum.row.value


# -- the shipped rules ------------------------------------------------------------------


@pytest.mark.parametrize("name", ["england", "scotland", "wales"])
def test_every_figure_and_rule_cites_an_https_source_and_a_date(name: str) -> None:
    rules = NATIONS[name]
    for figure in rules.figures.values():
        assert figure.rows, figure.id
        for row in figure.rows:
            assert row.source.title and row.source.url.startswith("https://")
            assert row.confirmed or row.note, f"{figure.id}: an unconfirmed figure must say why"
    for rule in [*rules.rules.values(), *rules.income.values()]:
        assert rule.source.title and rule.source.url.startswith("https://")
        assert rule.confirmed or rule.note


def test_the_example_council_is_marked_as_an_example() -> None:
    assert COUNCIL.example
    text = (RULES / "council.toml").read_text(encoding="utf-8")
    assert "THIS IS AN EXAMPLE" in text


def test_a_broken_rules_file_lists_every_problem_at_once() -> None:
    text = """
nation = "england"
name = "England"
method = "england"
checked = 2026-11-23
law = { title = "x", url = "http://insecure.example" }
[[savings_bands]]
id = "a"
high = 100
[[savings_bands]]
id = "b"
low = 200
[income.wages]
counts = true
[figures.capital_upper]
label = "Upper"
[[figures.capital_upper.rows]]
value = -1
start = 2026-01-01
source = { title = "t", url = "https://example.org" }
confirmed = false
[rules.housing]
text = "Your housing costs are taken off your income."
start = 2015-04-01
source = { title = "t", url = "https://example.org" }
[rules.capital]
text = "Savings over the limit: you pay the full cost."
them = "Savings over the limit: you pay the full cost of their care."
start = 2015-04-01
source = { title = "t", url = "https://example.org" }
"""
    from ras_core.scheme.errors import InputError

    with pytest.raises(InputError) as caught:
        nation_from_toml(text, source="bad.toml")
    got = [str(p) for p in caught.value.problems]
    assert 'law.url: must be a web address starting "https://", got "http://insecure.example"' in got
    assert "savings_bands[1].low: must be one penny over the band before's high, 100.01; got 200" in got
    assert (
        "income.wages: unknown income type; allowed: earnings, state_pension, private_pension, pension_credit, "
        "benefits, care_benefit, mobility, other" in got
    )
    assert "figures.capital_upper.rows[0].value: must be 0 or more, got -1" in got
    assert "figures.capital_upper.rows[0].note: missing; expected text" in got
    assert "figures.capital_lower: missing; these rules need this figure" in got
    assert "income.earnings: missing; every income type must say whether it counts" in got
    assert "savings_bands: the last band must have no high (it is the band of the most savings)" not in got
    assert 'rules.housing.them: missing; the text speaks of "you", so give it said of "them" too' in got
    assert 'rules.capital.them: says "you"; it is read when the answers were given for someone else' in got
