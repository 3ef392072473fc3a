"""Calibration options as they were typed (`ras calibrate`'s flags, the page's fields).

Each is read strictly with the parsers in `numbers.py` (a target total in pounds and
pence, percentages for the contingency and the fairness threshold) and a new version
must be a plain version name, and the minimum group size a whole number of cases;
every problem is reported together, each naming the option as it is called where it
was typed, each a message (`ras_core.i18n`) said again in the page's language.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from ..i18n import message
from ..scheme.numbers import MAX_TOTAL, NumberError, parse_money, parse_percent, quote
from .calibrate import MIN_GROUP_SIZE
from .cases import CasesError

_VERSION = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,39}")
_WHOLE = re.compile(r"[0-9]{1,7}")
MAX_GROUP_SIZE = 1_000_000

_NOTE = "{name} is the option as it is called where it was typed: --target-total, or Target total on the page."
_NOT_TEXT = message("{name}: must be written as text, like 1250.", note=_NOTE)
_PROBLEM = message("{name}: {problem}", note=_NOTE)
_NOT_CASES = message("{name}: {value} is not a number of cases: write a whole number, like 10.", note=_NOTE)
_OUT_OF_RANGE = message("{name}: {value} is out of range: write a whole number of cases from 1 to {most}.", note=_NOTE)
_NOT_VERSION = message(
    "{name}: {value} cannot be a version: use up to 40 letters, digits, dots, dashes or underscores, starting "
    "with a letter or digit, like 2026.2.",
    note=_NOTE,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    target_total: Decimal | None = None
    contingency_percent: Decimal = Decimal(0)
    fairness_threshold: Decimal = Decimal(20)
    min_group_size: int = MIN_GROUP_SIZE
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
            problems.append(_NOT_TEXT.later(name=names[key]))
            return None
        return value

    def number(key: str, parse: Callable[[str], Decimal]) -> Decimal | None:
        value = text(key)
        if value is None:
            return None
        try:
            return parse(value)
        except NumberError as error:
            problems.append(_PROBLEM.later(name=names[key], problem=error.message))
            return None

    target = number("target_total", lambda t: parse_money(t, maximum=MAX_TOTAL))
    contingency = number("contingency_percent", parse_percent)
    threshold = number("fairness_threshold", parse_percent)
    size = text("min_group_size")
    min_group_size = MIN_GROUP_SIZE
    if size is not None:
        if not _WHOLE.fullmatch(size.strip()):
            problems.append(_NOT_CASES.later(name=names["min_group_size"], value=quote(size)))
        elif not 1 <= int(size) <= MAX_GROUP_SIZE:
            problems.append(
                _OUT_OF_RANGE.later(name=names["min_group_size"], value=quote(size), most=f"{MAX_GROUP_SIZE:,}")
            )
        else:
            min_group_size = int(size)
    version = text("new_version")
    if version is not None and not _VERSION.fullmatch(version):
        problems.append(_NOT_VERSION.later(name=names["new_version"], value=quote(version)))
    if problems:
        raise CasesError(*problems)
    return Options(
        target_total=target,
        contingency_percent=Decimal(0) if contingency is None else contingency,
        fairness_threshold=Decimal(20) if threshold is None else threshold,
        min_group_size=min_group_size,
        new_version=version,
    )
