"""The sentences the core writes, in each language it speaks, from message catalogues.

Every sentence a person reads is a message: the figures' words (bands, years, hours,
points: `estimate/words/phrases.py`), dates, a result (`estimate/words/`), what a person
might pay (`contribution/`), a costed plan (`plan/words/`), the published method
(`explain*.py`), the council tools' calibration report, and every problem found in a
file (a scheme, answers, a plan, charging rules, plan figures, cases, the calibration
options) with a scheme's warnings. A sentence is declared once, in
English, where it is used: `message("{low} a week")`, or
`plural_message("{n} point", "{n} points")` where its words depend on a number. The
English is the message's id, as in gettext; each other language's words are in its
catalogue, a PO file inside the package (`locale/cy.po` for Welsh), read with the
standard library (`po.py`), so the browser's Python needs nothing more. A catalogue's
`Plural-Forms` header is its language's plural rule (`plural.py`; Welsh has six forms,
CLDR's zero, one, two, few, many and other, for 0, 1, 2, 3, 6 and the rest). A message
without a translation is said in English, and `ras strings status` counts it; a draft
(gettext's `fuzzy` flag: not yet signed off by the council's translation service) is
used, and counted as a draft. `strings.py` moves messages to and from PO files for
translators. The language is always passed in (`say(lang, ...)`), never kept: nothing
here remembers who asked. A sentence made before anyone asks for a language (a problem
found while reading a file, a warning) is a `Said`: its English, which is what it is as
a `str`, and the message and values to say it again in any language.
"""

from __future__ import annotations

import datetime
import string
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from .plural import plural_forms

if TYPE_CHECKING:
    from .po import Catalogue, Entry

SOURCE = "en"
# The languages the core speaks, by their codes (BCP 47, as in a page's lang), with
# their own names for themselves.
LANGUAGES = {"en": "English", "cy": "Cymraeg"}

__all__ = [
    "LANGUAGES",
    "SOURCE",
    "Message",
    "Said",
    "Translated",
    "check_language",
    "date_words",
    "message",
    "placeholders",
    "plural_message",
    "registered",
    "said_in",
]


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        allowed = ", ".join(f"{code} ({name})" for code, name in LANGUAGES.items())
        raise ValueError(f"unknown language {lang!r}: expected one of {allowed}")
    return lang


def placeholders(text: str) -> frozenset[str]:
    """The names in a message's {braces}: a translation must use the same ones."""
    return frozenset(name for name, _, _ in fields(text))


def fields(text: str) -> frozenset[tuple[str, str, str]]:
    """Each {placeholder} of a text as (name, format, conversion); ValueError for a brace
    on its own."""
    return frozenset(
        (name, spec or "", conversion or "")
        for _, name, spec, conversion in string.Formatter().parse(text)
        if name is not None
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Message:
    """One sentence or phrase, in English, with what a translator needs to know."""

    msgid: str
    plural: str | None = None
    context: str | None = None
    note: str = ""
    place: str = ""  # the module and line that declared it, for translators' tools

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.context, self.msgid)

    def say(self, lang: str, /, **values: Any) -> str:
        """The message in `lang`, its placeholders filled; a plural message takes its
        form from `n`. A value that is a `Said` is said in `lang` too."""
        values = _in(values, lang)
        translated = _translations(check_language(lang)).get(self.key) if lang != SOURCE else None
        if self.plural is None:
            return (translated.strings[0] if translated else self.msgid).format(**values)
        n = values["n"]
        if translated:
            return translated.strings[_plural_rule(lang)(n)].format(**values)
        return (self.msgid if n == 1 else self.plural).format(**values)

    def later(self, **values: Any) -> Said:
        """The message with its values, to be said in a language chosen later."""
        return Said(self, **values)


class Said(str):
    """A message with its values: as a `str`, its English (so it reads, compares and
    prints as before); `say(lang)` gives it in another language. A value that is itself
    a `Said` is said in the same language."""

    message: Message
    values: dict[str, Any]

    def __new__(cls, said: Message, /, **values: Any) -> Said:
        made = super().__new__(cls, said.say(SOURCE, **_in(values, SOURCE)))
        made.message, made.values = said, values
        return made

    def say(self, lang: str = SOURCE) -> str:
        return self.message.say(lang, **_in(self.values, lang))

    def __reduce__(self) -> tuple[Any, ...]:
        # Copied or pickled whole, not as its English alone.
        return (_said_again, (self.message, self.values))


class Translated(str):
    """A text from a data file (a scheme's label, a nation's name) with its translations:
    as a `str`, its English; `say(lang)` in another language, or the English where the
    file gives none. A value of a `Said`, so a problem can name it in either."""

    translations: dict[str, str]

    def __new__(cls, english: str, translations: dict[str, str]) -> Translated:
        made = super().__new__(cls, english)
        made.translations = translations
        return made

    def say(self, lang: str = SOURCE) -> str:
        return self.translations.get(lang) or str(self)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Translated, (str(self), self.translations))


def _said_again(said: Message, values: dict[str, Any]) -> Said:
    return Said(said, **values)


def _in(values: dict[str, Any], lang: str) -> dict[str, Any]:
    return {
        key: said_in(value, lang) if isinstance(value, Said | Translated) else value for key, value in values.items()
    }


def said_in(text: str, lang: str = SOURCE) -> str:
    """A text in `lang`: a `Said` (or `Translated`) said again in it; any other text as it is."""
    return text.say(lang) if isinstance(text, Said | Translated) else str(text)


_REGISTERED: dict[tuple[str | None, str], Message] = {}


def _declare(made: Message, stacklevel: int) -> Message:
    frame = sys._getframe(stacklevel)  # 0 is this function, 1 message(), 2 its caller
    place = f"{frame.f_globals.get('__name__', '?')}:{frame.f_lineno}"
    made = Message(msgid=made.msgid, plural=made.plural, context=made.context, note=made.note, place=place)
    earlier = _REGISTERED.get(made.key)
    if earlier is not None and earlier.plural != made.plural:
        raise ValueError(f"{made.msgid!r} is declared twice, with different plurals")
    _REGISTERED.setdefault(made.key, made)
    return made


def message(msgid: str, *, context: str | None = None, note: str = "", stacklevel: int = 1) -> Message:
    """Declare a message (at a module's top level, so that it can be exported);
    `stacklevel` 2 names the caller's caller as where it is declared."""
    return _declare(Message(msgid=msgid, context=context, note=note), stacklevel + 1)


def plural_message(
    singular: str, plural: str, *, context: str | None = None, note: str = "", stacklevel: int = 1
) -> Message:
    """Declare a message whose words depend on the number `n`."""
    if "n" not in placeholders(singular) | placeholders(plural):
        raise ValueError(f"a plural message needs {{n}}: {singular!r}")
    return _declare(Message(msgid=singular, plural=plural, context=context, note=note), stacklevel + 1)


def registered() -> list[Message]:
    """Every message declared so far (import the modules first: strings.py does)."""
    return list(_REGISTERED.values())


def catalogue_text(lang: str) -> str:
    """The packaged catalogue of `lang` as PO text."""
    return (resources.files(__package__) / "locale" / f"{check_language(lang)}.po").read_text(encoding="utf-8")


@cache
def packaged(lang: str) -> Catalogue:
    from .po import read_po  # only when a language other than English is spoken

    return read_po(catalogue_text(lang), f"ras_core/i18n/locale/{lang}.po")


@cache
def _translations(lang: str) -> dict[tuple[str | None, str], Entry]:
    return {entry.key: entry for entry in packaged(lang).entries if entry.translated}


def plural_rule(header: dict[str, str]) -> tuple[int, Callable[[int], int]]:
    """(number of forms, the form for n) from a catalogue's header (`plural.py`)."""
    return plural_forms(header.get("Plural-Forms", ""))


@cache
def _plural_rule(lang: str) -> Callable[[int], int]:
    return plural_rule(packaged(lang).header)[1]


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTHS = tuple(message(month, context="month") for month in MONTHS)
_DATE = message("{day} {month} {year}", note="A date: 3 December 2026.")


def date_words(day: datetime.date, lang: str = SOURCE) -> str:
    """ "3 December 2026", "3 Rhagfyr 2026"."""
    return _DATE.say(lang, day=day.day, month=_MONTHS[day.month - 1].say(lang), year=day.year)
