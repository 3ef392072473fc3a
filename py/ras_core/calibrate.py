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
import statistics
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from . import money
from .estimate import score
from .scheme import Scheme

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
    """The file as a whole cannot be read (encoding, delimiter, missing columns)."""


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
    reader = csv.reader(io.StringIO(text, newline=""))
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
            points_text = cell["points"]
            if not points_text.isdigit():
                fail("points", f'must be a whole number 0 or more, got "{points_text}"')
                points_before = points = 0
            else:
                points_before = points = int(points_text)
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
    text = cell.get(column, "").replace("£", "").replace(",", "")
    if not text:
        if required:
            fail(column, "is empty")
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        fail(column, f'must be an amount in pounds, such as 187.50, got "{cell[column]}"')
        return None
    if not value.is_finite() or value < 0:
        fail(column, f"must be 0 or more, got {cell[column]}")
        return None
    return value


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
    exact = total_cost / total_points
    rate = money.to_pence(exact)
    rate_for_target = money.to_pence(target_total / total_points) if target_total is not None else None
    used_rate = rate_for_target if rate_for_target is not None else rate
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
            "name": g.name,
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
        "ignored_columns": list(result.cases.ignored_columns),
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
    if last.isdigit():
        return f"{head}.{int(last) + 1}" if head else str(int(last) + 1)
    return f"{version}.1"


def recalibrated_toml(source: str, result: Calibration, version: str) -> str:
    """The scheme's TOML with the new rate and version; everything else as it was."""
    lines = source.splitlines(keepends=True)
    section = ""
    out = []
    done = {"version": False, "rate": False, "description": False}
    for line in lines:
        stripped = line.strip()
        if (stripped.startswith("[") and not stripped.startswith("[[")) or stripped.startswith("[["):
            section = stripped.strip("[]").strip()
        key = stripped.split("=", 1)[0].strip() if "=" in stripped else ""
        if section == "scheme" and key == "version" and not done["version"]:
            line = f'version = "{version}"\n'
            done["version"] = True
        elif section == "allocation.rate_per_point" and key == "value" and not done["rate"]:
            line = f"value = {result.rate_used}\n"
            done["rate"] = True
        elif section == "allocation.rate_per_point" and key == "description" and not done["description"]:
            cases = len(result.cases.cases)
            if result.target_total is not None:
                how = f"{money.pounds_exact(result.target_total)}, the target total weekly budget"
            else:
                how = f"{money.pounds_exact(result.total_cost)}, the total current weekly cost of {cases:,} cases"
            text = (
                f"What one point is worth each week: {how}, divided by the {result.total_points:,} points "
                f"of {cases:,} cases, rounded to the nearest penny."
            )
            line = f'description = "{text}"\n'
            done["description"] = True
        out.append(line)
    missing = [name for name, ok in done.items() if not ok]
    if missing:
        raise CasesError(
            "The scheme file has no " + ", ".join(missing) + " to change: calibration needs a rate scheme "
            "([allocation.rate_per_point] with a value and a description)."
        )
    return "".join(out)
