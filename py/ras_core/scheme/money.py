"""Exact money: Decimal amounts, the rounding rule, and how amounts are written.

Rounding rule (the same everywhere): an amount is rounded to the nearest penny,
and an amount exactly half-way between two pennies is rounded up (ROUND_HALF_UP),
as a person doing the sum on paper would. Nothing here uses floats, and the
decimal context is passed explicitly so CPython and Pyodide give the same digits.
"""

from __future__ import annotations

from decimal import ROUND_FLOOR, ROUND_HALF_UP, Context, Decimal

PENNY = Decimal("0.01")
ONE = Decimal(1)
TENTH = Decimal("0.1")
HUNDRED = Decimal(100)

# Wide enough for any council budget; stated so that results never depend on a
# runtime's default context.
CONTEXT = Context(prec=34, rounding=ROUND_HALF_UP)


def to_pence(amount: Decimal) -> Decimal:
    """Round to the nearest penny, halves up."""
    return amount.quantize(PENNY, rounding=ROUND_HALF_UP, context=CONTEXT)


def round_whole(value: Decimal) -> Decimal:
    """Round to a whole number, halves up."""
    return value.quantize(ONE, rounding=ROUND_HALF_UP, context=CONTEXT)


def round_tenth(value: Decimal) -> Decimal:
    return value.quantize(TENTH, rounding=ROUND_HALF_UP, context=CONTEXT)


def floor_to_multiple(value: Decimal, step: Decimal) -> Decimal:
    """The largest multiple of `step` that is not more than `value`."""
    count = (value / step).quantize(ONE, rounding=ROUND_FLOOR, context=CONTEXT)
    return count * step


def plain(amount: Decimal) -> str:
    """An amount for data files: two decimals, no symbol ("187.50")."""
    return f"{to_pence(amount):f}"


def pounds(amount: Decimal) -> str:
    """An amount for people: "£1,234.50", or "£175" when it is whole pounds."""
    pence = to_pence(amount)
    if pence == pence.to_integral_value():
        return f"£{int(pence):,}"
    return f"£{pence:,.2f}"


def pounds_exact(amount: Decimal) -> str:
    """An amount for people, always with pence: "£175.00"."""
    return f"£{to_pence(amount):,.2f}"


def exact(value: Decimal) -> str:
    """A figure for data files with every decimal place it has, and at least two: "4.8765",
    "5.10", "24.50". Never rounded, so a sum redone with it gives the same answer."""
    text = f"{value.normalize(context=CONTEXT):f}"
    whole, _, places = text.partition(".")
    return f"{whole}.{places.ljust(2, '0')}"


def pounds_full(value: Decimal) -> str:
    """A figure a council set, for people, with every decimal place it has: "£4.8765",
    "£5.12", "£1,250.00". Never rounded: the working must add up on paper."""
    whole, _, places = exact(value).partition(".")
    return f"£{int(whole):,}.{places}"


def pounds_short(value: Decimal) -> str:
    """Like `pounds` ("£25" when whole), but never rounded: "£12.345" stays as it is."""
    if value == value.to_integral_value():
        return f"£{int(value):,}"
    return pounds_full(value)


def percent(share: Decimal) -> str:
    """A share such as 0.75 as "75%"."""
    value = (share * HUNDRED).normalize()
    text = f"{value:f}"
    return f"{text}%"


def number(value: Decimal) -> str:
    """A count such as points, without trailing zeros ("5.25", "7")."""
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value.normalize():f}"
