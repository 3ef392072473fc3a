"""Golden cases: each case in tests/golden/*.toml, named by the sentence it proves.

A case picks answers (`answers`, or `points` on the digit schemes), unpaid help and
whether the helpers are willing (a table of areas, as answers files now hold; or one
true or false, read as an older file), and expects figures (`expect`), sentences the
result says (`says`) and sentences it never says (`never_says`).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from conftest import lowest_answers, scheme_path
from helpers import helped_areas
from ras_core import answers_from_dict, estimate, estimate_to_dict, load_scheme
from ras_core.estimate.words import as_text, lines
from ras_core.estimate.words.screen import said_by_law

GOLDEN = Path(__file__).resolve().parent / "golden"


def _cases() -> list[Any]:
    cases = []
    for path in sorted(GOLDEN.glob("*.toml")):
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["cases"]:
            case.setdefault("scheme", path.stem)
            cases.append(pytest.param(case, id=case["name"]))
    return cases


def _digits(points: int) -> dict[str, str]:
    """Answers to the test schemes' thousands/hundreds/tens/units questions."""
    assert 0 <= points <= 9999
    return {
        "thousands": f"k{points // 1000}",
        "hundreds": f"h{points // 100 % 10}",
        "tens": f"t{points // 10 % 10}",
        "units": f"u{points % 10}",
    }


def _flatten(result: dict[str, Any]) -> dict[str, Any]:
    """The result's figures under the short names the golden files use."""

    def pair(band: dict[str, Any]) -> list[str]:
        return [band["low"], "none" if band["high"] is None else band["high"]]

    return {
        "total": result["points"]["total"],
        "total_before_unpaid_support": result["points"]["total_before_unpaid_support"],
        "amount": result["amount"],
        "amount_without_unpaid_support": result["amount_without_unpaid_support"],
        "band": pair(result["band"]),
        "band_without_unpaid_support": pair(result["band_without_unpaid_support"]),
        "annual": pair(result["annual"]),
        "hours": None if result["hours"] is None else pair(result["hours"]),
        "below_threshold": result["flags"]["below_threshold"],
        "exceptional": result["flags"]["exceptional"],
        "likely_eligible": result["eligibility"]["likely_eligible"],
        "outcomes_unmet": [o["id"] for o in result["eligibility"]["outcomes_unmet"]],
        "unpaid_support_applied": result["unpaid_support_applied"],
        "individually_costed": result["flags"]["individually_costed"],
        "beyond_table": result["flags"]["beyond_table"],
        "individual_costing": [c["question"] for c in result["individual_costing"]],
        "hours_shown": None if result["hours"] is None else result["hours"]["shown"],
        "risk": None if result["eligibility"]["risk"] is None else result["eligibility"]["risk"]["id"],
        "helpers_willing": {
            d["id"]: d["helpers_willing"] for d in result["points"]["by_domain"] if d["helpers_willing"]
        },
    }


def _result(case: dict[str, Any]) -> Any:
    scheme = load_scheme(scheme_path(case["scheme"]))
    changes = _digits(case["points"]) if "points" in case else case.get("answers", {})
    data = lowest_answers(scheme, **changes)
    data["unpaid_support"] |= case.get("unpaid_support", {})
    willing = case.get("helpers_willing", {})
    if isinstance(willing, bool):  # an older answers file: one answer for every area, no format
        del data["format"]
        data["helpers_willing"] = willing
    else:
        data["helpers_willing"] = willing
        assert sorted(willing) == sorted(helped_areas(scheme, data["unpaid_support"])), case["name"]
    data["for_someone_else"] = case.get("for_someone_else", False)
    return estimate(scheme, answers_from_dict(data, scheme))


@pytest.mark.parametrize("case", _cases())
def test_golden(case: dict[str, Any]) -> None:
    result = _result(case)
    got = _flatten(estimate_to_dict(result))
    expected = case["expect"]
    assert {key: got[key] for key in expected} == expected
    assert result.band.contains(result.amount)
    text = as_text(lines(result))
    for sentence in case.get("says", []):
        assert sentence in text, sentence
    for sentence in case.get("never_says", []):
        assert sentence not in text, sentence


def test_every_band_edge_of_the_penny_scheme_is_covered() -> None:
    """At, one penny below and one penny above each £25 edge up to the top band reached."""
    cases = tomllib.loads((GOLDEN / "penny.toml").read_text(encoding="utf-8"))["cases"]
    covered = {case["points"] for case in cases}
    for edge in (2500, 5000, 7500):
        assert {edge - 1, edge, edge + 1} <= covered, edge


# The figures a line shows: pounds and pence, and whole numbers.
FIGURES = re.compile(r"£[\d,]+(?:\.\d\d)?|\d+")


@pytest.mark.parametrize("case", _cases())
def test_in_welsh_the_same_lines_show_the_same_figures(case: dict[str, Any]) -> None:
    result = _result(case)
    english, welsh = lines(result), lines(result, "cy")
    assert [line.slot for line in welsh] == [line.slot for line in english]
    for said, cymraeg in zip(english, welsh, strict=True):
        assert FIGURES.findall(cymraeg.text) == FIGURES.findall(said.text), (said.text, cymraeg.text)
        # The same reference, its title in the scheme's Welsh.
        if said.reference is None:
            assert cymraeg.reference is None
        else:
            assert cymraeg.reference is not None
            assert (cymraeg.reference.id, cymraeg.reference.url) == (said.reference.id, said.reference.url)
            assert cymraeg.reference.title == said_by_law(result.scheme, "cy", said.reference.title)
    # The result's own sentences are in Welsh.
    for slot in ("band", "amount", "closing", "screen"):
        assert [x.text for x in welsh if x.slot == slot] != [x.text for x in english if x.slot == slot], slot
