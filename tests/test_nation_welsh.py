"""The nations' law in Welsh, for the site's Welsh pages (Welsh Language Standards).

England's and Wales's facts (with the UK-wide ones under them) have the Welsh of every
text a person reads in the same key ending `_cy`, and the nation's name in Welsh; the
Welsh says the same figures as the English; and Welsh without its English is refused
with its place.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest

from ras_core import InputError

ROOT = Path(__file__).resolve().parent.parent
NATIONS_DIR = ROOT / "content" / "nations"
sys.path.insert(0, str(ROOT / "site"))

import site_content  # noqa: E402

WELSH_NATIONS = ("england", "wales")
# Keys that are not read as text by a person, or not translated: the label is for council
# staff, a source's title stays as it was published.
NOT_TEXT = {"label", "url", "start", "checked", "source"}
# A figure: a sum of money, a date's day or year, a number of months or weeks.
FIGURE = re.compile(r"£?\d+(?:[,.]\d+)*")


def untranslated(facts: dict[str, Any]) -> list[str]:
    """The place of every text a person reads that has no Welsh beside it."""
    missing = [] if _welsh(facts, "name") else ["name_cy"]
    for name, fact in facts.items():
        if not isinstance(fact, dict):
            continue
        for key, value in fact.items():
            if key in NOT_TEXT or key.endswith("_cy") or not isinstance(value, str):
                continue
            if re.search(r"[^\W\d_]", value) and not _welsh(fact, key):  # has a letter: not just an amount
                missing.append(f"{name}.{key}_cy")
    return missing


def _welsh(table: dict[str, Any], key: str) -> bool:
    value = table.get(f"{key}_cy")
    return isinstance(value, str) and bool(value.strip())


def welsh_texts(facts: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(place, English, Welsh) for every Welsh text."""
    found = [("name", facts["name"], facts["name_cy"])] if "name_cy" in facts else []
    for name, fact in facts.items():
        if isinstance(fact, dict):
            found += [
                (f"{name}.{key}", fact[key.removesuffix("_cy")], value)
                for key, value in fact.items()
                if key.endswith("_cy")
            ]
    return found


@pytest.mark.parametrize("nation", WELSH_NATIONS)
def test_every_text_a_person_reads_has_its_welsh(nation: str) -> None:
    facts = site_content.load_nation(nation)
    assert untranslated(facts) == []
    assert facts["name_cy"] == {"england": "Lloegr", "wales": "Cymru"}[nation]


def test_a_text_without_its_welsh_is_found() -> None:
    facts = site_content.load_nation("wales")
    del facts["ombudsman"]["time_limit_from_cy"]
    facts["sick_pay"]["value_cy"] = " "
    del facts["name_cy"]
    assert untranslated(facts) == ["name_cy", "sick_pay.value_cy", "ombudsman.time_limit_from_cy"]


@pytest.mark.parametrize("nation", WELSH_NATIONS)
def test_the_welsh_has_the_same_figures(nation: str) -> None:
    texts = welsh_texts(site_content.load_nation(nation))
    assert len(texts) > 40
    # The English title in brackets after a Welsh name repeats its figures, so sets are compared.
    differ = [
        (place, english, welsh)
        for place, english, welsh in texts
        if set(FIGURE.findall(english)) != set(FIGURE.findall(welsh))
    ]
    assert differ == []


def test_the_official_welsh_names_are_used() -> None:
    wales = site_content.load_nation("wales")
    assert wales["law"]["name_cy"] == "Deddf Gwasanaethau Cymdeithasol a Llesiant (Cymru) 2014"
    assert wales["ombudsman"]["name_cy"] == "Ombwdsmon Gwasanaethau Cyhoeddus Cymru"
    assert wales["regulator"]["name_cy"] == "Arolygiaeth Gofal Cymru"
    assert site_content.load_nation("england")["law"]["name_cy"] == "Deddf Gofal 2014 (Care Act 2014)"


def test_welsh_without_its_english_is_refused(tmp_path: Path) -> None:
    (tmp_path / "uk.toml").write_text((NATIONS_DIR / "uk.toml").read_text(encoding="utf-8"), encoding="utf-8")
    text = (NATIONS_DIR / "wales.toml").read_text(encoding="utf-8")
    for english in ('name = "Wales"\n', 'name = "Public Services Ombudsman for Wales"\n'):
        assert text.count(english) == 1
        text = text.replace(english, "")
    text = text.replace('value = "The council must assess any carer who may need support."', 'value = ""')
    text = text.replace(
        '[direct_payment_review]\nlabel = "Review of a direct payment"\n',
        '[direct_payment_review]\nlabel = "Review of a direct payment"\nduty_cy = "dim"\n',
    )
    text = text.replace('cost_cy = "am ddim"', 'cost_cy = ""').replace(
        'short_cy = "Arolygiaeth Gofal Cymru"', "short_cy = 3"
    )
    path = tmp_path / "wales.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        site_content.load_nation("wales", folder=tmp_path)
    assert caught.value.lines() == [
        f"{path}: name_cy: Welsh is given without the English (name)",
        f"{path}: ombudsman.name_cy: Welsh is given without the English (name)",
        f"{path}: ombudsman.cost_cy: must not be empty",
        f"{path}: regulator.short_cy: expected text, got a whole number (3)",
        f"{path}: direct_payment_review.duty_cy: Welsh is given without the English (duty)",
        f"{path}: carers.value_cy: Welsh is given without the English (value)",
    ]


def test_the_welsh_comes_through_as_plain_keys() -> None:
    ombudsman = site_content.load_nation("england")["ombudsman"]
    assert ombudsman["time_limit"] == "12 months"
    assert ombudsman["time_limit_cy"] == "12 mis"
    assert ombudsman["source"] == {
        "title": "Local Government and Social Care Ombudsman: information for link officers",
        "url": "https://www.lgo.org.uk/information-centre/information-for-organisations-we-investigate/"
        "information-for-link-officers?chapter=5",
    }
