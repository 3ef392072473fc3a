"""The site's own words (its templates and scripts), in each language, from site/locale/.

Every interface string in OpenRAS's theme templates (site/theme/) is written
`t("...")`, or `tn("...", "...", n=...)` where its words depend on a number, and in its
scripts (site/assets/openras/) `t("...")` (strings.js), or `N_("...")` where the script
only names a message that the page says later (the worker's). Placeholders are
`{name}`, as in the core's messages, so a translation is checked the same way
(`ras_core.i18n.strings`, through `SITE`); a string with HTML must keep the English's
tags, in the same order. Babel finds the strings at build time (`messages`), so the list
is never kept by hand; the translations are PO files in site/locale/ (`cy.po`), read
with the core's own PO reader. A string without a translation is shown in English, and
the build says how many there are (`status`). The build hands the templates `t` and
`tn` for the page's language (`Words`), and each page in a language other than English
carries the translations its scripts use (`script_words`).
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from ras_core.i18n import SOURCE, Message, check_language, plural_rule
from ras_core.i18n.po import Catalogue, Entry, read_po
from ras_core.i18n.strings import Domain

SITE = Path(__file__).resolve().parent
LOCALE = SITE / "locale"
# Where Babel looks, and how it reads each kind of file. t() and N_() take one string,
# tn() a singular and a plural.
METHODS = [
    ("theme/**.html", "jinja2.ext:babel_extract"),
    ("assets/openras/**.js", "javascript"),
    ("hooks.py", "python"),
]
KEYWORDS = {"t": None, "tn": (1, 2), "N_": None}
SCRIPTS = "assets/openras/"
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def catalogue_path(lang: str) -> Path:
    return LOCALE / f"{check_language(lang)}.po"


@cache
def catalogue(lang: str) -> Catalogue:
    path = catalogue_path(lang)
    return read_po(path.read_text(encoding="utf-8-sig"), str(path.relative_to(SITE.parent)))


@cache
def _extracted() -> tuple[tuple[Message, bool], ...]:
    """Each string the templates and scripts use, once, in the order Babel finds them,
    with whether a script uses it."""
    from babel.messages.extract import extract_from_dir  # the site's build needs Babel; the core never does

    found: dict[tuple[str | None, str], tuple[Message, bool]] = {}
    for filename, line, text, comments, context in extract_from_dir(
        str(SITE), METHODS, keywords=KEYWORDS, comment_tags=("Translators:",), strip_comment_tags=True
    ):
        singular, plural = (text, None) if isinstance(text, str) else (text[0], text[1])
        place = f"site/{filename}:{line}"
        in_script = filename.startswith(SCRIPTS)
        note = " ".join(comments)
        key = (context, singular)
        if key in found:
            earlier, scripted = found[key]
            found[key] = (earlier, scripted or in_script)
            continue
        made = Message(msgid=singular, plural=plural, context=context, note=note, place=place)
        found[key] = (made, in_script)
    return tuple(found.values())


def messages() -> list[Message]:
    """Every string of the site's templates and scripts."""
    return [made for made, _ in _extracted()]


def tags(text: str) -> list[str]:
    """The HTML tags of a text, in order, as a translation must keep them."""
    return _TAG.findall(text)


def _same_tags(made: Message, translated: str) -> str | None:
    wanted = tags(made.msgid)
    if tags(translated) == wanted:
        return None
    shown = " ".join(wanted) or "none"
    return f"the translation of {made.msgid!r} must keep the English's HTML tags, in the same order ({shown})"


SITE_STRINGS = Domain(messages=messages, catalogue=catalogue, path=catalogue_path, also_check=_same_tags)


@dataclass(frozen=True, slots=True)
class Words:
    """The site's words in one language, for the templates: `t` and `tn` give a string
    with HTML as markup (the string is the site's or its translator's, its tags checked;
    each value is escaped), and one without as text."""

    lang: str

    def _entry(self, msgid: str) -> Entry | None:
        if self.lang == SOURCE:
            return None
        entry = catalogue(self.lang).find(msgid)
        return entry if entry is not None and entry.translated else None

    def t(self, msgid: str, **values: Any) -> Markup | str:
        entry = self._entry(msgid)
        return _filled(entry.strings[0] if entry else msgid, values)

    def tn(self, singular: str, plural: str, *, n: int, **values: Any) -> Markup | str:
        entry = self._entry(singular)
        if entry is None:
            return _filled(singular if n == 1 else plural, {"n": n, **values})
        return _filled(entry.strings[plural_rule(catalogue(self.lang).header)[1](n)], {"n": n, **values})


def _filled(text: str, values: dict[str, Any]) -> Markup | str:
    """A string with HTML is markup, its values escaped; one without is text, escaped
    where it is used like any other (so it is safe in an attribute too)."""
    if not tags(text):
        return text.format(**values)
    return Markup(text.format(**{name: escape(value) for name, value in values.items()}))


# The plural forms a page's scripts are given: one for each n up to here, the last for
# every larger n too (strings.js), which `script_words` checks the language's rule says.
PLURAL_SHOWN = 21


@cache
def script_words(lang: str) -> dict[str, Any]:
    """What a page's scripts need to speak `lang` (strings.js): the translation of each
    string they use, and the language's plural form for 0, 1, 2 ... (the last holding
    for every larger number)."""
    if lang == SOURCE:
        return {}
    words: dict[str, str | list[str]] = {}
    for made, in_script in _extracted():
        entry = catalogue(lang).find(made.msgid) if in_script else None
        if entry is not None and entry.translated:
            words[made.msgid] = entry.strings[0] if made.plural is None else list(entry.strings)
    rule = plural_rule(catalogue(lang).header)[1]
    forms = [rule(n) for n in range(PLURAL_SHOWN)]
    if any(rule(n) != forms[-1] for n in range(PLURAL_SHOWN, 10_000)):
        raise ValueError(f"{lang}: the plural rule changes after {PLURAL_SHOWN - 1}, which strings.js cannot show")
    return {"words": words, "plural": forms}


def main(argv: list[str] | None = None) -> int:
    """`python site/site_strings.py export|import|status cy`: the site's strings for
    translators, as `ras strings` does for the core's."""
    from ras_core.i18n.command import add_actions
    from ras_core.scheme.errors import InputError

    parser = argparse.ArgumentParser(
        prog="site/site_strings.py",
        description="The words of the site's templates and scripts, to and from translators' PO files "
        "(site/locale/), as `ras strings` does for the sentences the core writes. 'export' writes one "
        "language's PO file; 'import' checks a translated file (every string known, the same {placeholders} "
        "and HTML tags as the English, the language's plural forms) and only then writes it; 'status' counts "
        "what is signed off, what is a draft (PO's fuzzy flag) and what is not translated.",
    )
    add_actions(parser, SITE_STRINGS, "site/locale/LANG.po")
    args = parser.parse_args(argv)
    try:
        code: int = args.run(args)
    except InputError as error:
        print(error.report(), file=sys.stderr)
        return 1
    return code


def status(lang: str) -> tuple[int, int, int]:
    """(signed off, drafts, not translated) of the site's strings in `lang`."""
    signed = drafts = missing = 0
    for made in messages():
        entry = catalogue(lang).find(made.msgid, made.context)
        if entry is None or not entry.translated:
            missing += 1
        elif entry.draft:
            drafts += 1
        else:
            signed += 1
    return signed, drafts, missing


if __name__ == "__main__":
    sys.path.insert(0, str(SITE.parent / "py"))
    sys.exit(main())
