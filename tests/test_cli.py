"""The `ras` command as a council or developer runs it: exit codes, stdout, stderr."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLE, ROOT, TEST_SCHEMES

README_ANSWERS = ROOT / "content" / "answers" / "example-answers.json"


def ras(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ras_core", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def test_validate_ok() -> None:
    done = ras("validate", EXAMPLE)
    assert done.returncode == 0
    assert "OK" in done.stdout and "10 areas, 17 questions" in done.stdout


def test_validate_broken_lists_every_problem_without_a_traceback(tmp_path: Path) -> None:
    text = (TEST_SCHEMES / "penny.toml").read_text(encoding="utf-8")
    text = text.replace("value = 0.01", "value = -1").replace('nation = "england"', 'nation = "mars"')
    broken = tmp_path / "broken.toml"
    broken.write_text(text, encoding="utf-8")
    done = ras("validate", broken)
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        f"{broken}: 2 problems found",
        f'{broken}: scheme.nation: must be one of "england", "scotland", "wales", got "mars"',
        f"{broken}: allocation.rate_per_point.value: must be more than 0, got -1",
    ]
    assert "Traceback" not in done.stderr


def test_scheme_json_has_the_published_keys() -> None:
    done = ras("scheme", EXAMPLE, "--json")
    assert done.returncode == 0
    data = json.loads(done.stdout)
    assert data["id"] == "example" and data["version"] == "2026.1"
    assert data["allocation"]["method"] == "rate"
    assert data["allocation"]["rate_per_point"] == "5.12"
    assert data["allocation"]["base"] == "0.00"
    assert data["bands"]["width"] == "25.00"
    domain = data["domains"][0]
    assert set(domain) >= {"id", "title", "questions", "unpaid_support"}
    question = domain["questions"][0]
    assert set(question) >= {"id", "text", "options"}
    assert question["options"][1] == {
        "id": "some",
        "label": "I need help on some days",
        "points": 3,
        "outcome_not_achieved": False,
    }
    assert domain["unpaid_support"]["options"][1] == {
        "id": "some",
        "label": "Yes, some of the time",
        "keep": "0.75",
    }
    table = json.loads(ras("scheme", TEST_SCHEMES / "table.toml", "--json").stdout)
    assert table["allocation"]["rows"][0] == {"from": 0, "to": 69, "amount": "0.00"}
    assert table["allocation"]["rows"][-1] == {"from": 200, "to": None, "amount": "175.50"}


def test_estimate_prints_the_band_and_the_working() -> None:
    done = ras("estimate", "--scheme", EXAMPLE, README_ANSWERS)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "Your indicative budget: £150 to £175 a week"
    assert "14. 32 points × £5.12 a point = £163.84 a week." in lines


def test_estimate_json_has_the_published_keys() -> None:
    done = ras("estimate", "--scheme", EXAMPLE, README_ANSWERS, "--json")
    data = json.loads(done.stdout)
    assert set(data) >= {
        "scheme",
        "points",
        "amount",
        "amount_without_unpaid_support",
        "band",
        "period",
        "annual",
        "hours",
        "eligibility",
        "flags",
        "working",
    }
    assert data["scheme"]["id"] == "example" and data["scheme"]["version"] == "2026.1"
    assert set(data["points"]) >= {"total", "total_before_unpaid_support", "by_domain"}
    assert data["amount"] == "163.84"
    assert data["band"] == {"low": "150.00", "high": "175.00"}
    assert data["annual"] == {"low": "7800.00", "high": "9100.00"}
    assert data["hours"] == {"low": "6.1", "high": "7.1", "hourly_rate": "24.50"}
    assert data["flags"] == {"below_threshold": False, "exceptional": False}
    assert data["eligibility"]["likely_eligible"] is True


def test_estimate_with_bad_answers_names_the_problem(tmp_path: Path) -> None:
    answers = json.loads(README_ANSWERS.read_text(encoding="utf-8"))
    answers["answers"]["washing"] = "often"
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    done = ras("estimate", "--scheme", EXAMPLE, path)
    assert done.returncode == 1
    assert done.stderr.splitlines()[1] == (
        f'{path}: answers.washing: "often" is not an answer to "How much help do you need to wash '
        'and keep clean?"; allowed: none, some, daily, full'
    )
    missing = ras("estimate", "--scheme", EXAMPLE, tmp_path / "nothing.json")
    assert missing.returncode == 1
    assert missing.stderr.splitlines()[1] == f"{tmp_path / 'nothing.json'}: file not found"


def test_explain_lists_every_question_answer_and_number(example: object) -> None:
    done = ras("explain", EXAMPLE)
    assert done.returncode == 0
    text = done.stdout
    from ras_core import load_scheme

    scheme = load_scheme(EXAMPLE)
    for _, question in scheme.questions():
        assert f"**{question.text}**" in text
        for option in question.options:
            assert f"| {option.label} | {option.points} |" in text
    for option in scheme.unpaid_support.options:
        assert option.label in text
    assert "**£5.12** a point" in text
    assert "Bands are £25 wide" in text
    assert "Minimum points: 8 points" in text and "Exceptional needs level: 100 points" in text
    assert "An amount exactly on the edge between two bands goes in the higher band." in text


@pytest.mark.parametrize("command", [[], ["validate"], ["scheme"], ["estimate"], ["explain"]])
def test_help(command: list[str]) -> None:
    done = ras(*command, "--help")
    assert done.returncode == 0
    assert done.stdout.startswith("usage: ras")
