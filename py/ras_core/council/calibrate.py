"""Calibrating a scheme from a council's own anonymised cases, and checking it.

A council scores a sample of current cases with its self-assessment and sets the rate
as their total current cost divided by their total points (the "£ per point" method of
council RAS reports). This module reads the cases from CSV, reports every row it
cannot use (row number, column and reason: none is dropped silently), works out the
rate (optionally scaled to a target total budget, with a contingency reported as a
separate sum), and checks the scheme: indicative against agreed budgets (accuracy)
and cost per point by care group and age band (fairness). Money is Decimal throughout.
"""

from __future__ import annotations

import csv
import io
import re
import statistics
import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal

from ..estimate.figures import score
from ..scheme import money
from ..scheme.errors import SchemeError
from ..scheme.load import scheme_from_toml
from ..scheme.model import Scheme
from ..scheme.numbers import MAX_TOTAL, NumberError, parse_money, parse_percent, parse_points, quote

MAX_ROWS_LISTED = 200
REQUIRED = ("case_id", "current_weekly_cost")
OPTIONAL = ("agreed_weekly_budget", "indicative_weekly_budget", "care_group", "age_band", "helpers_willing")
HUNDRED = Decimal(100)
WIDTHS = (Decimal(5), Decimal(10), Decimal(25), Decimal(50), Decimal(100))


@dataclass(frozen=True, slots=True, kw_only=True)
class RowProblem:
    row: int  # the row's line number in the file, the header being line 1
    column: str
    reason: str

    def __str__(self) -> str:
        where = f"row {self.row}" + (f", column {self.column}" if self.column else "")
        return f"{where}: {self.reason}"


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


def read_cases(data: bytes | str, scheme: Scheme) -> Cases:
    """Read a CSV of anonymised cases; rows that cannot be used are listed, not dropped."""
    text = _decode(data)
    lines = text.splitlines()
    header_line = next((line for line in lines if line.strip()), "")
    if not header_line:
        raise CasesError("The file is empty.")
    if "," not in header_line:
        for name, mark in (("semicolons (;)", ";"), ("tabs", "\t"), ("bars (|)", "|")):
            if mark in header_line:
                raise CasesError(
                    f"The columns are separated by {name}, not commas. Save the file as "
                    '"CSV (comma delimited)" or "CSV UTF-8", then try again.'
                )
    reader = _records(csv.reader(io.StringIO(text, newline="")))
    header: list[str] = []
    header_row = 0
    for number, row in enumerate(reader, start=1):
        if any(cell.strip() for cell in row):
            header, header_row = [cell.strip() for cell in row], number
            break
    questions = [q.id for _, q in scheme.questions()]
    support_columns = {f"unpaid_support.{d.id}": d.id for d in scheme.domains if d.asks_unpaid_support}
    missing = [c for c in REQUIRED if c not in header]
    has_answers = all(q in header for q in questions)
    by_points = "points" in header and not has_answers
    if not has_answers and not by_points:
        absent = [q for q in questions if q not in header]
        missing.append(f'"points", or a column for every question (missing: {", ".join(absent)})')
    duplicated = sorted({c for c in header if header.count(c) > 1})
    if missing or duplicated:
        parts = []
        if missing:
            parts.append("The file has no column " + "; no column ".join(missing) + ".")
        if duplicated:
            parts.append("These columns appear twice: " + ", ".join(duplicated) + ".")
        raise CasesError(" ".join(parts) + f" The first row (row {header_row}) must name the columns.")
    known = set(REQUIRED) | set(OPTIONAL) | set(questions) | set(support_columns) | {"points"}
    ignored = tuple(c for c in header if c not in known)
    position = {name: i for i, name in enumerate(header)}
    options = {q.id: {o.id for o in q.options} for _, q in scheme.questions()}
    support_ids = {o.id for o in scheme.unpaid_support.options}

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
            fail("", f"has {len(row)} fields, but the header has {len(header)}: check for a stray comma or quote")
            problems.extend(found)
            continue
        cell = {name: row[i].strip() for name, i in position.items()}
        case_id = cell["case_id"]
        if not case_id:
            fail("case_id", "is empty")
        elif case_id in seen:
            fail("case_id", f'"{case_id}" is also used on row {seen[case_id]}')
        else:
            seen[case_id] = number
        cost = _money(cell, "current_weekly_cost", fail, required=True)
        agreed = _money(cell, "agreed_weekly_budget", fail) if "agreed_weekly_budget" in cell else None
        indicative = _money(cell, "indicative_weekly_budget", fail) if "indicative_weekly_budget" in cell else None
        willing_text = cell.get("helpers_willing", "").lower()
        if willing_text not in ("", "yes", "no", "true", "false"):
            fail("helpers_willing", f'must be yes or no, got "{cell["helpers_willing"]}"')
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
                    fail(question, "is empty: every question needs an answer")
                elif value not in options[question]:
                    fail(
                        question,
                        f'"{value}" is not an answer to this question; allowed: {", ".join(sorted(options[question]))}',
                    )
                else:
                    choices[question] = value
            support: dict[str, str] = {}
            for column, domain_id in support_columns.items():
                value = cell.get(column, "")
                if value and value not in support_ids:
                    fail(
                        column,
                        f'"{value}" is not an answer about unpaid help; allowed: {", ".join(sorted(support_ids))}',
                    )
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
                care_group=cell.get("care_group", "") or "not given",
                age_band=cell.get("age_band", "") or "not given",
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
            raise CasesError(
                f"Row {count + 1} cannot be read: it has a field longer than {csv.field_size_limit():,} "
                "characters, which no case has."
            ) from None
        count += 1
        yield row


def _decode(data: bytes | str) -> str:
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise CasesError(
            f'The file is not UTF-8 text (the first problem is on row {line}). Save it as "CSV UTF-8" and try again.'
        ) from None


def _money(
    cell: Mapping[str, str], column: str, fail: Callable[[str, str], None], *, required: bool = False
) -> Decimal | None:
    text = cell.get(column, "")
    if not text:
        if required:
            fail(column, "is empty")
        return None
    try:
        return parse_money(text)
    except NumberError as error:
        fail(column, error.message)
        return None


def as_text(cell: str) -> str:
    """A cell from the cases file, as it is shown in a report or summary table.

    A spreadsheet runs a cell starting with =, +, - or @ (or a tab or carriage return)
    as a formula when a table is copied into it, so such a cell gets a leading
    apostrophe and stays text, as OWASP advises against CSV injection.
    """
    return f"'{cell}" if cell.startswith(("=", "+", "-", "@", "\t", "\r")) else cell


# -- the figures ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Group:
    name: str
    cases: int
    mean_points: Decimal
    cost_per_point: Decimal | None
    mean_current_cost: Decimal
    mean_indicative: Decimal
    differs_by: Decimal | None  # % from the whole sample's cost per point
    flagged: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class Accuracy:
    cases: int
    median_abs_pct: Decimal
    mean_abs_pct: Decimal
    within_10: Decimal  # share of cases, %
    within_20: Decimal
    largest: tuple[tuple[str, Decimal, Decimal, Decimal, Decimal], ...]  # id, indicative, agreed, £, %
    bias_by_group: tuple[tuple[str, int, Decimal], ...]  # group, cases, mean signed %
    source: str  # where the indicative figures came from


@dataclass(frozen=True, slots=True, kw_only=True)
class Calibration:
    scheme: Scheme
    cases: Cases
    total_points: int
    total_cost: Decimal
    rate_per_point: Decimal  # total cost / total points, to the penny
    exact_rate: Decimal
    target_total: Decimal | None
    rate_for_target: Decimal | None
    rate_used: Decimal
    contingency_percent: Decimal
    contingency: Decimal  # a separate sum, on top of the total indicative budget
    total_indicative: Decimal
    band_width: Decimal
    accuracy: Accuracy | None
    by_care_group: tuple[Group, ...]
    by_age_band: tuple[Group, ...]
    fairness_threshold: Decimal
    points_and_costs: tuple[tuple[int, Decimal], ...]  # for the chart


def calibrate(
    scheme: Scheme,
    cases: Cases,
    *,
    target_total: Decimal | None = None,
    contingency_percent: Decimal = Decimal(0),
    fairness_threshold: Decimal = Decimal(20),
) -> Calibration:
    used = cases.cases
    if not used:
        raise CasesError("No row could be used, so there is nothing to calibrate from. See the problems listed.")
    total_points = sum(c.points for c in used)
    total_cost = sum((c.current_cost for c in used), Decimal(0))
    if total_points == 0:
        raise CasesError("The cases have 0 points in all, so a rate per point cannot be worked out.")
    if total_cost == 0:
        raise CasesError(
            "The cases cost £0.00 in all, so a rate per point cannot be worked out. "
            "Check the current_weekly_cost column."
        )
    exact = total_cost / total_points
    rate = money.to_pence(exact)
    rate_for_target = money.to_pence(target_total / total_points) if target_total is not None else None
    used_rate = rate_for_target if rate_for_target is not None else rate
    if used_rate == 0:
        # A scheme's rate must be more than £0, so a new scheme could not be written.
        total, check = (
            (target_total, "Give a larger target total.")
            if target_total is not None
            else (total_cost, "Check the current_weekly_cost column.")
        )
        raise CasesError(
            f"The rate per point would be £0.00 ({money.pounds_exact(total)} / {total_points:,} points, "
            f"rounded to the nearest penny), and a rate must be more than £0. {check}"
        )
    base = scheme.allocation.base.value if scheme.allocation.base is not None else Decimal(0)
    indicative = [money.to_pence(base + c.points * used_rate) for c in used]
    total_indicative = sum(indicative, Decimal(0))
    contingency = money.to_pence(total_indicative * contingency_percent / HUNDRED)
    median = Decimal(statistics.median(indicative)) if indicative else Decimal(0)
    band_width = min(WIDTHS, key=lambda w: abs(w - median / 10))
    overall_cpp = exact
    return Calibration(
        scheme=scheme,
        cases=cases,
        total_points=total_points,
        total_cost=total_cost,
        rate_per_point=rate,
        exact_rate=exact,
        target_total=target_total,
        rate_for_target=rate_for_target,
        rate_used=used_rate,
        contingency_percent=contingency_percent,
        contingency=contingency,
        total_indicative=total_indicative,
        band_width=band_width,
        accuracy=_accuracy(scheme, used),
        by_care_group=_groups(used, indicative, lambda c: c.care_group, overall_cpp, fairness_threshold),
        by_age_band=_groups(used, indicative, lambda c: c.age_band, overall_cpp, fairness_threshold),
        fairness_threshold=fairness_threshold,
        points_and_costs=tuple((c.points, c.current_cost) for c in used),
    )


def _accuracy(scheme: Scheme, used: Iterable[Case]) -> Accuracy | None:
    """Indicative against agreed, for the cases with an agreed budget above £0."""
    rate = scheme.allocation.rate_per_point.value if scheme.allocation.rate_per_point else None
    base = scheme.allocation.base.value if scheme.allocation.base is not None else Decimal(0)
    rows = []
    from_file = True
    for case in used:
        if case.agreed is None or case.agreed == 0:
            continue
        indicative = case.indicative
        if indicative is None:
            if rate is None:
                continue
            from_file = False
            indicative = money.to_pence(base + case.points * rate)
        diff = indicative - case.agreed
        pct = diff / case.agreed * HUNDRED
        rows.append((case.case_id, indicative, case.agreed, diff, pct, case.care_group))
    if not rows:
        return None
    absolute = [abs(r[4]) for r in rows]
    count = Decimal(len(rows))
    groups: dict[str, list[Decimal]] = {}
    for r in rows:
        groups.setdefault(r[5], []).append(r[4])
    return Accuracy(
        cases=len(rows),
        median_abs_pct=_round(Decimal(statistics.median(absolute))),
        mean_abs_pct=_round(sum(absolute, Decimal(0)) / count),
        within_10=_round(sum(1 for a in absolute if a <= 10) / count * HUNDRED),
        within_20=_round(sum(1 for a in absolute if a <= 20) / count * HUNDRED),
        largest=tuple(
            (r[0], r[1], r[2], r[3], _round(r[4])) for r in sorted(rows, key=lambda r: (-abs(r[4]), r[0]))[:20]
        ),
        bias_by_group=tuple(
            (name, len(values), _round(sum(values, Decimal(0)) / len(values)))
            for name, values in sorted(groups.items())
        ),
        source=(
            "the indicative_weekly_budget column"
            if from_file
            else f"the scheme's current rate of {money.pounds_exact(rate or Decimal(0))} a point"
        ),
    )


def _groups(
    used: tuple[Case, ...],
    indicative: list[Decimal],
    key: Callable[[Case], str],
    overall_cpp: Decimal,
    threshold: Decimal,
) -> tuple[Group, ...]:
    buckets: dict[str, list[int]] = {}
    for i, case in enumerate(used):
        buckets.setdefault(key(case), []).append(i)
    groups = []
    for name in sorted(buckets):
        members = buckets[name]
        points = sum(used[i].points for i in members)
        cost = sum((used[i].current_cost for i in members), Decimal(0))
        count = Decimal(len(members))
        cpp = cost / points if points else None
        differs = _round((cpp - overall_cpp) / overall_cpp * HUNDRED) if cpp is not None else None
        groups.append(
            Group(
                name=name,
                cases=len(members),
                mean_points=_round(Decimal(points) / count),
                cost_per_point=money.to_pence(cpp) if cpp is not None else None,
                mean_current_cost=money.to_pence(cost / count),
                mean_indicative=money.to_pence(sum((indicative[i] for i in members), Decimal(0)) / count),
                differs_by=differs,
                flagged=differs is not None and abs(differs) > threshold,
            )
        )
    return tuple(groups)


def _round(value: Decimal) -> Decimal:
    return money.round_tenth(Decimal(value))


def summary(result: Calibration) -> dict[str, object]:
    """The figures as JSON-ready data (`ras calibrate --json`)."""

    def group(g: Group) -> dict[str, object]:
        return {
            "name": as_text(g.name),
            "cases": g.cases,
            "mean_points": f"{g.mean_points}",
            "cost_per_point": None if g.cost_per_point is None else money.plain(g.cost_per_point),
            "mean_current_cost": money.plain(g.mean_current_cost),
            "mean_indicative": money.plain(g.mean_indicative),
            "differs_by_percent": None if g.differs_by is None else f"{g.differs_by}",
            "flagged": g.flagged,
        }

    accuracy = result.accuracy
    return {
        "scheme": {"id": result.scheme.id, "version": result.scheme.version},
        "rate_per_point": money.plain(result.rate_per_point),
        "rate_for_target": None if result.rate_for_target is None else money.plain(result.rate_for_target),
        "rate_used": money.plain(result.rate_used),
        "total_points": result.total_points,
        "total_current_cost": money.plain(result.total_cost),
        "total_indicative": money.plain(result.total_indicative),
        "contingency_percent": f"{result.contingency_percent}",
        "contingency": money.plain(result.contingency),
        "suggested_band_width": money.plain(result.band_width),
        "cases_used": len(result.cases.cases),
        "rows_read": result.cases.rows_read,
        "blank_lines_skipped": result.cases.blank_lines,
        "rows_rejected": len({p.row for p in result.cases.problems}),
        "problems": [str(p) for p in result.cases.problems[:MAX_ROWS_LISTED]],
        "ignored_columns": [as_text(c) for c in result.cases.ignored_columns],
        "accuracy": None
        if accuracy is None
        else {
            "cases": accuracy.cases,
            "median_abs_percent": f"{accuracy.median_abs_pct}",
            "mean_abs_percent": f"{accuracy.mean_abs_pct}",
            "within_10_percent": f"{accuracy.within_10}",
            "within_20_percent": f"{accuracy.within_20}",
            "source": accuracy.source,
        },
        "fairness": {
            "threshold_percent": f"{result.fairness_threshold}",
            "by_care_group": [group(g) for g in result.by_care_group],
            "by_age_band": [group(g) for g in result.by_age_band],
        },
    }


def next_version(version: str) -> str:
    """ "2026.1" -> "2026.2"; a version not ending in a number gets ".1"."""
    head, _, last = version.rpartition(".")
    if _DIGITS.fullmatch(last):
        return f"{head}.{int(last) + 1}" if head else str(int(last) + 1)
    return f"{version}.1"


# -- options, and the new scheme file ----------------------------------------------------

_DIGITS = re.compile(r"[0-9]{1,9}")
_VERSION = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,39}")


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    target_total: Decimal | None = None
    contingency_percent: Decimal = Decimal(0)
    fairness_threshold: Decimal = Decimal(20)
    new_version: str | None = None  # None: the next version after the scheme's


def read_options(given: Mapping[str, object], names: Mapping[str, str]) -> Options:
    """Calibration options as typed (text, or None or "" when not given), read strictly.

    `names` says how each option is called where it was typed ("--target-total" for
    `ras`, "Target total" on the page); every problem is reported together.
    """
    problems: list[str] = []

    def text(key: str) -> str | None:
        value = given.get(key)
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            problems.append(f"{names[key]}: must be written as text, like 1250.")
            return None
        return value

    def number(key: str, parse: Callable[[str], Decimal]) -> Decimal | None:
        value = text(key)
        if value is None:
            return None
        try:
            return parse(value)
        except NumberError as error:
            problems.append(f"{names[key]}: {error.message}")
            return None

    target = number("target_total", lambda t: parse_money(t, maximum=MAX_TOTAL))
    contingency = number("contingency_percent", parse_percent)
    threshold = number("fairness_threshold", parse_percent)
    version = text("new_version")
    if version is not None and not _VERSION.fullmatch(version):
        problems.append(
            f"{names['new_version']}: {quote(version)} cannot be a version: use up to 40 letters, digits, "
            "dots, dashes or underscores, starting with a letter or digit, like 2026.2."
        )
    if problems:
        raise CasesError(*problems)
    return Options(
        target_total=target,
        contingency_percent=Decimal(0) if contingency is None else contingency,
        fairness_threshold=Decimal(20) if threshold is None else threshold,
        new_version=version,
    )


def recalibrate(scheme: Scheme, source: str, data: bytes | str, options: Options) -> tuple[Calibration, str, str]:
    """Calibrate from a cases file; give the result, the new version and the new scheme's TOML."""
    result = calibrate(
        scheme,
        read_cases(data, scheme),
        target_total=options.target_total,
        contingency_percent=options.contingency_percent,
        fairness_threshold=options.fairness_threshold,
    )
    version = options.new_version or next_version(scheme.version)
    if version == scheme.version:
        raise CasesError(
            f"The new version must differ from this scheme's version ({version}), "
            "so that answers saved for each can be told apart."
        )
    return result, version, recalibrated_toml(source, result, version)


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


def recalibrated_toml(source: str, result: Calibration, version: str) -> str:
    """The scheme's TOML with the new rate and version; everything else as it was.

    The new text is read back with the scheme loader and compared with the scheme it
    came from, so a file is only offered if it loads and differs in exactly these three
    figures.
    """
    source = source.removeprefix("\ufeff")
    cases = len(result.cases.cases)
    if result.target_total is not None:
        how = f"{money.pounds_exact(result.target_total)}, the target total weekly budget"
    else:
        how = f"{money.pounds_exact(result.total_cost)}, the total current weekly cost of {cases:,} cases"
    description = (
        f"What one point is worth each week: {how}, divided by the {result.total_points:,} points "
        f"of {cases:,} cases, rounded to the nearest penny."
    )
    rate_table = ("allocation", "rate_per_point")
    changes = {
        ("scheme", "version"): toml_string(version),
        (*rate_table, "value"): f"{result.rate_used:f}",
        (*rate_table, "description"): toml_string(description),
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
    expected = replace(
        old,
        version=version,
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
            f"{result.rate_used:f} and [scheme] version to {version} by hand."
        )
