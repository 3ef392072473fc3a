"""One voice: every sentence about a result comes from `estimate/words.py`, in one order.

`ras estimate` prints exactly the lines the browser is given, for any answers; the
lines come in the documented order of slots; the notices say what the page said.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from conftest import EXAMPLE, ROOT, TEST_SCHEMES, random_answers
from ras_core import Scheme, answers_from_dict, cli, estimate, load_scheme, web
from ras_core.estimate.words import Line, as_text, lines

README_ANSWERS = ROOT / "content" / "answers" / "example-answers.json"

# The slots in the order the words module documents; `lines` never goes backwards.
ORDER = [
    "band",
    "example",
    "amount",
    "year",
    "hours",
    "without_unpaid_support",
    "notice.unpaid-applied",
    "notice.unpaid-not-willing",
    "notice.below",
    "notice.exceptional",
    "heading:How we worked this out",
    "working",
    "heading:Are you likely to be eligible?",
    "eligibility",
    "outcome",
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
        "heading",
        *["working"] * 19,
        "heading",
        "eligibility",
        *["outcome"] * 5,
        "screen",
        "closing",
    ]


@pytest.mark.parametrize("seed", range(50))
def test_ras_estimate_prints_the_lines_the_browser_is_given(
    seed: int, example: Scheme, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = random_answers(example, random.Random(seed))
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert cli.main(["estimate", "--scheme", str(EXAMPLE), str(path)]) == 0
    printed = capsys.readouterr().out

    web.load_scheme_text(EXAMPLE.read_text(encoding="utf-8"))
    reply = json.loads(web.estimate_json(json.dumps(data)))
    given = [Line(**(line | {"reference": None})) for line in reply["words"]["lines"]]
    result = estimate(example, answers_from_dict(data, example))
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
    }


def _lines(scheme: Scheme, data: dict[str, object]) -> dict[str, Line]:
    return {line.slot: line for line in lines(estimate(scheme, answers_from_dict(data, scheme)))}


def test_the_notices_say_what_the_page_said(example: Scheme) -> None:
    data = json.loads(README_ANSWERS.read_text(encoding="utf-8"))
    found = _lines(example, data)
    assert found["notice.unpaid-applied"].text == (
        "Without counting unpaid help, your estimate would be £175 to £200 a week. We used the lower figure "
        "because you said the people who help you are willing and able to keep helping. If that changes, tell "
        "the council: the figure without unpaid help would then apply."
    )
    assert found["eligibility"].text == (
        "Probably yes. Your answers say you cannot achieve 5 outcomes from the list in the law. "
        "People are usually eligible when they cannot achieve 2 or more."
    )
    found = _lines(example, data | {"helpers_willing": False})
    assert "notice.unpaid-applied" not in found and "without_unpaid_support" not in found
    assert found["notice.unpaid-not-willing"].text == (
        "Someone helps you without being paid, but you said they may not be able to keep helping. "
        "So we counted all of your needs."
    )

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
    assert high["notice.exceptional"] == Line(
        "notice.exceptional",
        "Your needs are high, so the council will work out your budget individually with you. "
        "The figure here is a starting point, not a limit.",
        "Your budget will be worked out with you",
    )
    assert "notice.below" not in high


def _penny_answers(scheme: Scheme, points: int) -> dict[str, object]:
    """Each question's option whose points add up to `points` (the penny scheme's digits)."""
    answers = {}
    for _, question in scheme.questions():
        option = max((o for o in question.options if o.points <= points), key=lambda o: o.points)
        points -= option.points
        answers[question.id] = option.id
    return {
        "scheme": scheme.id,
        "scheme_version": scheme.version,
        "answers": answers,
        "unpaid_support": {d.id: "none" for d in scheme.domains if d.asks_unpaid_support},
        "helpers_willing": None,
    }
