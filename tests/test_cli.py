"""The `ras` command as a council or developer runs it: exit codes, stdout, stderr."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import EXAMPLE, ROOT, TEST_SCHEMES
from helpers import ras

README_ANSWERS = ROOT / "content" / "answers" / "example-answers.json"


def test_validate_ok() -> None:
    done = ras("validate", EXAMPLE)
    assert done.returncode == 0
    assert "OK" in done.stdout and "10 areas, 17 questions" in done.stdout


def test_validate_warns_and_still_exits_0_when_the_minimum_points_contradict_the_screen() -> None:
    scheme = TEST_SCHEMES / "no-unpaid.toml"
    done = ras("validate", scheme)
    assert done.returncode == 0
    assert done.stdout.splitlines() == [
        f"{scheme}: OK: No unpaid help asked version 1, 2 areas, 3 questions",
        f"{scheme}: 1 warning (the scheme can be used, but it may mislead people)",
        f"{scheme}: warning: thresholds.minimum_points.value: answers with 7 points can already make the "
        'eligibility screen say likely eligible (for example "Some days" to "How much help do you need to wash?"; '
        '"Some days" to "How much help do you need to make meals?"), fewer than the minimum of 8. Such results go '
        "by the screen, because the law decides who is eligible, not points; to avoid the contradiction, set the "
        "minimum to 7 or less",
    ]


def test_the_example_has_no_warnings() -> None:
    assert ras("validate", EXAMPLE).stdout.count("\n") == 1


def test_validate_warns_about_the_nations_rules(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace('nation = "england"', 'nation = "scotland"')
    scheme = tmp_path / "scotland.toml"
    scheme.write_text(text, encoding="utf-8")
    done = ras("validate", scheme)
    assert done.returncode == 0
    assert done.stdout.splitlines()[1:] == [
        f"{scheme}: 2 warnings (the scheme can be used, but these may mislead people)",
        f"{scheme}: warning: eligibility.threshold: missing: in Scotland the screen compares the highest risk the "
        "answers show with the council's threshold (critical, substantial, moderate, low); without it, results "
        "say they cannot screen eligibility",
        f"{scheme}: warning: eligibility: outcomes, minimum_unmet and outcome_not_achieved are not used in "
        'Scotland: the screen there uses the risk bands (the council\'s "threshold", and a "risk" on each answer)',
    ]
    penny = TEST_SCHEMES / "penny.toml"
    lines = ras("validate", penny).stdout.splitlines()
    assert lines[4] == (
        f'{penny}: warning: domains[0].questions[0]: "1000 points", "2000 points", "3000 points" and 6 more give '
        "points but do not count its outcomes as not achieved: in England needing help at all counts as unable to "
        "achieve an outcome; where an answer means help is needed, add outcome_not_achieved = true"
    )


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
        "outcome_not_achieved": True,
        "individual_costing": None,
        "individual_costing_them": None,
        "risk": None,
    }
    moving = data["domains"][2]["questions"][1]["options"][3]
    assert moving["individual_costing"] == "two carers or a hoist to move you"
    assert moving["individual_costing_them"] == "two carers or a hoist to move them"
    assert question["text_them"] == "How much help do they need to wash and keep clean?"
    assert (data["person"], data["speaks_of_them"]) == ("adult", True)
    assert data["unpaid_support"]["willing_options"] == [
        {"id": "yes", "label": "Yes"},
        {"id": "no", "label": "No"},
        {"id": "not_sure", "label": "Not sure"},
    ]
    assert data["hourly_rate"]["value"] == "24.50"
    assert data["eligibility"]["rules"]["nation"] == "england"
    assert data["highest_total"] == 124
    assert domain["unpaid_support"]["options"][1] == {
        "id": "some",
        "label": "Yes, some of the time",
        "keep": "0.75",
    }
    table = json.loads(ras("scheme", TEST_SCHEMES / "table.toml", "--json").stdout)
    assert table["allocation"]["rows"][0] == {"from": 0, "to": 69, "amount": "0.00"}
    assert table["allocation"]["rows"][-1] == {"from": 200, "to": None, "amount": "175.50"}
    # Every figure a council set keeps all its decimal places: never rounded to the penny.
    exact = json.loads(ras("scheme", TEST_SCHEMES / "no-unpaid.toml", "--json").stdout)
    assert exact["allocation"]["rate_per_point"] == "4.8765"
    assert exact["allocation"]["rate_per_point_detail"]["value"] == "4.8765"
    assert exact["allocation"]["base"] == "4.78"
    assert exact["hourly_rate"]["value"] == "21.375"
    assert exact["unpaid_support"] is None
    ended = json.loads(ras("scheme", TEST_SCHEMES / "table-end.toml", "--json").stdout)
    assert ended["allocation"]["rows"][-1] == {"from": 116, "to": 185, "amount": "100.125"}


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
    assert data["hours"] == {"low": "6.1", "high": "7.1", "hourly_rate": "24.50", "shown": True}
    assert data["flags"] == {
        "below_threshold": False,
        "exceptional": False,
        "individually_costed": False,
        "beyond_table": False,
    }
    assert data["individual_costing"] == []
    assert data["answers"]["format"] == 2
    assert data["answers"]["helpers_willing"] == {"personal-care": "yes", "home": "yes"}
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
    assert "Minimum points: 4 points" in text and "Exceptional needs level: 100 points" in text
    assert "An amount exactly on the edge between two bands goes in the higher band." in text


@pytest.mark.parametrize("command", [[], ["validate"], ["scheme"], ["estimate"], ["explain"]])
def test_help(command: list[str]) -> None:
    done = ras(*command, "--help")
    assert done.returncode == 0
    assert done.stdout.startswith("usage: ras")


def test_every_file_may_start_with_a_byte_order_mark(tmp_path: Path) -> None:
    bom = "\ufeff"
    scheme = tmp_path / "scheme.toml"
    scheme.write_text(bom + EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    answers = tmp_path / "answers.json"
    answers.write_text(bom + README_ANSWERS.read_text(encoding="utf-8"), encoding="utf-8")
    cases = tmp_path / "cases.csv"
    cases.write_text(bom + "case_id,points,current_weekly_cost\nA,10,51.20\n", encoding="utf-8")
    assert ras("validate", scheme).returncode == 0
    done = ras("estimate", "--scheme", scheme, answers)
    assert done.returncode == 0, done.stderr
    done = ras("calibrate", cases, "--scheme", scheme, "--out", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert not (tmp_path / "out" / "scheme.toml").read_text(encoding="utf-8").startswith(bom)
    assert ras("validate", tmp_path / "out" / "scheme.toml").returncode == 0


def calibrate(tmp_path: Path, cases: str, *options: str) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "cases.csv"
    path.write_text(cases, encoding="utf-8")
    return ras("calibrate", path, "--scheme", EXAMPLE, "--out", tmp_path / "out", *options)


@pytest.mark.parametrize(
    ("cases", "options", "lines"),
    [
        (
            "A,10,0",
            [],
            [
                "{cases}: 1 problem found",
                "{cases}: The cases cost £0.00 in all, so a rate per point cannot be worked out. "
                "Check the current_weekly_cost column.",
            ],
        ),
        (
            "A,10,50",
            ["--target-total", "1e40", "--contingency", "²", "--new-version", '2026"2'],
            [
                "ras calibrate: 3 problems found",
                'ras calibrate: --target-total: "1e40" is not an amount of money: write pounds and pence, '
                "like 1250 or 1,250.50.",
                'ras calibrate: --contingency: "²" is not a percentage: write a number, like 5 or 12.5.',
                'ras calibrate: --new-version: "2026"2" cannot be a version: use up to 40 letters, digits, dots, '
                "dashes or underscores, starting with a letter or digit, like 2026.2.",
            ],
        ),
        (
            "A,10,50",
            ["--target-total", "0.00"],
            [
                "{cases}: 1 problem found",
                "{cases}: The rate per point would be £0.00 (£0.00 / 10 points, rounded to 4 decimal places), "
                "and a rate must be more than £0. Give a larger target total.",
            ],
        ),
    ],
    ids=["total cost 0", "bad options", "rate 0.00"],
)
def test_calibrate_refuses_plainly(tmp_path: Path, cases: str, options: list[str], lines: list[str]) -> None:
    done = calibrate(tmp_path, "case_id,points,current_weekly_cost\n" + cases + "\n", *options)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr.splitlines() == [line.format(cases=tmp_path / "cases.csv") for line in lines]
    assert not (tmp_path / "out").exists()


def test_calibrate_into_a_folder_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("", encoding="utf-8")
    done = calibrate(tmp_path, "case_id,points,current_weekly_cost\nA,10,50\n")
    assert done.returncode == 1
    assert done.stderr.splitlines()[1] == (
        f"{tmp_path / 'out' / 'report.html'}: cannot be written: part of the path is a file, not a folder"
    )


def test_a_folder_given_as_a_file(tmp_path: Path) -> None:
    done = ras("estimate", "--scheme", EXAMPLE, tmp_path)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"{tmp_path}: 1 problem found",
        f"{tmp_path}: cannot be read: it is a folder, not a file",
    ]


def test_thousands_of_problems_are_listed_as_20_and_a_count(tmp_path: Path) -> None:
    answers = json.loads(README_ANSWERS.read_text(encoding="utf-8")) | {str(n): 1 for n in range(20_000)}
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers, separators=(",", ":")), encoding="utf-8")
    done = ras("estimate", "--scheme", EXAMPLE, path)
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert lines[0] == f"{path}: 20000 problems found"
    assert len(lines) == 22 and lines[-1] == "…and 19,980 more problems like these."


def test_an_unexpected_failure_is_one_plain_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from ras_core import cli

    def broken(*args: object) -> object:
        raise ArithmeticError("boom")

    monkeypatch.setattr(cli, "estimate", broken)
    assert cli.main(["estimate", "--scheme", str(EXAMPLE), str(README_ANSWERS)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "ras: something went wrong, so the command could not finish. Please report it, with the command you ran.\n"
    )
