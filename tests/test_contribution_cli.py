"""`ras contribution` as a person or adviser runs it, and the browser's entry point: the
same result and the same lines, exact messages, and every problem in every file at once."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conftest import EXAMPLE, ROOT, TEST_SCHEMES
from helpers import lowest_answers, ras
from ras_core import load_scheme, web

ANSWERS = ROOT / "content" / "answers" / "example-contribution.json"
RULES = ROOT / "content" / "charging"


def example() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(ANSWERS.read_text(encoding="utf-8"))
    return data


def test_the_example_says_who_pays_what_first_and_shows_its_working() -> None:
    done = ras("contribution", "--scheme", EXAMPLE, ANSWERS, "--date", "2026-11-23")
    assert done.returncode == 0, done.stderr
    out = done.stdout.splitlines()
    assert out[0] == "The council would pay about £16.64 to £33.64 a week and you about £130.20 to £147.20 a week."
    assert "How we worked this out" in out
    assert (
        "10. With savings of £14,250.01: left after the allowances: £400.65 + £1.00 tariff income − £241.45 minimum "
        "income guarantee − £20.00 housing − £10.00 disability-related spending = £130.20 a week." in out
    )
    assert "   https://www.entitledto.co.uk/" in out
    assert out[-1] == (
        "This is an estimate, not a decision. Example Council's financial assessment decides what you pay, from "
        "your full income, savings and costs."
    )


def test_json_carries_the_figures_used_with_their_sources_and_the_same_lines_as_the_browser() -> None:
    done = ras("contribution", "--scheme", EXAMPLE, ANSWERS, "--date", "2026-11-23", "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["you_pay"] == ["130.20", "147.20"] and result["council_pays"] == ["16.64", "33.64"]
    assert result["cost_of_care"] == "163.84"
    upper = next(f for f in result["figures"] if f["id"] == "capital_upper")
    assert upper["value"] == "23250" and upper["newer_not_found"] is True and upper["until"] == "2026-03-31"
    web.load_scheme_text(EXAMPLE.read_text(encoding="utf-8"))
    reply = json.loads(
        web.contribution_json(
            ANSWERS.read_text(encoding="utf-8"),
            (RULES / "england.toml").read_text(encoding="utf-8"),
            (RULES / "council.toml").read_text(encoding="utf-8"),
            "2026-11-23",
        )
    )
    assert reply["ok"] is True
    assert reply["result"]["lines"] == result["lines"]


def test_a_scottish_scheme_uses_scotlands_rules(tmp_path: Path) -> None:
    scheme = TEST_SCHEMES / "scotland.toml"
    data = lowest_answers(load_scheme(scheme)) | {"contribution": {"age": "pension"}}
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    done = ras("contribution", "--scheme", scheme, path, "--date", "2026-11-23")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Personal care is free in Scotland, whatever your income or savings")


def test_every_problem_in_the_answers_is_listed_at_once_with_its_place(tmp_path: Path) -> None:
    data = example()
    data["answers"]["washing"] = "sometimes"
    data["contribution"] = {
        "age": "99",
        "savings": "lots",
        "income": {"state_pension": "-5", "wages": "10"},
        "housing": "12.345",
        "colour": "blue",
    }
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    done = ras("contribution", "--scheme", EXAMPLE, path)
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        f"{path}: 7 problems found",
        f'{path}: answers.washing: "sometimes" is not an answer to "How much help do you need to wash and keep '
        'clean?"; allowed: none, some, daily, full',
        f'{path}: contribution.age: must be one of "18-24", "25-pension", "pension", "not_said", got text ("99")',
        f'{path}: contribution.savings: must be one of "up-to-lower", "lower-to-middle", "middle-to-upper", '
        '"over-upper", "not_said", got text ("lots")',
        f'{path}: contribution.income.state_pension: "-5" is less than £0: amounts must be £0 or more',
        f"{path}: contribution.income.wages: unknown key; allowed keys here: benefits, care_benefit, earnings, "
        "mobility, other, pension_credit, private_pension, state_pension",
        f'{path}: contribution.housing: "12.345" is not an amount of money: write pounds and pence, like 1250 or '
        "1,250.50",
        f"{path}: contribution.colour: unknown key; allowed keys here: age, care_rate, disability_costs, housing, "
        "income, savings",
    ]


def test_missing_rules_files_are_named_and_a_bad_date_is_explained(tmp_path: Path) -> None:
    done = ras("contribution", "--scheme", EXAMPLE, ANSWERS, "--rules", tmp_path)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "these files: 2 problems found",
        f"{tmp_path / 'england.toml'}: file not found",
        f"{tmp_path / 'council.toml'}: file not found",
    ]
    done = ras("contribution", "--scheme", EXAMPLE, ANSWERS, "--date", "23/11/2026")
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "--date: 1 problem found",
        '--date: "23/11/2026" is not a date: write it as YYYY-MM-DD, like 2026-04-06',
    ]


def test_rules_for_another_nation_are_refused(tmp_path: Path) -> None:
    (tmp_path / "england.toml").write_text((RULES / "wales.toml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "council.toml").write_text("council = 1\n", encoding="utf-8")
    done = ras("contribution", "--scheme", EXAMPLE, ANSWERS, "--rules", tmp_path)
    assert done.returncode == 1
    council = tmp_path / "council.toml"
    assert done.stderr.splitlines() == [
        "these files: 7 problems found",
        f'{tmp_path / "england.toml"}: nation: these are the rules for "wales", but the scheme is for "england"',
        f"{council}: council: expected text, got a whole number (1)",
        f"{council}: council: must not be empty",
        f"{council}: checked: missing; expected a date written as YYYY-MM-DD",
        f"{council}: policy: missing; expected a table",
        f"{council}: figures.percentage_charged: missing; these rules need this figure",
        f"{council}: figures.disability_costs_allowance: missing; these rules need this figure",
    ]


def test_the_browser_entry_point_never_raises_and_keeps_its_word() -> None:
    web.load_scheme_text(EXAMPLE.read_text(encoding="utf-8"))
    england = (RULES / "england.toml").read_text(encoding="utf-8")
    council = (RULES / "council.toml").read_text(encoding="utf-8")
    reply = json.loads(web.contribution_json("[", england, council, ""))
    assert reply == {"ok": False, "problems": ["Line 1, column 2: not valid JSON: Expecting value."]}
    reply = json.loads(web.contribution_json(ANSWERS.read_text(encoding="utf-8"), england, council, "soon"))
    assert reply == {"ok": False, "problems": ['"soon" is not a date: write it as YYYY-MM-DD, like 2026-04-06.']}
    questions = json.loads(web.contribution_questions_json(england, council))
    assert [q["id"] for q in questions["questions"]] == [
        "age",
        "savings",
        "income",
        "care_rate",
        "housing",
        "disability_costs",
    ]
    assert all(q["not_said"]["text"] == "I'd rather not say" for q in questions["questions"])


def test_a_checked_answers_file_gives_the_money_answers_back_as_written() -> None:
    web.load_scheme_text(EXAMPLE.read_text(encoding="utf-8"))
    reply = json.loads(web.check_answers_json(ANSWERS.read_text(encoding="utf-8")))
    assert reply["ok"] is True
    assert reply["answers"]["contribution"] == example()["contribution"]
    plain = json.loads(web.check_answers_json((ROOT / "content" / "answers" / "example-answers.json").read_text()))
    assert "contribution" not in plain["answers"]


def test_a_carers_own_assessment_is_not_given_an_estimate_of_what_the_person_pays(tmp_path: Path) -> None:
    scheme = ROOT / "content" / "schemes" / "carers-example.toml"
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(lowest_answers(load_scheme(scheme))), encoding="utf-8")
    done = ras("contribution", "--scheme", scheme, path)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "scheme: 1 problem found",
        "scheme: person: this is a carer's own assessment: what a person might pay is estimated for the care of "
        "the adult who needs it, not for a carer's support",
    ]
