"""Messages in each language: Welsh plural forms, money and dates, and the catalogue a
translator exports and imports (`ras strings`)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import ras
from ras_core.estimate.figures import Band
from ras_core.estimate.words.phrases import band_words, hours_words, points, year_words
from ras_core.i18n import catalogue_text, date_words, message, registered
from ras_core.i18n.plural import parse_rule, plural_forms
from ras_core.i18n.po import CatalogueError, read_po
from ras_core.i18n.strings import check, every_message, export, import_po, status

CY = catalogue_text("cy")


@pytest.mark.parametrize(
    ("n", "english", "welsh"),
    [
        (0, "0 points", "0 pwynt"),
        (1, "1 point", "1 pwynt"),
        (2, "2 points", "2 bwynt"),
        (3, "3 points", "3 phwynt"),
        (6, "6 points", "6 phwynt"),
        (20, "20 points", "20 pwynt"),
    ],
)
def test_points_take_the_plural_form_of_each_language(n: int, english: str, welsh: str) -> None:
    assert points(n) == english
    assert points(n, "cy") == welsh


def test_welsh_has_cldrs_six_plural_forms() -> None:
    # CLDR's Welsh cardinals: zero 0, one 1, two 2, few 3, many 6, other (the rest).
    count, rule = plural_forms(read_po(CY, "cy.po").header["Plural-Forms"])
    assert count == 6
    assert [rule(n) for n in (0, 1, 2, 3, 6, 20)] == [0, 1, 2, 3, 4, 5]
    assert {rule(n) for n in (4, 5, 7, 8, 10, 11, 100, 1000)} == {5}


@given(st.integers(min_value=0, max_value=10**6))
def test_the_english_rule_read_from_a_header_is_englishs(n: int) -> None:
    count, rule = plural_forms("nplurals=2; plural=(n != 1);")
    assert count == 2 and rule(n) == (0 if n == 1 else 1)


@pytest.mark.parametrize(
    ("expression", "problem"),
    [
        ("n; import os", "cannot read '; import os'"),
        ("__import__('os')", "cannot read \"__import__('os')\""),
        ("(n == 1", "expected ), found the end"),
        ("n == 1 ? 0", "expected :, found the end"),
    ],
)
def test_a_plural_rule_is_parsed_never_evaluated(expression: str, problem: str) -> None:
    with pytest.raises(ValueError) as raised:
        parse_rule(expression)
    assert str(raised.value) == problem


def test_a_plural_rule_that_names_a_form_it_has_not_is_refused() -> None:
    with pytest.raises(ValueError) as raised:
        plural_forms("nplurals=2; plural=n;")
    assert str(raised.value) == "Plural-Forms gives form 2 for 2, but there are only 2 forms"


def test_bands_hours_and_years_in_welsh() -> None:
    span, single, open_ended = Band(low=Decimal(175), high=Decimal(200)), Band(low=Decimal(0), high=Decimal(0)), None
    assert band_words(span, "week", "cy") == "£175 i £200 yr wythnos"
    assert band_words(single, "week", "cy") == "£0 yr wythnos"
    assert band_words(Band(low=Decimal(500), high=open_ended), "week", "cy") == "£500 neu fwy yr wythnos"
    assert band_words(span, "year", "cy") == "£175 i £200 y flwyddyn"
    assert year_words(Band(low=Decimal(7800), high=Decimal(9100)), "cy") == "tua £7,800 i £9,100 y flwyddyn"
    assert (
        hours_words(Band(low=Decimal("5.5"), high=Decimal("6.7")), "week", "cy") == "tua 6 i 7 awr o gymorth yr wythnos"
    )


def test_the_english_is_the_english_the_result_has_always_said() -> None:
    span = Band(low=Decimal(175), high=Decimal(200))
    assert band_words(span, "week") == "£175 to £200 a week"
    assert band_words(Band(low=Decimal(500), high=None), "year") == "£500 or more a year"
    assert year_words(Band(low=Decimal(7800), high=Decimal(9100))) == "about £7,800 to £9,100 a year"
    assert hours_words(Band(low=Decimal("5.5"), high=Decimal("6.7")), "week") == "about 6 to 7 hours of support a week"
    # One hour is an hour (it used to say "1 hours").
    assert hours_words(Band(low=Decimal(1), high=Decimal(1)), "week") == "about 1 hour of support a week"


@pytest.mark.parametrize(
    ("day", "english", "welsh"),
    [
        (datetime.date(2026, 12, 3), "3 December 2026", "3 Rhagfyr 2026"),
        (datetime.date(2027, 4, 1), "1 April 2027", "1 Ebrill 2027"),
        (datetime.date(2026, 7, 31), "31 July 2026", "31 Gorffennaf 2026"),
    ],
)
def test_dates_in_each_language(day: datetime.date, english: str, welsh: str) -> None:
    assert date_words(day) == english
    assert date_words(day, "cy") == welsh


def test_an_unknown_language_is_refused_plainly() -> None:
    with pytest.raises(ValueError) as raised:
        points(2, "fr")
    assert str(raised.value) == "unknown language 'fr': expected one of en (English), cy (Cymraeg)"


def test_the_welsh_catalogue_has_every_message_and_nothing_else() -> None:
    catalogue = check(CY, "cy.po", "cy")
    assert {entry.key for entry in catalogue.entries} == {made.key for made in every_message()}
    assert all(entry.translated for entry in catalogue.entries)


def test_the_shipped_welsh_is_all_marked_as_a_draft() -> None:
    # Nothing is signed off until the council's translation service has checked it.
    assert status("cy") == f"Cymraeg (cy): {len(every_message())} messages: 0 signed off, " + (
        f"{len(every_message())} drafts not yet signed off, 0 not translated"
    )
    assert all(entry.draft for entry in read_po(CY, "cy.po").entries)


def test_a_message_declared_twice_is_one_message() -> None:
    before = len(registered())
    again = message("{low} a week")
    assert len(registered()) == before
    assert again.say("cy", low="£5") == "£5 yr wythnos"


def test_export_then_import_gives_back_the_same_catalogue(tmp_path: Path) -> None:
    into = tmp_path / "cy.po"
    import_po(export("cy"), "exported.po", "cy", into)
    assert into.read_text(encoding="utf-8") == CY


def test_a_translator_signs_off_by_clearing_the_draft_flag(tmp_path: Path) -> None:
    exported = export("cy")
    signed = exported.replace('#, fuzzy\nmsgctxt "month"\nmsgid "May"', 'msgctxt "month"\nmsgid "May"')
    assert signed != exported
    into = tmp_path / "cy.po"
    catalogue = import_po(signed, "signed.po", "cy", into)
    count = len(every_message())
    assert status("cy", catalogue) == (
        f"Cymraeg (cy): {count} messages: 1 signed off, {count - 1} drafts not yet signed off, 0 not translated"
    )


BROKEN = """msgid ""
msgstr ""
"Language: cy\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

msgid "{low} a week"
msgstr "{isel} yr wythnos"

msgid "{n} point"
msgid_plural "{n} points"
msgstr[0] "{n} pwynt"
msgstr[1] "{n} pwynt"

msgid "a message nobody declared"
msgstr "neges"

msgid "{low} to {high} a week"
msgtxt "oops"
"""


def test_every_problem_in_a_translated_file_is_reported_at_once() -> None:
    with pytest.raises(CatalogueError) as raised:
        check(BROKEN, "cy-broken.po", "cy")
    assert raised.value.report() == "\n".join(
        [
            "cy-broken.po: 1 problem found",
            "cy-broken.po: line 18: unknown keyword 'msgtxt': "
            "expected msgctxt, msgid, msgid_plural, msgstr or msgstr[N]",
        ]
    )
    fixed = BROKEN.replace('msgtxt "oops"', 'msgstr "{low} i {high} yr wythnos"')
    with pytest.raises(CatalogueError) as raised:
        check(fixed, "cy-broken.po", "cy")
    rule = "nplurals=6; plural=(n==0) ? 0 : (n==1) ? 1 : (n==2) ? 2 : (n==3) ? 3 : (n==6) ? 4 : 5;"
    assert raised.value.lines() == [
        f"cy-broken.po: header: Plural-Forms must be the rule for Cymraeg: {rule}",
        "cy-broken.po: line 6: the translation of '{low} a week' must use the same placeholders as the English "
        "({low}); it uses {isel}",
        "cy-broken.po: line 9: '{n} point' needs 6 plural forms in Cymraeg (msgstr[0] to msgstr[5]); it has 2",
        "cy-broken.po: line 14: 'a message nobody declared' is not a message OpenRAS uses (it may have changed): "
        "export the file again and copy the translation across",
    ]


def test_ras_strings_export_status_and_import(tmp_path: Path) -> None:
    out = tmp_path / "cy.po"
    done = ras("strings", "export", "cy", "--out", out)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"{out}: {len(every_message())} messages\n"
    assert 'msgid "{low} to {high} a week"\nmsgstr "{low} i {high} yr wythnos"' in out.read_text(encoding="utf-8")

    done = ras("strings", "status", "cy")
    assert done.returncode == 0 and done.stdout == status("cy") + "\n"

    into = tmp_path / "catalogue.po"
    done = ras("strings", "import", out, "--lang", "cy", "--into", into)
    assert done.returncode == 0, done.stderr
    assert into.read_text(encoding="utf-8") == CY


def test_ras_strings_import_of_a_broken_file_lists_the_problems_and_writes_nothing(tmp_path: Path) -> None:
    broken = tmp_path / "cy-broken.po"
    broken.write_text(BROKEN.replace('msgtxt "oops"', 'msgstr "{low} i {high} yr wythnos"'), encoding="utf-8")
    into = tmp_path / "catalogue.po"
    into.write_text("kept", encoding="utf-8")
    done = ras("strings", "import", broken, "--lang", "cy", "--into", into)
    assert done.returncode == 1
    assert done.stderr.startswith(f"{broken}: 4 problems found\n{broken}: header: Plural-Forms must be")
    assert "Traceback" not in done.stderr
    assert into.read_text(encoding="utf-8") == "kept"


def test_ras_strings_refuses_a_language_it_does_not_have() -> None:
    done = ras("strings", "status", "fr")
    assert done.returncode == 2
    assert "argument lang: invalid choice: 'fr'" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("translation", "problem"),
    [
        (
            "{low yr wythnos",
            "the translation of '{low} a week' has a brace on its own: a placeholder is written {name}, "
            "and a brace as text {{ or }}",
        ),
        (
            "{low:x} yr wythnos",
            "the translation of '{low} a week' must use the same placeholders as the English ({low}); it uses {low:x}",
        ),
        (
            "{low!r} yr wythnos",
            "the translation of '{low} a week' must use the same placeholders as the English ({low}); it uses {low!r}",
        ),
    ],
)
def test_a_placeholder_the_core_cannot_fill_is_refused(translation: str, problem: str) -> None:
    text = export("cy").replace('msgstr "{low} yr wythnos"', f'msgstr "{translation}"', 1)
    with pytest.raises(CatalogueError) as raised:
        check(text, "cy.po", "cy")
    assert [p.message for p in raised.value.problems] == [problem]


def test_the_export_says_where_each_message_is_declared() -> None:
    assert "#: ras_core.estimate.words.phrases:" in export("cy")
    assert "importlib" not in export("cy")


def test_an_import_into_a_place_it_cannot_write_is_a_clear_problem(tmp_path: Path) -> None:
    exported = tmp_path / "cy.po"
    exported.write_text(export("cy"), encoding="utf-8")
    done = ras("strings", "import", exported, "--lang", "cy", "--into", tmp_path)  # a folder
    assert done.returncode == 1, done.stderr
    assert done.stderr.startswith(f"{tmp_path}: 1 problem found\n") and "Traceback" not in done.stderr


def test_ras_estimate_speaks_welsh_for_a_scheme_in_welsh_and_refuses_it_for_one_in_english_only() -> None:
    from conftest import ROOT
    from helpers import ras

    answers = ROOT / "content" / "answers" / "example-answers.json"
    welsh = ras("estimate", "--scheme", ROOT / "content" / "schemes" / "example.toml", answers, "--lang", "cy")
    assert welsh.returncode == 0, welsh.stderr
    assert welsh.stdout.splitlines()[0] == "Eich cyllideb ddangosol: £150 i £175 yr wythnos"
    assert "1. Gofal personol. Faint o help sydd ei angen arnoch i ymolchi a chadw'n lân?" in welsh.stdout
    english_only = ROOT / "tests" / "schemes" / "table.toml"
    refused = ras("estimate", "--scheme", english_only, answers, "--lang", "cy")
    assert refused.returncode == 1
    assert refused.stderr.splitlines()[1] == (
        f"{english_only}: scheme.languages: Mae'r cynllun 'table' wedi'i ysgrifennu yn Saesneg yn unig, felly ni "
        "ellir rhoi ei ganlyniad yn Gymraeg: nid oes cyfieithiad o'i gwestiynau a'i labeli (mae cynllun yn rhoi ei "
        'ieithoedd yn [scheme], fel languages = ["en", "cy"]).'
    )
