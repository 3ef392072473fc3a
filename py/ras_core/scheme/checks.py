"""The checks every part of a scheme shares while it is read: ids, references, parameters.

`Checks` holds the problems found so far and the scheme's references, and reads the
pieces that appear in many sections (an id, a reference by name, a `Parameter` with
its ranges, a figure too large to be real), so that each rule is written once and
every section reports a problem the same way: a dotted path and what is allowed.
"""

from __future__ import annotations

import re
from decimal import Decimal

from . import load_words as w
from ._reader import Reader, is_number
from .errors import Problem
from .model import Parameter, Reference
from .numbers import MAX_MONEY

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class Checks:
    """Problems found so far, the references defined, and the checks sections share."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        self.references: dict[str, Reference] = {}
        self.nation = ""  # the scheme's nation, once read: some keys belong to one nation

    def fail(self, path: str, message: str) -> None:
        self.problems.append(Problem(path=path, message=message))

    def ident(self, reader: Reader, key: str = "id") -> str:
        value = reader.text(key)
        if value and not ID_PATTERN.match(value):
            reader.problem(key, w.BAD_ID.later(value=value))
        return value

    def unique(self, items: list[tuple[str, str]], what: str) -> None:
        """Report ids used twice; `items` is (id, path of its id)."""
        first: dict[str, str] = {}
        for ident, path in items:
            if not ident:
                continue
            if ident in first:
                self.fail(path, w.DUPLICATE[what].later(ident=ident, first=first[ident]))
            else:
                first[ident] = path

    def reference(self, reader: Reader, key: str = "reference") -> Reference | None:
        name = reader.optional_text(key)
        if name is None:
            return None
        found = self.references.get(name)
        if found is None:
            known = ", ".join(sorted(self.references)) or w.NONE_DEFINED.later()
            reader.problem(key, w.UNKNOWN_REFERENCE.later(name=name, known=known))
        return found

    def parameter(
        self,
        parent: Reader,
        key: str,
        *,
        required: bool = True,
        whole: bool = False,
        minimum: Decimal | None = None,
        above: Decimal | None = None,
    ) -> Parameter | None:
        reader = parent.table(key, required=required)
        if reader is None:
            return None
        label = reader.words("label")
        description = reader.words("description")
        value = Decimal(reader.whole("value")) if whole else reader.number("value")
        reference = self.reference(reader)
        start = reader.date("start_date", required=False)
        reader.done()
        raw = reader.data.get("value")
        # A value of the wrong kind is already reported; its ranges are not checked too.
        if is_number(raw) and (not whole or isinstance(raw, int)):
            if minimum is not None and value < minimum:
                reader.problem("value", w.AT_LEAST.later(minimum=minimum, value=value))
            if above is not None and value <= above:
                reader.problem("value", w.MORE_THAN.later(above=above, value=value))
            too_large(reader, "value", value)
        return Parameter(label=label, description=description, value=value, reference=reference, start_date=start)


def too_large(reader: Reader, key: str, value: Decimal) -> None:
    """Refuse a figure no council would set, before any sum with it can overflow."""
    if value >= MAX_MONEY:
        reader.problem(key, w.LESS_THAN.later(most=f"{MAX_MONEY:,}", value=value))
