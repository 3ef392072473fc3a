"""Every line of the working with × or + can be redone by hand and gives what it says.

Over many random answer sets on every scheme in the repository, each sum in the working
("16 points × £4.8765 a point = £82.804, which rounds to £82.80 a week", "13 × 75% =
9.75, which rounds to 10 points", "£150 × 52 = £7,800") is parsed, recomputed with
exact decimals (× before +), and must equal the figure the line gives; a rounded figure
must be its exact figure rounded halves up, to the places it is shown with. So every
figure a council set is shown with all the decimal places the sum uses.
"""

from __future__ import annotations

import random
import re
from decimal import ROUND_HALF_UP, Decimal

import pytest

from helpers import random_answers_by_area
from ras_core import answers_from_dict, estimate
from test_properties import LOADED, NAMES

NUMBER = r"£?\d[\d,]*(?:\.\d+)?%?"
TERM = rf"{NUMBER}(?: points?| a point)?(?: \([^()]*\))?"
SUM = re.compile(rf"((?:{TERM} [×+] )+{TERM}) = ({NUMBER})(?: points?)?(?:, which rounds to ({NUMBER}))?")
# Steps whose words come only from the core (areas and answers quote the scheme's text,
# which may itself contain × or +).
SUMS = ("unpaid_support", "allocation", "without_unpaid_support", "annual")


def value(term: str) -> Decimal:
    term = re.sub(r" \([^()]*\)$", "", term)
    term = term.removesuffix(" a point").removesuffix(" points").removesuffix(" point")
    percent = term.endswith("%")
    number = Decimal(term.strip("£%").replace(",", ""))
    return number / 100 if percent else number


def redo(expression: str) -> Decimal:
    total = Decimal(0)
    for part in expression.split(" + "):
        product = Decimal(1)
        for factor in part.split(" × "):
            product *= value(factor)
        total += product
    return total


def check(text: str) -> int:
    found = 0
    for match in SUM.finditer(text):
        found += 1
        exact = redo(match[1])
        assert exact == value(match[2]), text
        if match[3]:
            rounded = value(match[3])
            places = Decimal(1).scaleb(rounded.as_tuple().exponent)
            assert exact.quantize(places, rounding=ROUND_HALF_UP) == rounded, text
    return found


@pytest.mark.parametrize("name", NAMES)
def test_every_sum_in_the_working_adds_up(name: str) -> None:
    scheme = LOADED[name]
    rng = random.Random(name)
    for _ in range(40):
        result = estimate(scheme, answers_from_dict(random_answers_by_area(scheme, rng), scheme))
        for step in result.working:
            if step.kind in SUMS and ("×" in step.text or "+" in step.text):
                assert check(step.text) >= 1, step.text


def test_the_issues_example_is_redone_with_the_full_rate() -> None:
    # £4.78 + 16 × £4.88 is £82.86, not the £82.91 the full rate gives: the rate is shown in full.
    text = "£4.78 (base amount) + 16 points × £4.8765 a point = £82.804, which rounds to £82.80 a week."
    assert check(text) == 1
    with pytest.raises(AssertionError):
        check("£4.78 (base amount) + 16 points × £4.88 a point = £82.91 a week.")
