"""The scheme's TOML with a new rate and version, and everything else as it was.

The council's file is rewritten statement by statement (comments, order and layout
kept), changing only `[scheme] version` and `[allocation.rate_per_point]` value (with
every decimal place it has: 4 at most, see `calibrate.RATE_PLACES`) and description,
which says how the rate was worked out and rounded; the new text is read back with the
scheme loader and compared with the scheme it came from, so a file is only offered if it loads and differs in exactly
these figures. Text written into the file is escaped as a TOML string.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import replace

from ..i18n import SOURCE, message
from ..scheme import money
from ..scheme.errors import SchemeError
from ..scheme.load import scheme_from_toml
from ..scheme.model import Translations
from .calibrate import ROUNDED, Calibration, rate_text
from .cases import CasesError

_DIGITS = re.compile(r"[0-9]{1,9}")


def next_version(version: str) -> str:
    """ "2026.1" -> "2026.2"; a version not ending in a number gets ".1"."""
    head, _, last = version.rpartition(".")
    if _DIGITS.fullmatch(last):
        return f"{head}.{int(last) + 1}" if head else str(int(last) + 1)
    return f"{version}.1"


def toml_string(text: str) -> str:
    """Text as a TOML basic string: quotes, backslashes and control characters escaped."""
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def _key_path(data: object) -> tuple[str, ...]:
    """The key path a one-statement TOML snippet sets (a table header, or `a.b = value`)."""
    path: list[str] = []
    while True:
        if isinstance(data, list) and data:
            data = data[-1]
        elif isinstance(data, dict) and len(data) == 1:
            key, data = next(iter(data.items()))
            path.append(key)
        else:
            return tuple(path)


def _statements(source: str) -> Iterator[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """The TOML text statement by statement, each with the full key path it sets and the
    table it is in.

    A value written over several lines (a multi-line string or array) is one statement,
    found as the shortest run of lines that reads as TOML on its own, so text inside a
    string is never taken for a key or a table header. Comments and blank lines have
    the path ().
    """
    lines = source.splitlines(keepends=True)
    table: tuple[str, ...] = ()
    i = 0
    while i < len(lines):
        first = lines[i].strip()
        if not first or first.startswith("#"):
            yield lines[i], (), table
            i += 1
            continue
        end, data = len(lines), None
        for j in range(i + 1, len(lines) + 1):
            last = lines[j - 1]
            if j > i + 1 and not any(mark in last for mark in ("]", "}", '"', "'")):
                continue  # a statement can only end on a line that closes something
            try:
                data = tomllib.loads("".join(lines[i:j]))
            except tomllib.TOMLDecodeError:
                continue
            end = j
            break
        text = "".join(lines[i:end])
        if first.startswith("["):
            table = _key_path(data)
            yield text, (), table
        else:
            yield text, table + _key_path(data), table
        i = end


def _assign(path: tuple[str, ...], table: tuple[str, ...], value: str) -> str:
    """`key = value` setting `path` from inside `table`."""
    key = ".".join(part if _BARE_KEY.fullmatch(part) else toml_string(part) for part in path[len(table) :])
    return f"{key} = {value}\n"


_DESCRIPTION = message(
    "What one point is worth each week: {how}{less}, divided by the {points} points of {cases} cases, {rounded}.",
    note="A recalibrated scheme's description of its rate per point.",
)
_HOW_TARGET = message("{amount}, the target total weekly budget")
_HOW_COST = message("{amount}, the total current weekly cost of {cases} cases")
_LESS = message(", less the base amount of {base} for each case ({all} in all)")


def rate_description(result: Calibration, lang: str) -> str:
    """How the new rate was worked out, as the scheme's description of it, in `lang`."""
    cases = len(result.cases.cases)
    if result.target_total is not None:
        how = _HOW_TARGET.say(lang, amount=money.pounds_exact(result.target_total))
    else:
        how = _HOW_COST.say(lang, amount=money.pounds_exact(result.total_cost), cases=f"{cases:,}")
    less = ""
    if result.base:
        less = _LESS.say(lang, base=money.pounds_exact(result.base), all=money.pounds_exact(cases * result.base))
    return _DESCRIPTION.say(
        lang,
        how=how,
        less=less,
        points=f"{result.total_points:,}",
        cases=f"{cases:,}",
        rounded=ROUNDED.say(lang),
    )


def recalibrated_toml(source: str, result: Calibration, version: str) -> str:
    """The scheme's TOML with the new rate and version; everything else as it was.

    The new text is read back with the scheme loader and compared with the scheme it
    came from, so a file is only offered if it loads and differs in exactly these three
    figures (the rate's description in each of the scheme's languages).
    """
    source = source.removeprefix("\ufeff")
    description = rate_description(result, SOURCE)
    rate_table = ("allocation", "rate_per_point")
    changes: dict[tuple[str, ...], str] = {
        ("scheme", "version"): toml_string(version),
        (*rate_table, "value"): rate_text(result.rate_used),
        (*rate_table, "description"): toml_string(description),
        # A scheme in more than one language says the new rate in each.
        **{
            (*rate_table, f"description_{lang}"): toml_string(rate_description(result, lang))
            for lang in result.scheme.languages
            if lang != SOURCE
        },
    }
    out = []
    done: set[tuple[str, ...]] = set()
    for text, path, table in _statements(source):
        if path in changes:
            text = _assign(path, table, changes[path])
            done.add(path)
        out.append(text)
    if len(done) < len(changes):
        raise CasesError(
            "The scheme file has no " + ", ".join(".".join(p) for p in changes if p not in done) + " to change: "
            "calibration needs a rate scheme ([allocation.rate_per_point] with a value and a description)."
        )
    new_text = "".join(out)
    _check_reads_back(new_text, result, version, description)
    return new_text


def _check_reads_back(text: str, result: Calibration, version: str, description: str) -> None:
    old = result.scheme
    rate = old.allocation.rate_per_point
    assert rate is not None  # a rate scheme: recalibrated_toml found its rate
    translations = tuple(
        (lang, description, rate_description(result, lang)) if english == rate.description else (lang, english, text)
        for lang, english, text in old.translations.entries
    )
    expected = replace(
        old,
        version=version,
        translations=Translations(entries=translations),
        allocation=replace(
            old.allocation, rate_per_point=replace(rate, value=result.rate_used, description=description)
        ),
    )
    try:
        new = scheme_from_toml(text, source="the new scheme")
    except SchemeError as error:
        raise CasesError(
            "The new scheme file would not be a valid scheme, so it was not made: "
            + "; ".join(str(p) for p in error.problems[:5])
            + "."
        ) from None
    if new != expected:
        raise CasesError(
            "The new rate could not be written into a copy of this scheme file without changing "
            "something else, so it was not made. Change [allocation.rate_per_point] value to "
            f"{rate_text(result.rate_used)} and [scheme] version to {version} by hand."
        )
