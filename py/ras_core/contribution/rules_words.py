"""The words of a charging rules file's own problems (`rules.py`): each a message
(`ras_core.i18n`), declared once, made as a `Said` (its English is what the reader
always wrote) and said in Welsh where the problems are shown in Welsh."""

from __future__ import annotations

from ..i18n import message

_P = "problem"

TOO_DEEP = message("not valid TOML: too deeply nested or too long", context=_P)
AT_MOST_100 = message("must be 100 or less", context=_P)
NOT_HTTPS = message('must be a web address starting "https://", got "{url}"', context=_P)
NO_TOP = message("nothing (the band before has no top)", context=_P, note="After 'one penny over ...'.")
PENNY_OVER = message("must be one penny over the band before's high, {expected}; got {low}", context=_P)
FIRST_BAND = message("the first band must start at 0, got {low}", context=_P)
HIGH_BELOW_LOW = message("must not be less than low ({low}), got {high}", context=_P)
BAND_TWICE = message('"{ident}" is used by another band', context=_P)
LAST_BAND = message("the last band must have no high (it is the band of the most savings)", context=_P)
UNKNOWN_INCOME = message("unknown income type; allowed: {allowed}", context=_P)
INCOME_MISSING = message("missing; every income type must say whether it counts", context=_P)
NONE = message("none", context=_P, note="After 'allowed:', where nothing is.")
NOT_A_FIGURE = message("not a figure these rules use; allowed: {allowed}", context=_P)
NEGATIVE = message("must be 0 or more, got {value}", context=_P)
UNTIL_BEFORE_START = message("must not be before start ({start})", context=_P)
DATE_ORDER = message("rows must be in date order: after {start}", context=_P)
FIGURE_MISSING = message("missing; these rules need this figure", context=_P)
SAYS_CHI = message('says "chi"; it is read when the answers were given for someone else', context=_P)
THEM_MISSING = message('missing; the text speaks of "you", so give it said of "them" too', context=_P)
SAYS_YOU = message('says "you"; it is read when the answers were given for someone else', context=_P)
RULE_MISSING = message("missing; these rules need it", context=_P)
