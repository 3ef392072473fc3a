"""Figures in words, shared by every part of a result: bands, years, hours, points, lists.

The figures' words are messages (`ras_core.i18n`), said in the language asked for;
English unless another is named.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...i18n import SOURCE, Message, message, plural_message
from ...scheme import money

if TYPE_CHECKING:
    from ..figures import Band


# Each period's words are a message of their own: "a week" and "a year" are not the same
# shape in every language ("yr wythnos", "y flwyddyn").
_BAND = {
    "week": (
        message("{low} or more a week"),
        message("{low} a week"),
        message("{low} to {high} a week"),
    ),
    "year": (
        message("{low} or more a year"),
        message("{low} a year"),
        message("{low} to {high} a year"),
    ),
}
_ABOUT_YEAR = (
    message("about {low} or more a year"),
    message("{low} a year"),
    message("about {low} to {high} a year"),
)
_HOURS = {
    "week": (
        plural_message("about {n} hour of support or more a week", "about {n} hours of support or more a week"),
        plural_message("about {n} hour of support a week", "about {n} hours of support a week"),
        plural_message("about {low} to {n} hour of support a week", "about {low} to {n} hours of support a week"),
    ),
    "year": (
        plural_message("about {n} hour of support or more a year", "about {n} hours of support or more a year"),
        plural_message("about {n} hour of support a year", "about {n} hours of support a year"),
        plural_message("about {low} to {n} hour of support a year", "about {low} to {n} hours of support a year"),
    ),
}
_POINTS = plural_message("{n} point", "{n} points")


def _band(messages: tuple[Message, Message, Message], band: Band, lang: str) -> str:
    open_ended, single, span = messages
    if band.high is None:
        return open_ended.say(lang, low=money.pounds(band.low))
    if band.low == band.high:
        return single.say(lang, low=money.pounds(band.low))
    return span.say(lang, low=money.pounds(band.low), high=money.pounds(band.high))


def band_words(band: Band, period: str, lang: str = SOURCE) -> str:
    """ "£175 to £200 a week", "£0 a week", or "£500 or more a week"."""
    return _band(_BAND[period], band, lang)


def year_words(annual: Band, lang: str = SOURCE) -> str:
    """ "about £7,800 to £9,100 a year", "£0 a year", or "about £26,000 or more a year"."""
    return _band(_ABOUT_YEAR, annual, lang)


def hours_words(hours: Band, period: str, lang: str = SOURCE) -> str:
    """ "about 6 to 7 hours of support a week" (whole hours, halves up)."""
    open_ended, single, span = _HOURS[period]
    low = money.round_whole(hours.low)
    if hours.high is None:
        return open_ended.say(lang, n=low)
    high = money.round_whole(hours.high)
    if low == high:
        return single.say(lang, n=low)
    return span.say(lang, low=low, n=high)


def points(n: int, lang: str = SOURCE) -> str:
    return _POINTS.say(lang, n=n)


_LISTING = message("{items} and {last}", note="A list: 'A and B', 'A, B and C' ({items} is 'A, B').")


def listing(items: list[str], lang: str = SOURCE) -> str:
    """ "A", "A and B", "A, B and C"."""
    if len(items) <= 1:
        return "".join(items)
    return _LISTING.say(lang, items=", ".join(items[:-1]), last=items[-1])


def sentence(words: str) -> str:
    return words[:1].upper() + words[1:] + "."


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:1].isalpha() else text


def quoted(text: str) -> str:
    return f"\u201c{text}\u201d"
