"""A file's problems as a person is shown them, in their language.

`errors.py` keeps each problem in English (its message a `Said` where the reader made
one); here they are said again in the language asked for: `report` for `ras` (how many
problems, then each with the file's name and dotted path), `shown` for the first
`MAX_SHOWN` and how many more, and `AT` for the page, which says where a problem is after
the problem itself (`web.for_people`). `validated` is what `ras validate` prints for a
scheme that can be used: its summary and its warnings (`warn.py`).
"""

from __future__ import annotations

from ..i18n import SOURCE, message, plural_message
from ._reader import language_names
from .errors import MAX_SHOWN, InputError, Problem
from .model import Scheme

AT = message("{problem} (at {place}).", context="problem", note="{place} is a dotted path in the file, as written.")
MORE = plural_message(
    "…and {n:,} more problems like these.",
    "…and {n:,} more problems like these.",
    context="problem",
    note="After the first 20 problems of a file; {n} is at least 1.",
)
_FOUND = plural_message("{source}: {n} problem found", "{source}: {n} problems found", context="problem")
_LINE = message("{source}: {problem}", context="problem", note="{source} is the file's name.")

_OK = message("{source}: OK: {title} version {version}, {areas}, {questions}", context="validate")
_OK_IN = message("{source}: OK: {title} version {version}, {areas}, {questions}, in {languages}", context="validate")
_AREAS = plural_message("{n} area", "{n} areas", context="validate")
_QUESTIONS = plural_message("{n} question", "{n} questions", context="validate")
_WARNINGS = plural_message(
    "{source}: {n} warning (the scheme can be used, but it may mislead people)",
    "{source}: {n} warnings (the scheme can be used, but these may mislead people)",
    context="validate",
)
_WARNING = message("{source}: warning: {warning}", context="validate")


def shown(lines: list[str], lang: str = SOURCE) -> list[str]:
    """The first `MAX_SHOWN` problems, then one line (in `lang`) saying how many more there are."""
    if len(lines) <= MAX_SHOWN:
        return lines
    return [*lines[:MAX_SHOWN], MORE.say(lang, n=len(lines) - MAX_SHOWN)]


def lines(error: InputError, lang: str = SOURCE) -> list[str]:
    """One line a problem, each starting with its file's name, in `lang`."""
    return [
        _LINE.say(lang, source=source, problem=problem.say(lang))
        for source, problems in error.files()
        for problem in problems
    ]


def report(error: InputError, lang: str = SOURCE) -> str:
    """As `InputError.report`, in `lang`: how many problems, then each (the first `MAX_SHOWN`)."""
    if lang == SOURCE:
        return error.report()
    found = _FOUND.say(lang, source=error.source, n=len(error.problems))
    return "\n".join([found, *shown(lines(error, lang), lang)])


def validated(source: str, scheme: Scheme, warnings: list[Problem], lang: str = SOURCE) -> list[str]:
    """`ras validate`'s lines for a scheme that can be used, in `lang`: OK, then its warnings."""
    values = {
        "source": source,
        "title": scheme.say(lang, scheme.title),
        "version": scheme.version,
        "areas": _AREAS.say(lang, n=len(scheme.domains)),
        "questions": _QUESTIONS.say(lang, n=len(scheme.questions())),
    }
    if len(scheme.languages) > 1:
        out = [_OK_IN.say(lang, languages=language_names(scheme.languages), **values)]
    else:
        out = [_OK.say(lang, **values)]
    if warnings:
        out.append(_WARNINGS.say(lang, source=source, n=len(warnings)))
        out += shown([_WARNING.say(lang, source=source, warning=w.say(lang)) for w in warnings], lang)
    return out
