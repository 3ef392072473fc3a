"""Problems found in a scheme or answers file, each located by a dotted path.

A loader never stops at the first problem: it collects every `Problem` it finds
(path such as ``domains[2].questions[0].options[3].points`` plus what is allowed)
and raises one `InputError` naming the file and listing them all, so a council
or a person can fix everything in one pass.
"""

from __future__ import annotations

from dataclasses import dataclass

# A file can hold thousands of mistakes (20,000 unknown keys); a person is shown the
# first ones and how many more there are, never a page of thousands of links.
MAX_SHOWN = 20


def shown(lines: list[str]) -> list[str]:
    """The first `MAX_SHOWN` problems, then one line saying how many more there are."""
    if len(lines) <= MAX_SHOWN:
        return lines
    return [*lines[:MAX_SHOWN], f"…and {len(lines) - MAX_SHOWN:,} more problems like these."]


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


class InputError(Exception):
    """Every problem found in one input file (a scheme or an answers file)."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = tuple(problems)
        super().__init__(self.report())

    def lines(self) -> list[str]:
        """One line a problem, each starting with the file name."""
        return [f"{self.source}: {problem}" for problem in self.problems]

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
