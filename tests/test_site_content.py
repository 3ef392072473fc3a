"""The site's content files are checked like schemes: every problem at once, with its place."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ras_core import InputError

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "site"))

import site_content  # noqa: E402

COUNCIL = (ROOT / "content" / "council.toml").read_text(encoding="utf-8")
REVIEW = (ROOT / "content" / "review.toml").read_text(encoding="utf-8")


def problems(load: object, path: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        load(path)  # type: ignore[operator]
    return caught.value.lines()


def test_the_shipped_content_is_valid() -> None:
    council = site_content.load_council(ROOT / "content" / "council.toml")
    assert council["guided"] == {"idle_minutes": 15, "warning_seconds": 60}
    assert council["accessibility"]["tested"] == "2026-11-22"
    assert len(site_content.load_review()["areas"]) == 8
    for nation in ("england", "scotland", "wales"):
        facts = site_content.load_nation(nation)
        assert facts["id"] == nation
        assert all("source" in fact for fact in facts.values() if isinstance(fact, dict))


def test_a_misspelt_council_key_is_named_with_what_is_allowed(tmp_path: Path) -> None:
    path = tmp_path / "council.toml"
    path.write_text(
        COUNCIL.replace("phone_hours =", "phone_hour =").replace("idle_minutes = 15", "idle_minutes = 0"),
        encoding="utf-8",
    )
    assert problems(site_content.load_council, path) == [
        f"{path}: phone_hours: missing; expected text",
        f"{path}: guided.idle_minutes: must be a whole number from 1 to 240, got 0",
        f"{path}: phone_hour: unknown key; allowed keys here: accessibility, complaints, complaints_cy, "
        "direct_payment_support, email, guided, name, name_cy, phone, phone_hours, phone_hours_cy, privacy, rules, "
        "schemes, team, team_cy, website",
    ]


def test_the_schemes_on_the_site_are_files_in_content_schemes(tmp_path: Path) -> None:
    path = tmp_path / "council.toml"
    listed = 'schemes = ["example.toml", "carers-example.toml"]'
    assert listed in COUNCIL
    path.write_text(
        COUNCIL.replace(listed, 'schemes = ["example.toml", "../secret.toml", "missing.toml", "example.toml"]'),
        encoding="utf-8",
    )
    assert problems(site_content.load_council, path) == [
        f'{path}: schemes[1]: must be the name of a file in content/schemes/, such as "example.toml", '
        'got "../secret.toml"',
        f'{path}: schemes[2]: no file "missing.toml" in content/schemes/',
        f"{path}: schemes: each scheme once: example.toml is listed more than once",
    ]
    assert site_content.load_council(ROOT / "content" / "council.toml")["schemes"] == [
        "example.toml",
        "carers-example.toml",
    ]


def test_the_accessibility_status_is_one_the_regulations_name(tmp_path: Path) -> None:
    path = tmp_path / "council.toml"
    path.write_text(COUNCIL.replace('compliance = "partially compliant"', 'compliance = "mostly"'), encoding="utf-8")
    assert problems(site_content.load_council, path) == [
        f'{path}: accessibility.compliance: must be one of "fully compliant", "partially compliant", '
        f'"not compliant", "", got "mostly"'
    ]


def test_a_review_form_with_a_repeated_id_or_an_unknown_funding_area(tmp_path: Path) -> None:
    path = tmp_path / "review.toml"
    text = REVIEW.replace('id = "medium"', 'id = "high"').replace(
        'name = "Access to Work"\nareas = ["learning",', 'name = "Access to Work"\nareas = ["jobs",'
    )
    path.write_text(text, encoding="utf-8")
    assert problems(site_content.load_review, path) == [
        f'{path}: priorities[1].id: "high" is used twice; each id must be different',
        f'{path}: funding[3].areas[0]: "jobs" is not an area of the form; areas: citizenship, health, housing, '
        "learning, money, relationships, services, support",
    ]


def test_a_fact_of_law_needs_a_date_and_a_source_on_https(tmp_path: Path) -> None:
    folder = tmp_path / "nations"
    folder.mkdir()
    (folder / "uk.toml").write_text(
        '[wage]\nlabel = "Minimum wage"\nvalue = "£12.71"\nsource = { title = "A page", url = "http://x.example" }\n',
        encoding="utf-8",
    )
    (folder / "wales.toml").write_text('id = "wales"\nname = "Wales"\n', encoding="utf-8")
    assert problems(lambda p: site_content.load_nation("wales", p), folder) == [
        f'{folder / "uk.toml"}: wage.source.url: must be an address starting https://, got "http://x.example"',
        f"{folder / 'uk.toml'}: wage: needs a date: start (the day it applies from) or checked (the day it was "
        "last read)",
    ]


def test_the_build_stops_on_a_misspelt_council_key_with_its_dotted_path(tmp_path: Path) -> None:
    council = tmp_path / "council.toml"
    council.write_text(COUNCIL.replace("[privacy]\nhost =", "[privacy]\nhots ="), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--council", str(council), "--out", str(tmp_path / "dist")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert f"{council}: privacy.host: missing; expected text" in done.stderr
    assert f"{council}: privacy.hots: unknown key; allowed keys here: host, host_cy, logs_kept" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "dist").exists()
