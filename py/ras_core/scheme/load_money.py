"""Reading the parts of a scheme that turn points into money: allocation, bands, thresholds.

A rate (optional base amount + points x rate per point) or a table of points ranges
with no gaps or overlaps starting at 0, bands of a fixed width or explicit edges
starting at 0, and the optional minimum and exceptional points. Each function reads
one table with the shared `Checks` and returns None when the table is missing.
"""

from __future__ import annotations

from decimal import Decimal

from . import load_words as w
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
            reader.problem("rows", w.TABLE_ONLY.later())
    else:
        rows = table_rows(check, reader)
        for key in ("rate_per_point", "base"):
            if reader.has(key):
                reader.problem(key, w.RATE_ONLY.later())
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
            r.problem("amount", w.AMOUNT_NEGATIVE.later(amount=amount))
        too_large(r, "amount", amount)
        r.done()
        if i == 0 and "from" in r.data and low != 0:
            r.problem("from", w.FIRST_ROW.later(low=low))
        if rows and "from" in r.data:
            previous = rows[-1]
            if previous.high is not None and low != previous.high + 1:
                kind = w.GAP if low > previous.high + 1 else w.OVERLAP
                r.problem("from", kind.later(next=previous.high + 1, high=previous.high, low=low))
            if "amount" in r.data and amount < previous.amount:
                r.problem("amount", w.LESS_THAN_PREVIOUS.later(previous=previous.amount, amount=amount))
        if high is not None and "to" in r.data and "from" in r.data and high < low:
            r.problem("to", w.TO_BELOW_FROM.later(low=low, high=high))
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
        reader.problem("", w.WIDTH_OR_EDGES.later())
    if has_width:
        width = reader.number("width")
        if is_number(reader.data["width"]) and width <= 0:
            reader.problem("width", w.WIDTH_POSITIVE.later(width=width))
        too_large(reader, "width", width)
    if has_edges:
        edges = reader.number_list("edges")
        if edges and edges[0] != 0:
            check.fail(f"{reader.at('edges')}[0]", w.FIRST_EDGE.later(edge=edges[0]))
        for i in range(1, len(edges)):
            if edges[i] <= edges[i - 1]:
                check.fail(f"{reader.at('edges')}[{i}]", w.EDGE_ORDER.later(previous=edges[i - 1], edge=edges[i]))
        if 0 < len(edges) < 2:
            reader.problem("edges", w.TWO_EDGES.later())
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
