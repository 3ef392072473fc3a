"""Every problem the core finds in a file, said in Welsh: a scheme's (for `ras validate
--lang cy`), a plan file's and the figures files' generic reader problems, and the
warnings about a scheme that loads. Each is a `Said`: its English is unchanged
(tests/test_validation.py pins it), and in Welsh none of its own English words is left.
"""

from __future__ import annotations

import json
import re

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


def test_ras_validate_lang_cy_says_the_problems_and_the_summary_in_welsh(tmp_path: object) -> None:
    done = helpers.ras("validate", str(EXAMPLE), "--lang", "cy")
    assert done.returncode == 0
    assert done.stdout.startswith(f"{EXAMPLE}: Iawn: Hunanasesiad Cyngor Enghreifftiol")
    assert "10 maes, 17 cwestiwn, yn Saesneg a Chymraeg" in done.stdout
    bad = TEST_SCHEMES / "penny.toml"
    text = bad.read_text(encoding="utf-8").replace('how_to_question = "Ask the test team."\n', "")
    broken_file = tmp_path / "broken.toml"  # type: ignore[operator]
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
