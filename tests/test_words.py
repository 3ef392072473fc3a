"""One voice: every sentence about a result comes from `estimate/words/`, in one order.

`ras estimate` prints exactly the lines the browser is given, for any answers; the
lines come in the documented order of slots; the notices say what the page said.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from conftest import EXAMPLE, ROOT, TEST_SCHEMES
from helpers import lowest_answers, random_answers_by_area
from ras_core import Scheme, answers_from_dict, cli, estimate, load_scheme, web
from ras_core.estimate.words import Line, as_text, lines

README_ANSWERS = ROOT / "content" / "answers" / "example-answers.json"

# The slots in the order the words module documents; `lines` never goes backwards.
ORDER = [
    "for_whom",
    "notice.individual",
    "individual",
    "band",
    "example",
    "amount",
    "year",
    "hours",
    "hours_left_out",
    "without_unpaid_support",
    "notice.unpaid-applied",
    "notice.unpaid-not-willing",
    "notice.carer",
    "notice.below",
    "heading:How we worked this out",
    "working",
    "heading:Are you likely to be eligible?",
    "eligibility",
    "outcome",
    "risk",
    "unable",
    "conditions",
    "screen",
    "closing",
]


def _rank(line: Line) -> int:
    return ORDER.index(f"heading:{line.text}" if line.slot == "heading" else line.slot)


def test_the_readme_answers_give_these_slots_in_this_order(example: Scheme) -> None:
    data = json.loads(README_ANSWERS.read_text(encoding="utf-8"))
    result = estimate(example, answers_from_dict(data, example))
    slots = [line.slot for line in lines(result)]
    assert slots == [
        "band",
        "example",
        "amount",
        "year",
        "hours",
        "without_unpaid_support",
        "notice.unpaid-applied",
        "notice.carer",
        "heading",
        *["working"] * 19,
        "heading",
        "eligibility",
        *["outcome"] * 8,
        "unable",
        "conditions",
        "screen",
        "closing",
    ]


SCHEMES = [EXAMPLE, *(TEST_SCHEMES / f"{name}.toml" for name in ("no-unpaid", "table-end", "scotland", "wales"))]


@pytest.mark.parametrize("seed", range(50))
def test_ras_estimate_prints_the_lines_the_browser_is_given(
    seed: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = SCHEMES[seed % len(SCHEMES)]
    scheme = load_scheme(path)
    data = random_answers_by_area(scheme, random.Random(seed))
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(data), encoding="utf-8")
    assert cli.main(["estimate", "--scheme", str(path), str(answers)]) == 0
    printed = capsys.readouterr().out

    web.load_scheme_text(path.read_text(encoding="utf-8"))
    reply = json.loads(web.estimate_json(json.dumps(data)))
    given = [Line(**(line | {"reference": None})) for line in reply["words"]["lines"]]
    result = estimate(scheme, answers_from_dict(data, scheme))
    expected = lines(result)
    assert [(line.slot, line.text, line.title) for line in given] == [(x.slot, x.text, x.title) for x in expected]
    assert printed == as_text(expected) + "\n"
    ranks = [_rank(line) for line in expected]
    assert ranks == sorted(ranks)


def test_each_line_has_the_published_keys(example: Scheme) -> None:
    web.load_scheme_text(EXAMPLE.read_text(encoding="utf-8"))
    reply = json.loads(web.estimate_json(README_ANSWERS.read_text(encoding="utf-8")))
    words = reply["words"]
    assert set(words) == {
        "band",
        "band_without_unpaid_support",
        "amount",
        "amount_without_unpaid_support",
        "year",
        "hours",
        "lines",
    }
    assert words["band"] == "£150 to £175 a week"
    assert words["year"] == "about £7,800 to £9,100 a year"
    assert words["hours"] == "about 6 to 7 hours of support a week at £24.50 an hour"
    allocation = next(line for line in words["lines"] if line["text"].startswith("32 points × £5.12"))
    assert allocation == {
        "slot": "working",
        "text": "32 points × £5.12 a point = £163.84 a week.",
        "title": None,
        "reference": {
            "title": "Example calibration: 240 made-up cases (content/calibration/example-sample.csv)",
            "url": None,
        },
        "step": "allocation",
    }


def _lines(scheme: Scheme, data: dict[str, object]) -> dict[str, Line]:
    return {line.slot: line for line in lines(estimate(scheme, answers_from_dict(data, scheme)))}


def test_the_notices_say_what_the_page_said(example: Scheme) -> None:
    data = json.loads(README_ANSWERS.read_text(encoding="utf-8"))
    found = _lines(example, data)
    assert found["notice.unpaid-applied"].text == (
        "Without counting unpaid help, your estimate would be £175 to £200 a week. We used the lower figure "
        "because you said the people who help you with Personal care and Practical tasks at home are willing "
        "and able to keep doing it. If that changes, ask the council to review your support plan, so that the "
        "help they can no longer give is counted."
    )
    assert found["eligibility"].text == (
        "Probably yes. Your answers say you cannot achieve 8 outcomes from the list in the law. "
        "People are usually eligible when they cannot achieve 2 or more."
    )
    found = _lines(example, data | {"helpers_willing": {"personal-care": "no", "home": "not_sure"}})
    assert "notice.unpaid-applied" not in found and "without_unpaid_support" not in found
    assert found["notice.unpaid-not-willing"].text == (
        "Someone helps you with Personal care and Practical tasks at home without being paid, but you have not "
        "said they are willing and able to keep doing it, so we counted all of your needs there."
    )
    found = _lines(example, data | {"helpers_willing": {"personal-care": "yes", "home": "not_sure"}})
    assert "We used the lower figure because you said the people who help you with Personal care are" in (
        found["notice.unpaid-applied"].text
    )
    assert found["notice.unpaid-not-willing"].text.startswith("Someone helps you with Practical tasks at home ")

    penny = load_scheme(TEST_SCHEMES / "penny.toml")
    low = _lines(penny, _penny_answers(penny, 0))
    assert low["notice.below"] == Line(
        "notice.below",
        "Your answers give fewer points than the council's minimum. You can still ask for an assessment: "
        "the council looks at your needs with you and decides.",
        "You may not have needs the council can pay for",
    )
    assert low["eligibility"].text == (
        "Perhaps not. Your answers say you cannot achieve 0 outcomes from the list in the law. People are "
        "usually eligible when they cannot achieve 2 or more. You can still ask for an assessment."
    )
    high = _lines(penny, _penny_answers(penny, 9999))
    assert high["notice.individual"] == Line(
        "notice.individual",
        "A points sum cannot show what your support would cost, so the council will work out your budget "
        "individually with you. The figure below is only a starting point, not a limit. This is because of:",
        "Your budget will be worked out individually with you",
    )
    assert high["individual"].text == (
        "Your needs give 9999 points, at or above the exceptional needs level of 9000 points."
    )
    assert high["band"].text == "Starting point for your budget: £75 to £100 a week"
    assert "hours" not in high
    assert high["hours_left_out"].text == (
        "We do not show hours of support: your budget is worked out individually, and hours worked out from "
        "this starting point would understate what your support costs."
    )
    assert "notice.below" not in high


def test_the_screen_wins_over_the_minimum_points_with_one_message() -> None:
    """7 points with 2 outcomes not achieved: never both "may not have needs" and "probably yes"."""
    scheme = load_scheme(TEST_SCHEMES / "no-unpaid.toml")
    data = lowest_answers(scheme, washing="some", meals="some")
    found = _lines(scheme, data)
    assert "notice.below" not in found
    assert found["eligibility"].text == (
        "Probably yes. Your answers say you cannot achieve 2 outcomes from the list in the law. People are "
        "usually eligible when they cannot achieve 2 or more. Your needs give 7 points, fewer than the "
        "council's minimum of 8 points, but the law decides who is eligible, not points, so go by this "
        "screen and ask for an assessment."
    )
    text = as_text(lines(estimate(scheme, answers_from_dict(data, scheme))))
    assert "You may not have needs the council can pay for" not in text


def test_an_individual_answer_leads_with_its_reason_and_leaves_out_hours() -> None:
    scheme = load_scheme(TEST_SCHEMES / "no-unpaid.toml")
    data = lowest_answers(scheme, washing="some", meals="daily", night="awake")
    result = estimate(scheme, answers_from_dict(data, scheme))
    got = lines(result)
    assert [line.slot for line in got[:3]] == ["notice.individual", "individual", "band"]
    assert got[1].text == "“Someone awake all night” (How much help do you need at night?): someone awake at night."
    assert got[2].text == "Starting point for your budget: £75 to £100 a week"
    assert not result.exceptional and result.individually_costed
    assert "hours" not in {line.slot for line in got}
    web.load_scheme_text((TEST_SCHEMES / "no-unpaid.toml").read_text(encoding="utf-8"))
    assert json.loads(web.estimate_json(json.dumps(data)))["words"]["hours"] == ""


def test_scotland_screens_by_risk_against_the_councils_threshold() -> None:
    scheme = load_scheme(TEST_SCHEMES / "scotland.toml")
    base = {"format": 2, "scheme": scheme.id, "scheme_version": scheme.version, "helpers_willing": {}}
    base["unpaid_support"] = {"daily-living": "none", "safety": "none"}
    moderate = _lines(scheme, base | {"answers": {"personal-care": "daily", "safety": "check"}})
    assert moderate["eligibility"].text == (
        "Perhaps not. The highest risk your answers show is moderate risk: some risks to your independence or "
        "health and wellbeing, which may need some support, with a review. This council provides services "
        "from substantial risk up. The figure above is what your points would give if the council finds you "
        "eligible: points do not decide eligibility. You can still ask for an assessment."
    )
    assert "outcome" not in moderate and "unable" not in moderate
    substantial = _lines(scheme, base | {"answers": {"personal-care": "all", "safety": "none"}})
    assert substantial["eligibility"].text.startswith("Probably yes. The highest risk your answers show is substantial")
    assert substantial["risk"].text == "How much help do you need with personal care? “Every time”"
    assert substantial["conditions"].text == (
        "At your assessment the council also decides whether the risks need a response now or soon: the "
        "framework weighs how urgent the risks are, as well as how severe (national eligibility framework)."
    )


def _penny_answers(scheme: Scheme, points: int) -> dict[str, object]:
    """Each question's option whose points add up to `points` (the penny scheme's digits)."""
    answers = {}
    for _, question in scheme.questions():
        option = max((o for o in question.options if o.points <= points), key=lambda o: o.points)
        points -= option.points
        answers[question.id] = option.id
    return {
        "format": 2,
        "scheme": scheme.id,
        "scheme_version": scheme.version,
        "answers": answers,
        "unpaid_support": {d.id: "none" for d in scheme.domains if d.asks_unpaid_support},
        "helpers_willing": {},
    }
