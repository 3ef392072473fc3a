"""Every file in the hostile corpus (tests/hostile/) through every CPython entry point.

`tests/hostile/expected.toml` says what each file tries and whether each entry point
accepts or refuses it, with the first problem word for word. Whatever the file, the
reply is plain: no traceback, no exception's name, at most 20 problems and a count.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from conftest import EXAMPLE
from ras_core import cli, scheme_from_toml, web
from ras_core.scheme.errors import MAX_SHOWN

HOSTILE = Path(__file__).resolve().parent / "hostile"
EXPECTED: dict[str, dict[str, str]] = tomllib.loads((HOSTILE / "expected.toml").read_text(encoding="utf-8"))
EXAMPLE_TEXT = EXAMPLE.read_text(encoding="utf-8")
VALID_CASES = HOSTILE / "cases" / "valid.csv"
FLAGS = {
    "target_total": "--target-total",
    "contingency_percent": "--contingency",
    "fairness_threshold": "--fairness-threshold",
    "new_version": "--new-version",
}
NOT_PLAIN = re.compile(
    r"Traceback|File \"|\b[A-Z]\w*(Error|Exception)\b|InvalidOperation|DivisionUndefined|DivisionByZero"
    r"|set_int_max_str_digits|\bdecimal\.[A-Z]|<class "
)


def corpus(kind: str) -> list[str]:
    return sorted(str(p.relative_to(HOSTILE)) for p in (HOSTILE / kind).iterdir())


def as_browser_reads(path: Path) -> str:
    """A file's text as the page's file.text() gives it: UTF-8, bad bytes replaced."""
    return path.read_bytes().decode("utf-8", "replace")


def assert_plain(text: str) -> None:
    found = NOT_PLAIN.search(text)
    assert found is None, f"not plain: {found[0]!r} in {text[:300]!r}"


def web_reply(text: str) -> dict[str, Any]:
    assert_plain(text)
    data = json.loads(text)
    assert isinstance(data, dict) and isinstance(data["ok"], bool)
    if not data["ok"]:
        problems = data["problems"]
        assert 1 <= len(problems) <= MAX_SHOWN + 1
        assert all(isinstance(p, str) and p.strip() for p in problems)
    return data


def check_web(rel: str, data: dict[str, Any]) -> None:
    expected = EXPECTED[rel]
    assert data["ok"] is (expected["web"] == "accepted"), data.get("problems")
    problems = data.get("problems") or (data.get("summary") or {}).get("problems") or []
    if "problem" in expected:
        assert problems[0] == expected["problem"]
    else:
        assert problems == []


def run_ras(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    assert_plain(err)
    if code == 1:
        lines = err.splitlines()
        assert re.fullmatch(r".+: \d+ problems? found", lines[0]), lines[0]
        assert 2 <= len(lines) <= MAX_SHOWN + 2
    return code, out, err


def check_cli(rel: str, code: int) -> None:
    assert code == {"accepted": 0, "refused": 1}[EXPECTED[rel]["cli"]]


@pytest.fixture
def example_loaded() -> Iterator[None]:
    assert json.loads(web.load_scheme_text(EXAMPLE_TEXT))["ok"]
    yield


def test_every_file_is_described_and_every_description_has_a_file() -> None:
    files = {str(p.relative_to(HOSTILE)) for p in HOSTILE.rglob("*") if p.is_file() and p.parent != HOSTILE}
    assert files == set(EXPECTED)
    readme = (HOSTILE / "README.md").read_text(encoding="utf-8")
    for rel, expected in EXPECTED.items():
        assert expected["tries"]
        assert f"`{rel.split('/', 1)[1]}`" in readme, rel
        if rel.startswith("review/"):
            assert expected["page"] in ("accepted", "refused")
        else:
            assert expected["web"] in ("accepted", "refused")
            assert expected["cli"] in ("accepted", "refused", "not run")


@pytest.mark.usefixtures("example_loaded")
@pytest.mark.parametrize("rel", corpus("answers"))
def test_answers(rel: str, capsys: pytest.CaptureFixture[str]) -> None:
    text = as_browser_reads(HOSTILE / rel)
    checked = web_reply(web.check_answers_json(text))
    estimated = web_reply(web.estimate_json(text))
    check_web(rel, checked)
    check_web(rel, estimated)
    assert checked.get("problems") == estimated.get("problems")
    code, out, _ = run_ras(capsys, "estimate", "--scheme", EXAMPLE, HOSTILE / rel)
    check_cli(rel, code)
    if code == 0:
        assert out.startswith("Your indicative budget: ")


@pytest.mark.usefixtures("example_loaded")
@pytest.mark.parametrize("rel", corpus("cases"))
def test_cases(rel: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = web_reply(web.calibrate_json(as_browser_reads(HOSTILE / rel), "{}"))
    check_web(rel, data)
    code, _, _ = run_ras(capsys, "calibrate", HOSTILE / rel, "--scheme", EXAMPLE, "--out", tmp_path)
    check_cli(rel, code)
    if data["ok"]:
        for html in (data["report"], (tmp_path / "report.html").read_text(encoding="utf-8")):
            for raw in ("<script", "<img", "<meta http", "<b>", ">=", ">@"):  # cells shown as text
                assert raw not in html, raw
        assert scheme_from_toml(data["scheme_toml"]).version == "2026.2"
    else:
        assert not tmp_path.joinpath("scheme.toml").exists()


@pytest.mark.usefixtures("example_loaded")
@pytest.mark.parametrize("rel", corpus("options"))
def test_options(rel: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = as_browser_reads(HOSTILE / rel)
    check_web(rel, web_reply(web.calibrate_json(VALID_CASES.read_text(encoding="utf-8"), text)))
    if EXPECTED[rel]["cli"] == "not run":
        return
    flags = [part for key, value in json.loads(text).items() for part in (FLAGS[key], value)]
    code, _, _ = run_ras(capsys, "calibrate", VALID_CASES, "--scheme", EXAMPLE, "--out", tmp_path, *flags)
    check_cli(rel, code)


@pytest.mark.parametrize("rel", corpus("schemes"))
def test_schemes(rel: str, capsys: pytest.CaptureFixture[str]) -> None:
    check_web(rel, web_reply(web.load_scheme_text(as_browser_reads(HOSTILE / rel))))
    path = HOSTILE / rel
    code, _, _ = run_ras(capsys, "validate", path)
    check_cli(rel, code)
    for command in (["scheme", path, "--json"], ["explain", path]):
        assert run_ras(capsys, *command)[0] == code


@pytest.mark.parametrize("name", ["multi-line-rate-description.toml", "version-with-quotes.toml", "markup.toml"])
def test_calibrating_a_tricky_scheme_writes_one_that_loads(
    name: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = HOSTILE / "schemes" / name
    old = scheme_from_toml(path.read_text(encoding="utf-8"))
    cases = "case_id,points,current_weekly_cost\nA,10,43.70\n"
    assert web_reply(web.load_scheme_text(path.read_text(encoding="utf-8")))["ok"]
    data = web_reply(web.calibrate_json(cases, "{}"))
    assert data["ok"], data
    (tmp_path / "cases.csv").write_text(cases, encoding="utf-8")
    assert run_ras(capsys, "calibrate", tmp_path / "cases.csv", "--scheme", path, "--out", tmp_path / "out")[0] == 0
    for text in (data["scheme_toml"], (tmp_path / "out" / "scheme.toml").read_text(encoding="utf-8")):
        new = scheme_from_toml(text)
        assert new.allocation.rate_per_point is not None
        assert str(new.allocation.rate_per_point.value) == "4.37"
        assert new.version == data["new_version"] != old.version
        assert new.council == old.council and new.domains == old.domains


@pytest.mark.usefixtures("example_loaded")
def test_an_answers_file_too_large_to_store_here(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = '{"scheme": "' + "x" * 300_000 + '"}'
    assert web_reply(web.estimate_json(text))["problems"] == ["Is too large for an answers file (more than 200 KB)."]
    path = tmp_path / "large.json"
    path.write_text(text, encoding="utf-8")
    assert run_ras(capsys, "estimate", "--scheme", EXAMPLE, path)[0] == 1


@given(st.text(max_size=300))
@settings(max_examples=150, deadline=None)
def test_any_text_gets_an_expected_reply_from_every_entry_point(text: str) -> None:
    """Not even the catch-all: every reply to arbitrary text is one the core meant to give."""
    assume(NOT_PLAIN.search(text) is None)  # text such as "AError" may be quoted back as written
    assert json.loads(web.load_scheme_text(EXAMPLE_TEXT))["ok"]
    header = "case_id,points,current_weekly_cost\n"
    replies = [
        web.check_answers_json(text),
        web.estimate_json(text),
        web.calibrate_json(header + text, "{}"),
        web.calibrate_json(text, "{}"),
        web.calibrate_json(header + "A,10,50\n", text),
        web.calibrate_json(header + "A,10,50\n", json.dumps({"target_total": text, "new_version": text})),
        web.load_scheme_text(text),
    ]
    for reply in replies:
        assert_plain(reply)
        assert web.UNEXPECTED not in reply
