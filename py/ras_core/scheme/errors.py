"""Problems found in a scheme or answers file, each located by a dotted path.

A loader never stops at the first problem: it collects every `Problem` it finds
(path such as ``domains[2].questions[0].options[3].points`` plus what is allowed)
and raises one `InputError` naming the file and listing them all, so a council
or a person can fix everything in one pass. A problem's message may be a `Said`
(`ras_core.i18n`): English as it is kept here, and said again in another language when
it is shown (`Problem.say`, and `said.py` for a whole report). This module imports no
messages itself, so that the message catalogues' reader can use it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

# A file can hold thousands of mistakes (20,000 unknown keys); a person is shown the
# first ones and how many more there are, never a page of thousands of links.
MAX_SHOWN = 20


def shown(lines: list[str]) -> list[str]:
    """The first `MAX_SHOWN` problems, then one line saying how many more there are."""
    if len(lines) <= MAX_SHOWN:
        return lines
    return [*lines[:MAX_SHOWN], f"…and {len(lines) - MAX_SHOWN:,} more problems like these."]


@runtime_checkable
class Sayable(Protocol):
    """A text that can be said in another language (`ras_core.i18n.Said`)."""

    def say(self, lang: str = ...) -> str: ...


@dataclass(frozen=True, slots=True, kw_only=True)
class Problem:
    """One thing wrong with an input, at a dotted path inside it.

    `names_its_place` is set where the problem is made when the message itself says
    where the problem is (a question in its own words, the scheme the answers are
    for), so a person is shown the message without the dotted path.
    """

    path: str
    message: str
    names_its_place: bool = False

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message

    def said(self, lang: str) -> str:
        """The message alone, in `lang` where it can be said in it."""
        return self.message.say(lang) if isinstance(self.message, Sayable) else self.message

    def say(self, lang: str) -> str:
        """The problem, with its dotted path, in `lang`."""
        return f"{self.path}: {self.said(lang)}" if self.path else self.said(lang)


class InputError(Exception):
    """Every problem found in one input file (a scheme or an answers file)."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = tuple(problems)
        super().__init__(self.report())

    def files(self) -> list[tuple[str, tuple[Problem, ...]]]:
        """Each file's name with its problems (one file here; more where problems are gathered)."""
        return [(self.source, self.problems)]

    def lines(self) -> list[str]:
        """One line a problem, each starting with its file's name."""
        return [f"{source}: {problem}" for source, problems in self.files() for problem in problems]

    def report(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        return "\n".join([f"{self.source}: {count} {noun} found", *shown(self.lines())])


class SchemeError(InputError):
    """A scheme file that cannot be used."""


class AnswersError(InputError):
    """An answers file that does not fit the scheme it is used with; `other_scheme` is the
    (id, version) a file saved for another scheme names, so the page can send the person
    to that scheme."""

    def __init__(self, source: str, problems: list[Problem], *, other_scheme: tuple[str, str] | None = None) -> None:
        self.other_scheme = other_scheme
        super().__init__(source, problems)
