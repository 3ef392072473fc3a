"""Small typed getters that read plain dicts (from TOML or JSON) into Python values.

Each `Reader` wraps one table and knows its dotted path. Getters record a
`Problem` and return a placeholder instead of raising, so that a loader can walk
the whole input and report every problem together. `Reader.done()` reports keys
that were never asked for, which catches misspelt keys. Every problem is a `Said`
(its words are in `reader_words.py`): English as it is read, and said again in the
language it is shown in.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from typing import Any, TypeVar

from ..i18n import SOURCE, Message
from . import reader_words as w
from .errors import Problem
from .numbers import quote

T = TypeVar("T")


def describe(value: object) -> str:
    """Name a value's type in plain words, with the value where it is short (a `Said`)."""
    if isinstance(value, bool):
        return w.BOOLEAN.later(value=str(value).lower())
    if isinstance(value, int):
        return w.WHOLE.later(value=value)
    if isinstance(value, Decimal | float):
        # TOML may hold nan or inf; both are described, never used as figures.
        finite = value.is_finite() if isinstance(value, Decimal) else math.isfinite(value)
        return (w.NUMBER if finite else w.NOT_NUMBER).later(value=value)
    if isinstance(value, str):
        return w.TEXT.later(text=value if len(value) <= 40 else value[:37] + "...")
    if isinstance(value, datetime.date):
        return w.DATE.later(value=value.isoformat())
    if isinstance(value, list):
        return w.LIST.later()
    if isinstance(value, dict):
        return w.TABLE.later()
    if value is None:
        return w.NULL.later()
    return type(value).__name__


def _said(what: Message | str) -> str:
    """What a key must hold, as a `Said` (or as it is, when a caller gives plain words)."""
    return what.later() if isinstance(what, Message) else what


def join(path: str, key: str) -> str:
    if not key:
        return path
    return f"{path}.{key}" if path else key


# The languages a document may be written in besides English, with their names in
# English, and the suffix of a text's key in each: `text` in English, `text_cy` in Welsh.
# (Problems name a language by its message, `reader_words.LANGUAGE_NAMES`.)
OTHER_LANGUAGES = {"cy": "Welsh"}


def say(data: object, key: str, lang: str = SOURCE) -> str:
    """`data`'s text `key` (a rule's "text", a figure's "label") in `lang`: the
    translation its file gives (`Reader.translation`, kept as `key_cy`), else the English."""
    english: str = getattr(data, key)
    if lang == SOURCE:
        return english
    translated: str = getattr(data, f"{key}_{lang}", "")
    return translated or english


class Words:
    """What a document says in its other languages: for each language, each English text
    read with `Reader.words` and its translation, with the path it was read at."""

    def __init__(self, languages: tuple[str, ...] = ("en",), *, unreadable: bool = False) -> None:
        self.languages = languages
        # The document's languages could not be read (that is its own problem): its
        # translations are then neither required nor refused.
        self.unreadable = unreadable
        self.found: dict[str, dict[str, tuple[str, str]]] = {lang: {} for lang in languages[1:]}

    def named(self) -> str:
        return language_names(self.languages)


def language_names(languages: tuple[str, ...]) -> str:
    """ "English and Welsh" (a `Said`)."""
    if languages == ("en", "cy"):  # said whole: Welsh mutates the second name ("a Chymraeg")
        return w.ENGLISH_AND_WELSH.later()
    said: str = w.LANGUAGE_NAMES[languages[0]].later()
    for lang in languages[1:]:
        said = w.AND.later(first=said, second=w.LANGUAGE_NAMES[lang].later())
    return said


class Reader:
    """Reads one table at `path`, appending problems to a shared list. Texts a person
    reads are read with `words`, which in a document in more than one language also
    reads (and requires) each text's translation beside it (`Words`)."""

    def __init__(self, data: Mapping[str, Any], path: str, problems: list[Problem], words: Words | None = None) -> None:
        self.data = data
        self.path = path
        self.problems = problems
        self.words_in = words or Words()
        self._seen: set[str] = set()

    # -- reporting ---------------------------------------------------------

    def problem(self, key: str, message: str, *, names_its_place: bool = False) -> None:
        self.problems.append(Problem(path=join(self.path, key), message=message, names_its_place=names_its_place))

    def at(self, key: str) -> str:
        return join(self.path, key)

    def done(self) -> None:
        """Report every key in the table that no getter asked for."""
        allowed = sorted(self._seen)
        for key in self.data:
            if key not in self._seen:
                # A key from the file is cut short: it may be thousands of characters long.
                self.problem(quote(key, 60)[1:-1], w.UNKNOWN.later(allowed=", ".join(allowed)))

    # -- raw access --------------------------------------------------------

    def has(self, key: str) -> bool:
        self._seen.add(key)
        return key in self.data

    def _take(self, key: str, what: Message | str, required: bool) -> Any:
        self._seen.add(key)
        if key not in self.data:
            if required:
                self.problem(key, w.MISSING.later(what=_said(what)))
            return None
        return self.data[key]

    def _typed(
        self,
        key: str,
        what: Message | str,
        check: Callable[[Any], bool],
        default: T,
        required: bool,
    ) -> Any:
        value = self._take(key, what, required)
        if value is None:
            return default
        if not check(value):
            self.problem(key, w.EXPECTED.later(what=_said(what), got=describe(value)))
            return default
        return value

    # -- typed getters -----------------------------------------------------

    def text(self, key: str, *, required: bool = True, default: str = "") -> str:
        value: str = self._typed(key, w.EXPECT_TEXT, lambda v: isinstance(v, str), default, required)
        if required and key in self.data and isinstance(value, str) and not value.strip():
            self.problem(key, w.EMPTY.later())
        self._printable(key, value)
        return value

    def words(self, key: str, *, required: bool = True, default: str = "") -> str:
        """A text a person reads, and its translations (`Words`)."""
        value = self.text(key, required=required, default=default)
        self._translations(key, value if key in self.data else None)
        return value

    def optional_words(self, key: str) -> str | None:
        """An optional text a person reads, and its translations where it is given."""
        value = self.optional_text(key)
        self._translations(key, value)
        return value

    def _translations(self, key: str, english: str | None) -> None:
        words = self.words_in
        for lang in OTHER_LANGUAGES:
            name = w.LANGUAGE_NAMES[lang].later()
            sibling = f"{key}_{lang}"
            given = sibling in self.data
            if given or lang in words.languages:  # allowed here only in a document in that language
                self._seen.add(sibling)
            if words.unreadable:
                continue
            if lang not in words.languages:
                if given:
                    self.problem(sibling, w.ENGLISH_ONLY.later(name=name, lang=lang))
                continue
            if english is None or not english.strip():
                if given:
                    self.problem(sibling, w.WITHOUT_ENGLISH.later(name=name, key=key))
                continue
            if not given:
                said = w.NO_TRANSLATION.later(languages=words.named(), name=name, english=quote(english, 60))
                self.problem(sibling, said)
                continue
            translated = self.text(sibling)
            if not translated.strip():
                continue
            earlier = words.found[lang].get(english)
            if earlier is not None and earlier[0] != translated:
                self.problem(sibling, w.TWO_TRANSLATIONS.later(name=name, place=earlier[1]))
            else:
                words.found[lang].setdefault(english, (translated, self.at(sibling)))

    def translation(self, key: str, english: str | None) -> str:
        """The optional Welsh beside the text `key` (`key_cy`) in a data file whose
        translations may be left out (charging rules, plan figures), or "" where it gives
        none. A translation without its English is a problem."""
        translated = self.optional_text(f"{key}_cy") or ""
        if translated and not (english or "").strip():
            self.problem(f"{key}_cy", w.WITHOUT_ENGLISH.later(name=w.LANGUAGE_NAMES["cy"].later(), key=key))
            return ""
        if translated and not translated.strip():
            self.problem(f"{key}_cy", w.EMPTY.later())
        return translated

    def optional_text(self, key: str) -> str | None:
        value = self._take(key, w.EXPECT_TEXT, False)
        if value is None:
            return None
        if not isinstance(value, str):
            self.problem(key, w.EXPECTED.later(what=w.EXPECT_TEXT.later(), got=describe(value)))
            return None
        self._printable(key, value)
        return value

    def _printable(self, key: str, value: str) -> None:
        # Control characters are invisible on a page and act on a terminal (colours, cursor).
        found = next((c for c in value if _CONTROL.match(c)), None)
        if found is not None:
            self.problem(key, w.CONTROL.later(code=f"{ord(found):04X}"))

    def boolean(self, key: str, *, required: bool = True, default: bool = False) -> bool:
        value: bool = self._typed(key, w.EXPECT_BOOLEAN, lambda v: isinstance(v, bool), default, required)
        return value

    def whole(self, key: str, *, required: bool = True, default: int = 0) -> int:
        value: int = self._typed(
            key,
            w.EXPECT_WHOLE,
            lambda v: isinstance(v, int) and not isinstance(v, bool),
            default,
            required,
        )
        return value

    def number(self, key: str, *, required: bool = True, default: Decimal = Decimal(0)) -> Decimal:
        """A number written in TOML (whole or with decimals), as an exact Decimal."""
        value = self._typed(key, w.EXPECT_NUMBER, is_number, None, required)
        if value is None:
            return default
        return to_decimal(value)

    def date(self, key: str, *, required: bool = True) -> datetime.date | None:
        value = self._typed(
            key,
            w.EXPECT_DATE,
            lambda v: isinstance(v, datetime.date) and not isinstance(v, datetime.datetime),
            None,
            required,
        )
        return value  # type: ignore[no-any-return]

    def choice(self, key: str, allowed: tuple[str, ...], *, required: bool = True) -> str:
        value = self.text(key, required=required, default=allowed[0])
        if value not in allowed:
            quoted = ", ".join(f'"{a}"' for a in allowed)
            self.problem(key, w.ONE_OF.later(allowed=quoted, value=value))
            return allowed[0]
        return value

    def text_list(self, key: str, *, required: bool = True) -> list[str]:
        value = self._typed(key, w.EXPECT_TEXT_LIST, lambda v: isinstance(v, list), [], required)
        out: list[str] = []
        for i, item in enumerate(value):
            if isinstance(item, str):
                out.append(item)
            else:
                said = w.EXPECTED.later(what=w.EXPECT_TEXT.later(), got=describe(item))
                self.problems.append(Problem(path=f"{self.at(key)}[{i}]", message=said))
        return out

    def number_list(self, key: str, *, required: bool = True) -> list[Decimal]:
        value = self._typed(key, w.EXPECT_NUMBER_LIST, lambda v: isinstance(v, list), [], required)
        out: list[Decimal] = []
        for i, item in enumerate(value):
            if is_number(item):
                out.append(to_decimal(item))
            else:
                said = w.EXPECTED.later(what=w.EXPECT_NUMBER.later(), got=describe(item))
                self.problems.append(Problem(path=f"{self.at(key)}[{i}]", message=said))
        return out

    def table(self, key: str, *, required: bool = True) -> Reader | None:
        value = self._typed(key, w.EXPECT_TABLE, lambda v: isinstance(v, dict), None, required)
        if value is None:
            return None
        return Reader(value, self.at(key), self.problems, self.words_in)

    def tables(self, key: str, *, required: bool = True) -> Iterator[Reader]:
        """Each table in a list of tables (TOML's [[key]])."""
        value = self._typed(key, w.EXPECT_TABLES, lambda v: isinstance(v, list), [], required)
        if required and key in self.data and isinstance(value, list) and not value:
            self.problem(key, w.AT_LEAST_ONE.later())
        for i, item in enumerate(value):
            path = f"{self.at(key)}[{i}]"
            if isinstance(item, dict):
                yield Reader(item, path, self.problems, self.words_in)
            else:
                said = w.EXPECTED.later(what=w.EXPECT_TABLE.later(), got=describe(item))
                self.problems.append(Problem(path=path, message=said))

    def named_tables(self, key: str) -> Iterator[tuple[str, Reader]]:
        """Each entry of a table whose values are tables, keyed by name."""
        value = self._typed(key, w.EXPECT_TABLE, lambda v: isinstance(v, dict), {}, False)
        for name, item in value.items():
            path = self.at(f"{key}.{name}")
            if isinstance(item, dict):
                yield name, Reader(item, path, self.problems, self.words_in)
            else:
                said = w.EXPECTED.later(what=w.EXPECT_TABLE.later(), got=describe(item))
                self.problems.append(Problem(path=path, message=said))


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def is_number(value: object) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    return isinstance(value, Decimal) and value.is_finite()


def to_decimal(value: int | Decimal) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(value)
