"""Reading the parts of a scheme that turn points into money: allocation, bands, thresholds.

A rate (optional base amount + points x rate per point) or a table of points ranges
with no gaps or overlaps starting at 0, bands of a fixed width or explicit edges
starting at 0, and the optional minimum and exceptional points. Each function reads
one table with the shared `Checks` and returns None when the table is missing.
"""

from __future__ import annotations

from decimal import Decimal

from ._reader import Reader, is_number
from .checks import Checks, too_large
from .model import Allocation, Bands, Parameter, TableRow


def allocation(check: Checks, reader: Reader | None) -> Allocation | None:
    if reader is None:
        return None
    method = reader.choice("method", ("rate", "table"))
    label = reader.words("label")
    description = reader.words("description")
    reference = check.reference(reader)
    start = reader.date("start_date", required=False)
    rate = base = None
    rows: list[TableRow] = []
    if method == "rate":
        rate = check.parameter(reader, "rate_per_point", above=Decimal(0))
        base = check.parameter(reader, "base", required=False, minimum=Decimal(0))
        if reader.has("rows"):
            reader.problem("rows", 'only for method = "table"; remove it or change the method')
    else:
        rows = table_rows(check, reader)
        for key in ("rate_per_point", "base"):
            if reader.has(key):
                reader.problem(key, 'only for method = "rate"; remove it or change the method')
    reader.done()
    return Allocation(
        method="rate" if method == "rate" else "table",
        rate_per_point=rate,
        base=base,
        rows=tuple(rows),
        label=label,
        description=description,
        reference=reference,
        start_date=start,
    )


def table_rows(check: Checks, reader: Reader) -> list[TableRow]:
    rows: list[TableRow] = []
    readers = list(reader.tables("rows"))
    for i, r in enumerate(readers):
        last = i == len(readers) - 1
        low = r.whole("from")
        high: int | None = r.whole("to", required=not last) if (not last or r.has("to")) else None
        amount = r.number("amount")
        if "amount" in r.data and amount < 0:
            r.problem("amount", f"must be 0 or more, got {amount}")
        too_large(r, "amount", amount)
        r.done()
        if i == 0 and "from" in r.data and low != 0:
            r.problem("from", f"the first row must start at 0 points, got {low}")
        if rows and "from" in r.data:
            previous = rows[-1]
            if previous.high is not None and low != previous.high + 1:
                kind = "a gap" if low > previous.high + 1 else "an overlap"
                r.problem(
                    "from",
                    f"must be {previous.high + 1} (one more than the previous row's "
                    f'"to", {previous.high}), got {low}: there is {kind}',
                )
            if "amount" in r.data and amount < previous.amount:
                r.problem(
                    "amount",
                    f"must not be less than the previous row's amount "
                    f"({previous.amount}), got {amount}: more points never give less",
                )
        if high is not None and "to" in r.data and "from" in r.data and high < low:
            r.problem("to", f'must be {low} ("from") or more, got {high}')
        rows.append(TableRow(low=low, high=high, amount=amount))
    return rows


def thresholds(check: Checks, reader: Reader | None) -> tuple[Parameter | None, Parameter | None]:
    if reader is None:
        return None, None
    minimum = check.parameter(reader, "minimum_points", required=False, whole=True, minimum=Decimal(0))
    exceptional = check.parameter(reader, "exceptional_points", required=False, whole=True, above=Decimal(0))
    reader.done()
    return minimum, exceptional


def bands(check: Checks, reader: Reader | None) -> Bands | None:
    if reader is None:
        return None
    label = reader.words("label")
    description = reader.words("description")
    reference = check.reference(reader)
    width: Decimal | None = None
    edges: list[Decimal] = []
    has_width, has_edges = reader.has("width"), reader.has("edges")
    if has_width == has_edges:
        reader.problem("", 'give either "width" (bands of equal size) or "edges", not both')
    if has_width:
        width = reader.number("width")
        if is_number(reader.data["width"]) and width <= 0:
            reader.problem("width", f"must be more than 0, got {width}")
        too_large(reader, "width", width)
    if has_edges:
        edges = reader.number_list("edges")
        if edges and edges[0] != 0:
            check.fail(f"{reader.at('edges')}[0]", f"the first edge must be 0, got {edges[0]}")
        for i in range(1, len(edges)):
            if edges[i] <= edges[i - 1]:
                check.fail(
                    f"{reader.at('edges')}[{i}]",
                    f"must be more than the previous edge ({edges[i - 1]}), got {edges[i]}",
                )
        if 0 < len(edges) < 2:
            reader.problem("edges", "must have at least 2 edges")
        if edges:
            too_large(reader, "edges", edges[-1])
    reader.done()
    return Bands(
        label=label,
        description=description,
        width=width,
        edges=tuple(edges),
        reference=reference,
    )
