"""Figures in words, shared by every part of a result: bands, years, hours, points, lists."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...scheme import money

if TYPE_CHECKING:
    from ..figures import Band


def band_words(band: Band, period: str) -> str:
    """ "£175 to £200 a week", "£0 a week", or "£500 or more a week"."""
    if band.high is None:
        return f"{money.pounds(band.low)} or more a {period}"
    if band.low == band.high:
        return f"{money.pounds(band.low)} a {period}"
    return f"{money.pounds(band.low)} to {money.pounds(band.high)} a {period}"


def year_words(annual: Band) -> str:
    """ "about £7,800 to £9,100 a year", "£0 a year", or "about £26,000 or more a year"."""
    if annual.high is None:
        return f"about {money.pounds(annual.low)} or more a year"
    if annual.low == annual.high:
        return f"{money.pounds(annual.low)} a year"
    return f"about {money.pounds(annual.low)} to {money.pounds(annual.high)} a year"


def hours_words(hours: Band, period: str) -> str:
    """ "about 6 to 7 hours of support a week" (whole hours, halves up)."""
    low = money.round_whole(hours.low)
    if hours.high is None:
        return f"about {low} hours of support or more a {period}"
    high = money.round_whole(hours.high)
    if low == high:
        return f"about {low} hours of support a {period}"
    return f"about {low} to {high} hours of support a {period}"


def points(n: int) -> str:
    return f"{n} point" if n == 1 else f"{n} points"


def listing(items: list[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def sentence(words: str) -> str:
    return words[:1].upper() + words[1:] + "."


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:1].isalpha() else text


def quoted(text: str) -> str:
    return f"\u201c{text}\u201d"
