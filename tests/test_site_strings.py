"""The site's own words (site/site_strings.py): found by Babel in the templates and
scripts, translated in site/locale/, checked like the core's, and each page's language
taken from its path (site/hooks.py)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from markupsafe import Markup

from conftest import ROOT
from ras_core.i18n import strings

sys.path.insert(0, str(ROOT / "site"))
import hooks
import site_strings

SITE_STRINGS = ROOT / "site" / "site_strings.py"


def test_babel_finds_the_templates_strings_with_where_they_are() -> None:
    found = {made.msgid: made for made in site_strings.messages()}
    assert found["Skip to content"].place.startswith("site/theme/main.html:")
    assert found["Last reviewed: {day}."].place.startswith("site/theme/partials/reviewed.html:")
    assert found["Source: [{title}]({url}), {when}."].place.startswith("site/hooks.py:")


def test_the_welsh_catalogue_has_every_site_string_and_nothing_else() -> None:
    wanted = {made.key for made in site_strings.messages()}
    have = {entry.key for entry in site_strings.catalogue("cy").entries}
    assert have == wanted
    assert all(entry.translated for entry in site_strings.catalogue("cy").entries)


def test_the_shipped_welsh_catalogue_passes_the_import_checks() -> None:
    path = site_strings.catalogue_path("cy")
    strings.check(path.read_text(encoding="utf-8"), str(path), "cy", site_strings.SITE_STRINGS)


def test_a_translation_that_loses_or_moves_a_tag_is_refused(tmp_path: Path) -> None:
    text = strings.export("cy", site_strings.SITE_STRINGS).replace(
        'msgstr "<strong>Ffigurau enghreifftiol.</strong> ', 'msgstr "Ffigurau enghreifftiol. '
    )
    broken = tmp_path / "cy.po"
    broken.write_text(text, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(SITE_STRINGS), "import", str(broken), "--lang", "cy", "--into", str(tmp_path / "out.po")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "must keep the English's HTML tags, in the same order (<strong> </strong>)" in done.stderr
    assert not (tmp_path / "out.po").exists()


def test_an_exported_file_imports_back_to_the_same_catalogue(tmp_path: Path) -> None:
    exported = tmp_path / "cy.po"
    into = tmp_path / "site-cy.po"
    run = [sys.executable, str(SITE_STRINGS)]
    subprocess.run([*run, "export", "cy", "--out", str(exported)], check=True, capture_output=True)
    done = subprocess.run(
        [*run, "import", str(exported), "--lang", "cy", "--into", str(into)], check=True, capture_output=True, text=True
    )
    assert "drafts not yet signed off, 0 not translated" in done.stdout
    assert into.read_text(encoding="utf-8") == site_strings.catalogue_path("cy").read_text(encoding="utf-8")


def test_the_templates_words_in_welsh_escape_values_but_keep_the_strings_own_markup() -> None:
    welsh = site_strings.Words("cy")
    # Without HTML, a string is text, escaped where it is used, like any value.
    assert welsh.t("Last reviewed: {day}.", day="<b>3</b>") == "Adolygwyd ddiwethaf: <b>3</b>."
    assert not isinstance(welsh.t("Last reviewed: {day}.", day="3"), Markup)
    example = welsh.t(
        "<strong>Example figures.</strong> This site uses an example scheme to show how the estimate works. "
        "The figures are not any council's."
    )
    assert isinstance(example, Markup) and example.startswith("<strong>Ffigurau enghreifftiol.</strong>")
    assert str(welsh.t("Skip to content")) == "Neidio i'r cynnwys"
    assert site_strings.Words("en").t("Skip to content") == "Skip to content"


@pytest.mark.parametrize(
    ("src", "lang", "other"),
    [
        ("index.md", "en", "cy/index.md"),
        ("assessment.md", "en", "cy/assessment.md"),
        ("carers-example/method.md", "en", "cy/carers-example/method.md"),
        ("cy/index.md", "cy", "index.md"),
        ("cy.md", "en", "cy/cy.md"),
    ],
)
def test_a_pages_language_and_counterpart_come_from_its_path(src: str, lang: str, other: str) -> None:
    assert hooks.page_language(src) == lang
    assert hooks.counterpart(src) == other


def test_a_welsh_citation_says_source_and_the_date_in_welsh() -> None:
    fact = {"source": {"title": "Care Act 2014", "url": "https://example.org/a"}, "start": "2015-04-01"}
    assert hooks.cite(fact, "cy") == "Ffynhonnell: [Care Act 2014](https://example.org/a), o 1 Ebrill 2015."
    assert hooks.cite(fact) == "Source: [Care Act 2014](https://example.org/a), from 1 April 2015."


def test_babel_finds_every_string_call_in_the_scripts() -> None:
    """Babel's JavaScript reader skips a call it cannot read (one inside a template
    literal's ${...}, for one): every t(", tn(" and N_(" in a script must be found."""
    from babel.messages.extract import extract_from_file

    scripts = sorted((ROOT / "site" / "assets" / "openras").rglob("*.js"))
    missed = {}
    for script in scripts:
        code = re.sub(r"^\s*//.*$", "", script.read_text(encoding="utf-8"), flags=re.M)  # not the comments
        written = len(re.findall(r"\b(?:t|tn|N_)\(\s*\"", code))
        found = len(list(extract_from_file("javascript", str(script), keywords=site_strings.KEYWORDS)))
        if written != found:
            missed[script.name] = (written, found)
    assert missed == {}
