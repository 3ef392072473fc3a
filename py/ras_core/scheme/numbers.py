"""Reading money, points and percentages that people type or put in a CSV, strictly.

There is one parser for each kind, used everywhere a number is read from text (the
cases file, the council tools page's options, `ras calibrate`'s options), so that
"1_000", "5e2", "£1,2,3,4", "²" or Arabic-Indic digits are never quietly read as
numbers, and a number too large to be real is refused before any sum can overflow.
Only the ASCII digits 0 to 9 are accepted, with no exponent and no underscores. A
refusal is a `NumberError` whose message says, in plain words, what is allowed (a
`Said`, so that a page in Welsh shows it in Welsh).
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..i18n import Said, message

# Bounds stated in the messages. A case's weekly cost is far below £10,000,000; a
# council's whole weekly target total may be larger, so callers can raise it.
MAX_MONEY = Decimal(10_000_000)
MAX_TOTAL = Decimal(1_000_000_000)
MAX_POINTS = 1_000_000
MAX_PERCENT = Decimal(100)

# Longer text is refused before any pattern is tried, and is quoted cut short.
MAX_LENGTH = 40
QUOTED = 20

_MONEY = re.compile(r"£?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]{1,2})?")
_POINTS = re.compile(r"[0-9]+")
_PERCENT = re.compile(r"[0-9]+(?:\.[0-9]{1,2})?%?")


_BELOW_ZERO_MONEY = message("{value} is less than £0: amounts must be £0 or more.")
_NOT_MONEY = message("{value} is not an amount of money: write pounds and pence, like 1250 or 1,250.50.")
_TOO_MUCH_MONEY = message("{value} is too large: amounts must be less than £{maximum}.")
_BELOW_ZERO_POINTS = message("{value} is less than 0: points must be 0 or more.")
_NOT_POINTS = message("{value} is not a number of points: write a whole number, like 12.")
_TOO_MANY_POINTS = message("{value} is too many points: the most allowed is {maximum}.")
_BELOW_ZERO_PERCENT = message("{value} is less than 0: a percentage must be 0 or more.")
_NOT_PERCENT = message("{value} is not a percentage: write a number, like 5 or 12.5.")
_TOO_MUCH_PERCENT = message("{value} is too large: a percentage here must be {maximum} or less.")


class NumberError(ValueError):
    """Text that is not a number of the kind asked for; the message is for people (its
    English as a `str`, and `message.say(lang)` in another language)."""

    def __init__(self, said: Said) -> None:
        self.message = said
        super().__init__(said)


def quote(text: str, limit: int = QUOTED) -> str:
    """Text as it is shown inside a message: in quotes, cut short when long."""
    shown = text if len(text) <= limit else text[: limit - 3] + "..."
    # Invisible characters are shown by their code, so they cannot act on a terminal.
    return '"' + "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in shown) + '"'


def parse_money(text: str, *, maximum: Decimal = MAX_MONEY) -> Decimal:
    """Pounds and pence ("1250", "£1,250.50"), from £0 to less than `maximum`."""
    value = text.strip()
    if value.startswith(("-", "£-", "-£")) and _MONEY.fullmatch(value.replace("-", "", 1)):
        raise NumberError(_BELOW_ZERO_MONEY.later(value=quote(value)))
    if len(value) > MAX_LENGTH or not _MONEY.fullmatch(value):
        raise NumberError(_NOT_MONEY.later(value=quote(value)))
    amount = Decimal(value.removeprefix("£").replace(",", ""))
    if amount >= maximum:
        raise NumberError(_TOO_MUCH_MONEY.later(value=quote(value), maximum=f"{maximum:,}"))
    return amount


def parse_points(text: str, *, maximum: int = MAX_POINTS) -> int:
    """A whole number of points ("12"), from 0 to `maximum`."""
    value = text.strip()
    if value.startswith("-") and _POINTS.fullmatch(value[1:]):
        raise NumberError(_BELOW_ZERO_POINTS.later(value=quote(value)))
    if not _POINTS.fullmatch(value):
        raise NumberError(_NOT_POINTS.later(value=quote(value)))
    # Compared as text first: a long run of digits is too large, and is never
    # converted (Python refuses to convert more than 4,300 digits).
    digits = value.lstrip("0") or "0"
    if len(digits) > len(str(maximum)) or int(digits) > maximum:
        raise NumberError(_TOO_MANY_POINTS.later(value=quote(value), maximum=f"{maximum:,}"))
    return int(digits)


def parse_percent(text: str, *, maximum: Decimal = MAX_PERCENT) -> Decimal:
    """A percentage ("5", "12.5%"), from 0 to `maximum`."""
    value = text.strip()
    if value.startswith("-") and _PERCENT.fullmatch(value[1:]):
        raise NumberError(_BELOW_ZERO_PERCENT.later(value=quote(value)))
    if len(value) > MAX_LENGTH or not _PERCENT.fullmatch(value):
        raise NumberError(_NOT_PERCENT.later(value=quote(value)))
    share = Decimal(value.removesuffix("%"))
    if share > maximum:
        raise NumberError(_TOO_MUCH_PERCENT.later(value=quote(value), maximum=str(maximum)))
    return share
