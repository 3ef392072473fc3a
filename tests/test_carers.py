"""The carers' example scheme: its amounts come from its documented calibration, it is
screened by England's carers' law, and every `ras` command accepts it."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from conftest import ROOT, SCHEMES
from ras_core import load_scheme

CARERS = SCHEMES / "carers-example.toml"
RAS = [sys.executable, "-m", "ras_core"]


def test_the_table_is_the_calibration_from_the_made_up_carers() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    import make_carers_sample

    text = (ROOT / "content" / "calibration" / "carers-sample.csv").read_text(encoding="utf-8")
    assert make_carers_sample.make() == text
    scheme = load_scheme(CARERS)
    rows = [(r.low, r.high, r.amount) for r in scheme.allocation.rows]
    assert rows == [(low, high, amount) for low, high, _, amount in make_carers_sample.table(text)]
    assert [r.amount for r in scheme.allocation.rows] == [Decimal(a) for a in ("0", "200", "350", "500", "600")]


def test_the_carers_scheme_is_a_yearly_carers_example_in_england() -> None:
    scheme = load_scheme(CARERS)
    assert (scheme.person, scheme.nation, scheme.period, scheme.illustrative) == ("carer", "england", "year", True)
    assert scheme.hourly_rate is None and scheme.unpaid_support is None
    assert scheme.eligibility.rules.law.url == "https://www.legislation.gov.uk/uksi/2015/313/regulation/3"
    titles = [d.title for d in scheme.domains]
    assert titles == [
        "Your health",
        "Sleep",
        "Work and learning",
        "Time for yourself",
        "Relationships",
        "Your home",
        "Money",
        "Emergencies and planning ahead",
        "Going on caring",
    ]
    assert "EXAMPLE" in CARERS.read_text(encoding="utf-8").splitlines()[2]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*RAS, *args], capture_output=True, text=True, check=False, cwd=ROOT)


def test_ras_validate_estimate_and_explain_accept_the_carers_scheme(tmp_path: Path) -> None:
    done = _run("validate", str(CARERS))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "10 questions" in done.stdout
    scheme = load_scheme(CARERS)
    answers = {q.id: q.options[-1].id for _, q in scheme.questions()}
    path = tmp_path / "carer.json"
    path.write_text(
        json.dumps({"format": 2, "scheme": scheme.id, "scheme_version": scheme.version, "answers": answers})
    )
    done = _run("estimate", "--scheme", str(CARERS), str(path))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Your indicative budget: £600 to £650 a year\n")
    assert "hours" not in done.stdout
    done = _run("explain", str(CARERS))
    assert done.returncode == 0
    assert "Answer each question about your own life as it is now, with the caring you do." in done.stdout
    assert "regulation 3" in done.stdout


def test_adults_answers_given_to_the_carers_scheme_name_the_adults_scheme(tmp_path: Path) -> None:
    path = tmp_path / "adult.json"
    path.write_text(json.dumps({"format": 2, "scheme": "example", "scheme_version": "2026.1", "answers": {}}))
    done = _run("estimate", "--scheme", str(CARERS), str(path))
    assert done.returncode == 1
    assert 'these answers are for the scheme "example", not "carers-example" (Example Council)' in done.stdout + (
        done.stderr
    )


def test_a_carers_answers_file_said_to_be_for_someone_else_gets_a_clear_error(tmp_path: Path) -> None:
    scheme = load_scheme(CARERS)
    answers = {q.id: q.options[0].id for _, q in scheme.questions()}
    path = tmp_path / "carer.json"
    path.write_text(
        json.dumps(
            {
                "format": 2,
                "scheme": scheme.id,
                "scheme_version": scheme.version,
                "for_someone_else": True,
                "answers": answers,
            }
        )
    )
    done = _run("estimate", "--scheme", str(CARERS), str(path))
    assert done.returncode == 1
    said = done.stdout + done.stderr
    assert "Traceback" not in said
    assert (
        "for_someone_else: this scheme has no wording for someone answering for another person, so its answers "
        "are always the person's own: leave for_someone_else out, or set it to false"
    ) in said
    assert str(path.name) in said


def _helped(scheme_path: Path, helped: bool, *, them: bool = False) -> list[tuple[str, str, str | None, str | None]]:
    from conftest import lowest_answers
    from ras_core import answers_from_dict, estimate
    from ras_core.estimate.words import lines

    scheme = load_scheme(scheme_path)
    data = lowest_answers(scheme)
    if helped:
        area = next(d for d in scheme.domains if d.asks_unpaid_support)
        assert scheme.unpaid_support is not None
        data["unpaid_support"][area.id] = next(o.id for o in scheme.unpaid_support.options if o.keep < 1)
        data["helpers_willing"] = {area.id: "not_sure"}
    data["for_someone_else"] = them
    result = estimate(scheme, answers_from_dict(data, scheme))
    return [
        (line.slot, line.text, line.title, None if line.reference is None else line.reference.url)
        for line in lines(result)
        if line.slot == "notice.carer"
    ]


def test_where_someone_helps_unpaid_the_adults_result_says_they_can_have_their_own_assessment() -> None:
    assert _helped(SCHEMES / "example.toml", True) == [
        (
            "notice.carer",
            "The people who help can ask the council for a carer's assessment of their own needs for support, "
            "whatever their needs or money, and may get support of their own.",
            "The people who help you can have their own assessment",
            "https://www.legislation.gov.uk/ukpga/2014/23/section/10",
        )
    ]
    assert _helped(SCHEMES / "example.toml", True, them=True)[0][2] == (
        "The people who help them can have their own assessment"
    )
    assert _helped(SCHEMES / "example.toml", False) == []


def test_each_nation_names_its_own_carers_law() -> None:
    tests = ROOT / "tests" / "schemes"
    from ras_core.eligibility import rules_for

    wales = rules_for("wales").carers_law
    assert wales is not None and wales.url == "https://www.legislation.gov.uk/anaw/2014/4/section/24"
    assert _helped(tests / "scotland.toml", True)[0][3] == "https://www.legislation.gov.uk/asp/2016/9/section/6"
    assert "adult carer support plan" in _helped(tests / "scotland.toml", True)[0][1]
