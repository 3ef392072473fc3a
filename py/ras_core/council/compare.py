"""What a new version of a scheme changes, case by case and in total (`ras compare`).

The same cases file is read with each scheme (`cases.read_cases`, so answers are
scored by each version's own points with the estimate's rule), and each case's
indicative amount comes from that version's own allocation (`figures.amount_for`), so
a rate, a base amount or a table gives exactly what it gives a person. A case is
compared when both versions can use its row; every row either cannot use is listed.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from decimal import Decimal

from ..estimate.figures import amount_for
from ..scheme import money
from ..scheme.model import Scheme
from ..scheme.numbers import quote
from .cases import MAX_ROWS_LISTED, Cases, CasesError, RowProblem, as_text, read_cases


@dataclass(frozen=True, slots=True, kw_only=True)
class Compared:
    case_id: str
    old_points: int
    new_points: int
    old_amount: Decimal
    new_amount: Decimal

    @property
    def difference(self) -> Decimal:
        return self.new_amount - self.old_amount


@dataclass(frozen=True, slots=True, kw_only=True)
class Comparison:
    old: Scheme
    new: Scheme
    cases: tuple[Compared, ...]
    problems: tuple[RowProblem, ...]  # rows either version cannot use
    rows_read: int
    old_total: Decimal
    new_total: Decimal
    up: int
    down: int
    same: int
    median_difference: Decimal


def compare(old: Scheme, new: Scheme, data: bytes | str) -> Comparison:
    """Every case's indicative amount under the old and the new scheme."""
    before = _read(data, old, "old")
    after = _read(data, new, "new")
    new_by_id = {c.case_id: c for c in after.cases}
    compared = []
    for case in before.cases:
        other = new_by_id.get(case.case_id)
        if other is None:
            continue
        compared.append(
            Compared(
                case_id=case.case_id,
                old_points=case.points,
                new_points=other.points,
                old_amount=amount_for(old, case.points),
                new_amount=amount_for(new, other.points),
            )
        )
    problems = sorted(set(before.problems) | set(after.problems), key=lambda p: (p.row, p.column, p.reason))
    if not compared:
        raise CasesError(
            "No row could be used with both schemes, so there is nothing to compare. See the problems listed."
        )
    differences = [c.difference for c in compared]
    return Comparison(
        old=old,
        new=new,
        cases=tuple(compared),
        problems=tuple(problems),
        rows_read=before.rows_read,
        old_total=sum((c.old_amount for c in compared), Decimal(0)),
        new_total=sum((c.new_amount for c in compared), Decimal(0)),
        up=sum(1 for d in differences if d > 0),
        down=sum(1 for d in differences if d < 0),
        same=sum(1 for d in differences if d == 0),
        median_difference=money.to_pence(Decimal(statistics.median(differences))),
    )


def _read(data: bytes | str, scheme: Scheme, which: str) -> Cases:
    try:
        return read_cases(data, scheme, costs=False)
    except CasesError as error:
        raise CasesError(
            *(f"With the {which} scheme (version {scheme.version}): {p}" for p in error.problems)
        ) from None


def signed(amount: Decimal) -> str:
    """A difference in money: "+£1.20", "-£3.00", "£0.00"."""
    sign = "+" if amount > 0 else "-" if amount < 0 else ""
    return f"{sign}{money.pounds_exact(abs(amount))}"


def _percent(old: Decimal, new: Decimal) -> str:
    if not old:
        return "—"
    return f"{money.round_tenth((new - old) / old * 100):+}%"


def summary_lines(result: Comparison) -> list[str]:
    """The totals, in plain sentences."""
    used = len(result.cases)
    rejected = len({p.row for p in result.problems})
    period = result.new.period
    return [
        f"Comparing {result.old.title} version {result.old.version} (old) with version {result.new.version} (new), "
        f"on {used:,} {'case' if used == 1 else 'cases'} ({rejected:,} of {result.rows_read:,} rows not used).",
        f"Total indicative amount a {period}: {money.pounds_exact(result.old_total)} old, "
        f"{money.pounds_exact(result.new_total)} new: {signed(result.new_total - result.old_total)} "
        f"({_percent(result.old_total, result.new_total)}).",
        f"{result.up:,} would go up, {result.down:,} would go down and {result.same:,} would stay the same; "
        f"the median change is {signed(result.median_difference)} a {period}.",
    ]


def as_lines(result: Comparison) -> list[str]:
    """`ras compare`'s text: the totals, every case, and the rows not used."""
    header = ("case_id", "old points", "new points", "old amount", "new amount", "difference")
    rows = [
        (
            _shown(c.case_id),
            f"{c.old_points:,}",
            f"{c.new_points:,}",
            money.pounds_exact(c.old_amount),
            money.pounds_exact(c.new_amount),
            signed(c.difference),
        )
        for c in result.cases
    ]
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(len(header))]

    def line(cells: tuple[str, ...]) -> str:
        first = cells[0].ljust(widths[0])
        return "  ".join([first, *(cell.rjust(width) for cell, width in zip(cells[1:], widths[1:], strict=True))])

    out = [*summary_lines(result), "", line(header), *(line(r) for r in rows)]
    if result.problems:
        out += ["", "Rows not used:"]
        out += [f"- {p}" for p in result.problems[:MAX_ROWS_LISTED]]
        if len(result.problems) > MAX_ROWS_LISTED:
            out.append(f"And {len(result.problems) - MAX_ROWS_LISTED:,} more problems.")
    return out


def _shown(case_id: str) -> str:
    """A case id for a terminal: invisible characters by their code, never acted on."""
    return quote(case_id, limit=len(case_id) + 2)[1:-1] if not case_id.isprintable() else case_id


def comparison_to_dict(result: Comparison) -> dict[str, object]:
    """`ras compare --json`: money as two-decimal strings, cases in file order."""
    return {
        "old": {"id": result.old.id, "version": result.old.version},
        "new": {"id": result.new.id, "version": result.new.version},
        "period": result.new.period,
        "cases": [
            {
                "case_id": as_text(c.case_id),
                "old_points": c.old_points,
                "new_points": c.new_points,
                "old_amount": money.plain(c.old_amount),
                "new_amount": money.plain(c.new_amount),
                "difference": money.plain(c.difference),
            }
            for c in result.cases
        ],
        "totals": {
            "old": money.plain(result.old_total),
            "new": money.plain(result.new_total),
            "difference": money.plain(result.new_total - result.old_total),
        },
        "counts": {"up": result.up, "down": result.down, "same": result.same},
        "median_difference": money.plain(result.median_difference),
        "cases_compared": len(result.cases),
        "rows_read": result.rows_read,
        "rows_rejected": len({p.row for p in result.problems}),
        "problems": [str(p) for p in result.problems[:MAX_ROWS_LISTED]],
    }
