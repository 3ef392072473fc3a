"""Every problem the core finds in a file, said in Welsh: a scheme's (for `ras validate
--lang cy`), a plan file's and the figures files' generic reader problems, and the
warnings about a scheme that loads. Each is a `Said`: its English is unchanged
(tests/test_validation.py pins it), and in Welsh none of its own English words is left.
"""

from __future__ import annotations

import copy
import json
import pickle
import re
from pathlib import Path

import pytest

import helpers
from conftest import EXAMPLE, ROOT, TEST_SCHEMES
from ras_core import SchemeError, scheme_from_toml, web
from ras_core.i18n import Said, registered
from ras_core.scheme.said import report
from ras_core.scheme.warn import scheme_warnings
from test_validation import BREAKS

EMPLOYMENT = (ROOT / "content" / "employment.toml").read_text(encoding="utf-8")
COSTS = (ROOT / "content" / "plan-costs.toml").read_text(encoding="utf-8")
PLAN = (ROOT / "content" / "plans" / "example-plan.json").read_text(encoding="utf-8")


def english_words() -> set[str]:
    """Runs of four or more English words from every problem message, placeholders left out."""
    runs: set[str] = set()
    for said in registered():
        if said.context in ("problem", "validate", "warning", "expected", "value"):
            for part in re.split(r"\{[^}]*\}", said.msgid):
                words = re.findall(r"[A-Za-z']+", part)
                runs.update(" ".join(words[i : i + 4]) for i in range(len(words) - 3))
    return runs


def broken(base: str, replacements: list[tuple[str, str]]) -> SchemeError:
    text = base
    for old, new in replacements:
        text = text.replace(old, new, 1)
    with pytest.raises(SchemeError) as caught:
        scheme_from_toml(text, source="broken.toml")
    return caught.value


@pytest.mark.parametrize(
    ("base", "replacements"), [pytest.param(base, reps, id=name) for name, base, reps, _ in BREAKS]
)
def test_each_scheme_problem_is_said_in_welsh(base: str, replacements: list[tuple[str, str]]) -> None:
    error = broken(base, replacements)
    runs = english_words()
    for problem in error.problems:
        assert isinstance(problem.message, Said), problem
        welsh = problem.say("cy")
        assert welsh != str(problem), welsh
        left = [run for run in runs if run in welsh]
        assert left == [], (welsh, left)


def test_a_report_in_welsh_counts_and_lists_every_problem() -> None:
    chosen = [reps for name, _, reps, _ in BREAKS if name in ("negative points", "a reference that is not defined")]
    error = broken(BREAKS[0][1], [r for reps in chosen for r in reps])
    lines = report(error, "cy").splitlines()
    assert lines[0] == f"broken.toml: canfuwyd {len(error.problems)} broblem"
    assert len(lines) == 1 + len(error.problems)
    assert report(error, "en") == error.report()


def test_ras_validate_lang_cy_says_the_problems_and_the_summary_in_welsh(tmp_path: Path) -> None:
    done = helpers.ras("validate", str(EXAMPLE), "--lang", "cy")
    assert done.returncode == 0
    assert done.stdout.startswith(f"{EXAMPLE}: Iawn: Hunanasesiad Cyngor Enghreifftiol")
    assert "10 maes, 17 cwestiwn, yn Saesneg a Chymraeg" in done.stdout
    bad = TEST_SCHEMES / "penny.toml"
    text = bad.read_text(encoding="utf-8").replace('how_to_question = "Ask the test team."\n', "")
    broken_file = tmp_path / "broken.toml"
    broken_file.write_text(text, encoding="utf-8")
    done = helpers.ras("validate", str(broken_file), "--lang", "cy")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.splitlines() == [
        f"{broken_file}: canfuwyd 1 broblem",
        f"{broken_file}: scheme.how_to_question: ar goll; disgwylid testun",
    ]


def test_the_warnings_about_a_scheme_are_said_in_welsh() -> None:
    scheme = scheme_from_toml((TEST_SCHEMES / "no-unpaid.toml").read_text(encoding="utf-8"))
    warnings = scheme_warnings(scheme)
    assert warnings
    runs = english_words()
    for warning in warnings:
        welsh = warning.say("cy")
        assert [run for run in runs if run in welsh] == [], welsh


def test_a_plan_files_reader_problems_are_said_in_welsh_on_the_page() -> None:
    data = json.loads(PLAN)
    data["lines"][0]["colour"] = "red"
    del data["lines"][1]["name"]
    problems = json.loads(web.plan_json(json.dumps(data), EMPLOYMENT, COSTS, "cy"))["problems"]
    assert problems[0].startswith("Allwedd anhysbys; yr allweddi a ganiateir yma: ")
    assert problems[1] == "Ar goll; disgwylid testun (yn lines[1].name)."
    english = json.loads(web.plan_json(json.dumps(data), EMPLOYMENT, COSTS, "en"))["problems"]
    assert english[1] == "Missing; expected text (at lines[1].name)."


def test_ras_estimate_lang_cy_says_an_answers_files_problems_in_welsh(tmp_path: Path) -> None:
    broken_answers = tmp_path / "answers.json"
    broken_answers.write_text('{"format": 2, "scheme": {}, "answers": {}}', encoding="utf-8")
    done = helpers.ras("estimate", "--scheme", str(EXAMPLE), str(broken_answers), "--lang", "cy")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    said = done.stderr
    assert "canfuwyd" in said and "problem" in said
    assert "expected" not in said and "missing" not in said, said


def test_a_file_that_is_not_there_is_said_in_welsh(tmp_path: Path) -> None:
    done = helpers.ras("validate", str(tmp_path / "nowhere.toml"), "--lang", "cy")
    assert done.stderr.splitlines() == [
        f"{tmp_path / 'nowhere.toml'}: canfuwyd 1 broblem",
        f"{tmp_path / 'nowhere.toml'}: ni chafwyd hyd i'r ffeil",
    ]


def test_a_plan_dated_before_every_figure_is_refused_in_welsh() -> None:
    data = json.loads(PLAN)
    data["date"] = "1990-01-01"
    problems = json.loads(web.plan_json(json.dumps(data), EMPLOYMENT, COSTS, "cy"))["problems"]
    assert problems and all("no figure in force" not in p for p in problems)
    assert problems[0].startswith("Dim ffigur mewn grym ar 1990-01-01 (dyddiad y cynllun)")


def test_the_calculators_own_problems_are_said_in_the_pages_language() -> None:
    assert json.loads(web.load_scheme_text(EXAMPLE.read_text(encoding="utf-8")))["ok"]
    assert json.loads(web.calibrate_json(None, None, "cy"))["problems"] == [  # type: ignore[arg-type]
        "Aeth rhywbeth o'i le yn y cyfrifiannell: nid oedd modd gorffen hyn. Rhowch gynnig arall arni, ac os bydd "
        "yn digwydd eto, dywedwch wrth y cyngor."
    ]
    assert json.loads(web.calibrate_json(None, None))["problems"] == [web.UNEXPECTED]  # type: ignore[arg-type]


def test_a_said_problem_survives_copying_and_pickling_whole() -> None:
    error = broken(BREAKS[0][1], BREAKS[0][2])
    for problem in error.problems:
        for again in (copy.deepcopy(problem), pickle.loads(pickle.dumps(problem))):
            assert again == problem
            assert again.say("cy") == problem.say("cy") != str(problem)


def test_counts_in_the_calibration_words_keep_their_thousands_separators() -> None:
    from ras_core.council import report_words

    assert report_words.ROWS.say("en", n=1200, rows="1,300", rejected="100").startswith("1,300 rows read: 1,200 cases")
    assert report_words.ROWS.say("cy", n=1200, rows="1,300", rejected="100").startswith(
        "1,300 rhes wedi'u darllen: 1,200"
    )
