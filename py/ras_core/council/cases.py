"""Reading a council's anonymised cases from CSV, with every row it cannot use listed.

Each row is a case: its id, its current weekly cost, and either its answers (a column
for every question, and optionally unpaid help and whether helpers are willing) or
its points. Answers are scored with the estimate's own rule (`figures.score`). A row
that cannot be used is reported with its row number, column and reason, never
dropped silently; a file that cannot be used at all (encoding, delimiter, missing
columns) is one `CasesError` with plain sentences. Money is read with
`numbers.parse_money` and points with `numbers.parse_points`, as everywhere else. Every
sentence is a message (`ras_core.i18n`), found in English and said again in the page's
language (`RowProblem.say`, `CasesError.say`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal

from ..estimate.figures import score
from ..i18n import SOURCE, Said, message, said_in
from ..scheme.model import Scheme
from ..scheme.numbers import NumberError, parse_money, parse_points

# The summary and the report list this many rows that could not be used, then how many more.
MAX_ROWS_LISTED = 200
REQUIRED = ("case_id", "current_weekly_cost")
OPTIONAL = ("agreed_weekly_budget", "indicative_weekly_budget", "care_group", "age_band", "helpers_willing")


_ROW = message("row {row}: {reason}", note="A row of a cases file (CSV) that was not used, and why.")
_ROW_COLUMN = message(
    "row {row}, column {column}: {reason}", note="A cell of a cases file (CSV) that was not used, and why."
)
_EMPTY_FILE = message("The file is empty.")
_SEPARATED = message(
    'The columns are separated by {marks}, not commas. Save the file as "CSV (comma delimited)" or "CSV UTF-8", '
    "then try again."
)
_MARKS = {
    ";": message("semicolons (;)", note="What separates a CSV file's columns instead of commas."),
    "\t": message("tabs", note="What separates a CSV file's columns instead of commas."),
    "|": message("bars (|)", note="What separates a CSV file's columns instead of commas."),
}
_NO_COLUMN = message("The file has no column {columns}.", note="{columns}: one or more column names.")
_AND_NO_COLUMN = message(
    "{columns}; no column {column}", note="Joins the names of missing columns: case_id; no column points."
)
_POINTS_OR = message('"points", or a column for every question (missing: {absent})')
_TWICE = message("These columns appear twice: {columns}.")
_NAME_THE_COLUMNS = message("{problems} The first row (row {row}) must name the columns.")
_FIELDS = message("has {fields} fields, but the header has {header}: check for a stray comma or quote")
_IS_EMPTY = message("is empty", note="A cell of a cases file.")
_ALSO_USED = message('"{value}" is also used on row {row}', note="A case's id, used twice.")
_YES_OR_NO = message('must be yes or no, got "{value}"')
_NO_ANSWER = message("is empty: every question needs an answer")
_NOT_AN_ANSWER = message('"{value}" is not an answer to this question; allowed: {allowed}')
_NOT_SUPPORT = message('"{value}" is not an answer about unpaid help; allowed: {allowed}')
_LONG_FIELD = message("Row {row} cannot be read: it has a field longer than {limit} characters, which no case has.")
_NOT_UTF8 = message(
    'The file is not UTF-8 text (the first problem is on row {row}). Save it as "CSV UTF-8" and try again.'
)
_BOTH = message("{first} {second}", note="Two sentences, one after the other.")
# A case with no care group or age band is counted in a group of its own.
NOT_GIVEN = message("not given", context="group", note="The group of cases whose care group or age band is blank.")


@dataclass(frozen=True, slots=True, kw_only=True)
class RowProblem:
    row: int  # the row's line number in the file, the header being line 1
    column: str
    reason: str  # a `Said`: English as a str, and in any language

    def say(self, lang: str = SOURCE) -> str:
        reason = said_in(self.reason, lang)
        if self.column:
            return _ROW_COLUMN.say(lang, row=self.row, column=self.column, reason=reason)
        return _ROW.say(lang, row=self.row, reason=reason)

    def __str__(self) -> str:
        return self.say()


@dataclass(frozen=True, slots=True, kw_only=True)
class Case:
    case_id: str
    points_before: int
    points: int
    current_cost: Decimal
    agreed: Decimal | None
    indicative: Decimal | None  # what the scheme indicated at the time, if the file says
    care_group: str
    age_band: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Cases:
    cases: tuple[Case, ...]
    problems: tuple[RowProblem, ...]  # every row that was not used, and why
    rows_read: int
    blank_lines: int  # skipped: they hold no case
    ignored_columns: tuple[str, ...]


class CasesError(Exception):
    """The file as a whole cannot be used (encoding, delimiter, missing columns, no rate),
    or the options cannot: one plain sentence for each problem."""

    def __init__(self, *problems: str) -> None:
        self.problems = problems
        super().__init__(" ".join(problems))

    def say(self, lang: str = SOURCE) -> list[str]:
        """Each problem in `lang` (a `Said` is said again in it)."""
        return [said_in(problem, lang) for problem in self.problems]


def read_cases(data: bytes | str, scheme: Scheme, *, costs: bool = True) -> Cases:
    """Read a CSV of anonymised cases; rows that cannot be used are listed, not dropped.

    With `costs=False` (comparing versions, which needs no cost) the cost column is not
    needed and not read: every case's current cost is £0.
    """
    text = _decode(data)
    lines = text.splitlines()
    header_line = next((line for line in lines if line.strip()), "")
    if not header_line:
        raise CasesError(_EMPTY_FILE.later())
    if "," not in header_line:
        for mark, name in _MARKS.items():
            if mark in header_line:
                raise CasesError(_SEPARATED.later(marks=name.later()))
    reader = _records(csv.reader(io.StringIO(text, newline="")))
    header: list[str] = []
    header_row = 0
    for number, row in enumerate(reader, start=1):
        if any(cell.strip() for cell in row):
            header, header_row = [cell.strip() for cell in row], number
            break
    questions = [q.id for _, q in scheme.questions()]
    support_columns = {f"unpaid_support.{d.id}": d.id for d in scheme.domains if d.asks_unpaid_support}
    missing: list[str] = [c for c in REQUIRED if c not in header and (costs or c != "current_weekly_cost")]
    has_answers = all(q in header for q in questions)
    by_points = "points" in header and not has_answers
    if not has_answers and not by_points:
        absent = [q for q in questions if q not in header]
        missing.append(_POINTS_OR.later(absent=", ".join(absent)))
    duplicated = sorted({c for c in header if header.count(c) > 1})
    if missing or duplicated:
        raise CasesError(_NAME_THE_COLUMNS.later(problems=_columns_problems(missing, duplicated), row=header_row))
    known = set(REQUIRED) | set(OPTIONAL) | set(questions) | set(support_columns) | {"points"}
    ignored = tuple(c for c in header if c not in known)
    position = {name: i for i, name in enumerate(header)}
    options = {q.id: {o.id for o in q.options} for _, q in scheme.questions()}
    support_ids = {o.id for o in scheme.unpaid_support.options} if scheme.unpaid_support is not None else set()

    cases: list[Case] = []
    problems: list[RowProblem] = []
    seen: dict[str, int] = {}
    rows_read = blank = 0
    for number, row in enumerate(reader, start=header_row + 1):
        if not any(cell.strip() for cell in row):
            blank += 1  # a blank line holds no case; the report says how many were skipped
            continue
        rows_read += 1
        found: list[RowProblem] = []

        def fail(column: str, reason: str, number: int = number, found: list[RowProblem] = found) -> None:
            found.append(RowProblem(row=number, column=column, reason=reason))

        if len(row) != len(header):
            fail("", _FIELDS.later(fields=len(row), header=len(header)))
            problems.extend(found)
            continue
        cell = {name: row[i].strip() for name, i in position.items()}
        case_id = cell["case_id"]
        if not case_id:
            fail("case_id", _IS_EMPTY.later())
        elif case_id in seen:
            fail("case_id", _ALSO_USED.later(value=case_id, row=seen[case_id]))
        else:
            seen[case_id] = number
        cost = _money(cell, "current_weekly_cost", fail, required=True) if costs else Decimal(0)
        agreed = _money(cell, "agreed_weekly_budget", fail) if "agreed_weekly_budget" in cell else None
        indicative = _money(cell, "indicative_weekly_budget", fail) if "indicative_weekly_budget" in cell else None
        willing_text = cell.get("helpers_willing", "").lower()
        if willing_text not in ("", "yes", "no", "true", "false"):
            fail("helpers_willing", _YES_OR_NO.later(value=cell["helpers_willing"]))
        willing = willing_text in ("yes", "true")
        if by_points:
            try:
                points_before = points = parse_points(cell["points"])
            except NumberError as error:
                fail("points", error.message)
                points_before = points = 0
        else:
            choices: dict[str, str] = {}
            for question in questions:
                value = cell[question]
                if not value:
                    fail(question, _NO_ANSWER.later())
                elif value not in options[question]:
                    fail(question, _NOT_AN_ANSWER.later(value=value, allowed=", ".join(sorted(options[question]))))
                else:
                    choices[question] = value
            support: dict[str, str] = {}
            for column, domain_id in support_columns.items():
                value = cell.get(column, "")
                if value and value not in support_ids:
                    fail(column, _NOT_SUPPORT.later(value=value, allowed=", ".join(sorted(support_ids))))
                elif value:
                    support[domain_id] = value
            points_before, points = score(scheme, choices, support, willing) if not found else (0, 0)
        if found:
            problems.extend(found)
            continue
        assert cost is not None
        cases.append(
            Case(
                case_id=case_id,
                points_before=points_before,
                points=points,
                current_cost=cost,
                agreed=agreed,
                indicative=indicative,
                care_group=cell.get("care_group", "") or NOT_GIVEN.later(),
                age_band=cell.get("age_band", "") or NOT_GIVEN.later(),
            )
        )
    return Cases(
        cases=tuple(cases), problems=tuple(problems), rows_read=rows_read, blank_lines=blank, ignored_columns=ignored
    )


def _records(reader: Iterator[list[str]]) -> Iterator[list[str]]:
    """The CSV's records; one the csv module cannot read ends the file with a plain problem."""
    count = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error:
            raise CasesError(_LONG_FIELD.later(row=count + 1, limit=f"{csv.field_size_limit():,}")) from None
        count += 1
        yield row


def _decode(data: bytes | str) -> str:
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise CasesError(_NOT_UTF8.later(row=line)) from None


def _money(
    cell: Mapping[str, str], column: str, fail: Callable[[str, str], None], *, required: bool = False
) -> Decimal | None:
    text = cell.get(column, "")
    if not text:
        if required:
            fail(column, _IS_EMPTY.later())
        return None
    try:
        return parse_money(text)
    except NumberError as error:
        fail(column, error.message)
        return None


def _columns_problems(missing: list[str], duplicated: list[str]) -> Said:
    """What is wrong with the header: the columns it lacks, and those it names twice."""
    said: list[Said] = []
    if missing:
        columns: str = missing[0]
        for column in missing[1:]:
            columns = _AND_NO_COLUMN.later(columns=columns, column=column)
        said.append(_NO_COLUMN.later(columns=columns))
    if duplicated:
        said.append(_TWICE.later(columns=", ".join(duplicated)))
    return said[0] if len(said) == 1 else _BOTH.later(first=said[0], second=said[1])


def as_text(cell: str) -> str:
    """A cell from the cases file, as it is shown in a report or summary table.

    A spreadsheet runs a cell starting with =, +, - or @ (or a tab or carriage return)
    as a formula when a table is copied into it, so such a cell gets a leading
    apostrophe and stays text, as OWASP advises against CSV injection.
    """
    return f"'{cell}" if cell.startswith(("=", "+", "-", "@", "\t", "\r")) else cell
