"""How an answers file is read, its problems said in the person's language.

`json_data` reads the file's text as strict JSON: no larger than `MAX_ANSWERS_BYTES`,
no NaN or Infinity, no number longer than `MAX_DIGITS` digits, no key twice, not nested
deeper than Python can follow; each refusal is one problem. `AnswersReader` is a
`Reader` (`_reader.py`) whose problems are messages (`ras_core.i18n`): a missing or
mistyped text, table or true-or-false, an empty text, control characters, unknown keys.
`described` names a JSON value in plain words in any language (`describe`, said in it).
The English of each is what `Reader` and `describe` write, word for word, and the words
they share are `reader_words.py`'s, so an answers file's problems read as a scheme
file's do. A file that is not JSON is told so with the JSON reader's own words, in
English; `said.py` says the problems in the person's language.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from ..files import BOM
from ..i18n import SOURCE, Message, message, said_in
from . import reader_words as w
from ._reader import _CONTROL, Reader, describe
from .errors import AnswersError, Problem
from .numbers import quote

# Answer files are small; anything much larger is not an answers file.
MAX_ANSWERS_BYTES = 200_000
# An answers file holds no numbers at all; a long one is refused before Python
# tries to convert it (and gives its own message about integer string limits).
MAX_DIGITS = 30

_TOO_LARGE = message("is too large for an answers file (more than {size} KB)", context="problem")
_NOT_JSON = message(
    "line {line}, column {column}: not valid JSON: {why}",
    context="problem",
    note="{why} is the JSON reader's own words, in English.",
)
_TOO_DEEP = message("is nested too deeply to be an answers file", context="problem")
_TOO_LONG = message("has a number more than {digits} digits long, which no answers file has", context="problem")

_MISSING_TEXT = message("missing; expected text", context="problem")
_MISSING_TABLE = message("missing; expected a table", context="problem")
_MISSING_BOOLEAN = message("missing; expected true or false", context="problem")
_NOT_TEXT = message("expected text, got {got}", context="problem", note="{got} is a value, described: a list.")
_NOT_TABLE = message("expected a table, got {got}", context="problem", note="A table is a JSON object.")
_NOT_BOOLEAN = message("expected true or false, got {got}", context="problem", note="true and false are JSON's own.")


class _Refused(ValueError):
    """A part of the JSON text refused while it is read: the problem, to be said."""

    def __init__(self, said: Message, **values: Any) -> None:
        self.said = said
        self.values = values
        super().__init__(said.msgid)


def json_data(text: str, source: str, lang: str = SOURCE) -> Any:
    """The JSON an answers file's text holds; `AnswersError` (in `lang`) when it is not
    strict JSON of an answers file's size."""
    text = text.removeprefix(BOM)  # as the browser does when it reads a file
    if len(text.encode("utf-8", "surrogatepass")) > MAX_ANSWERS_BYTES:
        refused = Problem(path="", message=_TOO_LARGE.say(lang, size=MAX_ANSWERS_BYTES // 1000))
        raise AnswersError(source, [refused])
    try:
        return json.loads(
            text,
            parse_constant=_reject_constant,
            parse_int=_whole,
            parse_float=_decimal,
            object_pairs_hook=_no_duplicates,
        )
    except json.JSONDecodeError as error:
        said = _NOT_JSON.say(lang, line=error.lineno, column=error.colno, why=error.msg)
    except _Refused as error:
        said = error.said.say(lang, **error.values)
    except RecursionError:
        said = _TOO_DEEP.say(lang)
    raise AnswersError(source, [Problem(path="", message=said)]) from None


def _reject_constant(name: str) -> Any:
    raise _Refused(w.CONSTANT, name=name)


def _long(text: str) -> None:
    if len(text) > MAX_DIGITS:
        raise _Refused(_TOO_LONG, digits=MAX_DIGITS)


def _whole(text: str) -> int:
    _long(text)
    return int(text)


def _decimal(text: str) -> Decimal:
    _long(text)
    return Decimal(text)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _Refused(w.KEY_TWICE, key=quote(key))
        out[key] = value
    return out


def described(value: object, lang: str = SOURCE) -> str:
    """A value from an answers file in plain words, in `lang`."""
    return said_in(describe(value), lang)


class AnswersReader(Reader):
    """A `Reader` of an answers file's table at `path`, saying its problems in `lang`."""

    def __init__(self, data: Mapping[str, Any], path: str, problems: list[Problem], lang: str = SOURCE) -> None:
        super().__init__(data, path, problems)
        self.lang = lang

    def say(self, key: str, said: Message, *, names_its_place: bool = False, **values: Any) -> None:
        """A problem at `key`, in this reader's language."""
        self.problem(key, said.say(self.lang, **values), names_its_place=names_its_place)

    def _get(self, key: str, required: bool, missing: Message, wrong: Message, check: Callable[[Any], bool]) -> Any:
        # As Reader._typed: null is taken as no value, a value of the wrong type as none.
        self._seen.add(key)
        if key not in self.data:
            if required:
                self.say(key, missing)
            return None
        value = self.data[key]
        if value is not None and not check(value):
            self.say(key, wrong, got=described(value, self.lang))
            return None
        return value

    def text(self, key: str, *, required: bool = True, default: str = "") -> str:
        value = self._get(key, required, _MISSING_TEXT, _NOT_TEXT, lambda v: isinstance(v, str))
        if value is None:
            value = default
        if required and key in self.data and not value.strip():
            self.say(key, w.EMPTY)
        found = next((c for c in value if _CONTROL.match(c)), None)
        if found is not None:
            self.say(key, w.CONTROL, code=f"{ord(found):04X}")
        return str(value)

    def boolean(self, key: str, *, required: bool = True, default: bool = False) -> bool:
        value = self._get(key, required, _MISSING_BOOLEAN, _NOT_BOOLEAN, lambda v: isinstance(v, bool))
        return default if value is None else bool(value)

    def table(self, key: str, *, required: bool = True) -> AnswersReader | None:
        value = self._get(key, required, _MISSING_TABLE, _NOT_TABLE, lambda v: isinstance(v, dict))
        return None if value is None else AnswersReader(value, self.at(key), self.problems, self.lang)

    def done(self) -> None:
        """Report every key in the table that no getter asked for."""
        allowed = ", ".join(sorted(self._seen))
        for key in self.data:
            if key not in self._seen:
                # A key from the file is cut short: it may be thousands of characters long.
                self.say(quote(key, 60)[1:-1], w.UNKNOWN, allowed=allowed)
