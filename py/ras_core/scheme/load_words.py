"""The words of a scheme file's own problems (`load.py`, `checks.py`, `load_money.py`,
`load_eligibility.py`, `them.py`): each a message (`ras_core.i18n`), declared once, so
that `ras validate --lang cy` says them in Welsh for a council's staff. A problem is
made as a `Said`: its English is what the loader always wrote, word for word.
"""

from __future__ import annotations

from ..i18n import message

_P = "problem"

# The file as a whole (load.py).
NOT_TOML = message("not valid TOML: {why}", context=_P, note="{why} is the TOML reader's own words, in English.")
NOT_TOML_AT = message(
    "line {line}, column {column}: not valid TOML: {why}",
    context=_P,
    note="{why} is the TOML reader's own words, in English.",
)
TOO_DEEP = message("is nested too deeply to be a scheme", context=_P)
NUMBER_TOO_LONG = message("not valid TOML: a number is too long to read", context=_P)

# Sections (load.py).
REFERENCE_NAMES = message('reference names use lower-case letters, digits and "-"', context=_P)
EXCEPTIONAL = message("must be more than thresholds.minimum_points ({minimum}), got {value}", context=_P)
LANGUAGES = message(
    'must be ["en"] or ["en", "cy"] (English, or English and Welsh), got {got}', context=_P, note="{got} as JSON."
)
TABLE_END = message(
    "the table ends at {end} points, but the answers can reach {highest} points, so {next} points is not covered. "
    'Add rows up to {highest} points, leave out "to" in the last row, or set thresholds.exceptional_points to '
    "{end} or less (from that level budgets are worked out individually, and the last row's amount is only the "
    "starting point)",
    context=_P,
)
NO_SUPPORT_SECTION = message("only for schemes with an [unpaid_support] section; add one or remove this", context=_P)
POINTS_NEGATIVE = message("must be a whole number 0 or more, got {points}", context=_P)
POINTS_TOO_MANY = message("must be {most} or less, got {points}", context=_P)
TWO_OPTIONS = message("must have at least 2 options to choose from", context=_P)
EASY_EMPTY = message("must not be empty: leave it out to use the question's own wording", context=_P)
EASY_LONG = message(
    "Easy Read needs short sentences, of at most {most} words; this one has {count}: {sentence}", context=_P
)
WHY_INDIVIDUAL = message(
    'must say why this answer needs the budget worked out individually (for example "someone awake at night"), '
    "not be empty",
    context=_P,
)
RISK_SCOTLAND = message("only for schemes in Scotland (the national eligibility framework's risk bands)", context=_P)
KEEP_SHARE = message("must be a share from 0 to 1 (1 keeps all points), got {keep}", context=_P)
KEEP_ALL = message("one option must keep all points (keep = 1), for no help", context=_P)

# Checks every section shares (checks.py).
BAD_ID = message(
    'must use only lower-case letters, digits and "-", starting with a letter or digit, got "{value}"', context=_P
)
DUPLICATE = {
    what: message(f'duplicate {what} id "{{ident}}" (first used at {{first}})', context=_P)
    for what in ("domain", "question", "option", "outcome")
}
NONE_DEFINED = message("none are defined", context=_P, note="After 'references defined:'.")
UNKNOWN_REFERENCE = message('unknown reference "{name}"; references defined: {known}', context=_P)
AT_LEAST = message("must be {minimum} or more, got {value}", context=_P)
MORE_THAN = message("must be more than {above}, got {value}", context=_P)
LESS_THAN = message("must be less than {most}, got {value}", context=_P)

# The money sections (load_money.py).
RATE_ONLY = message('only for method = "rate"; remove it or change the method', context=_P)
TABLE_ONLY = message('only for method = "table"; remove it or change the method', context=_P)
AMOUNT_NEGATIVE = message("must be 0 or more, got {amount}", context=_P)
FIRST_ROW = message("the first row must start at 0 points, got {low}", context=_P)
GAP = message('must be {next} (one more than the previous row\'s "to", {high}), got {low}: there is a gap', context=_P)
OVERLAP = message(
    'must be {next} (one more than the previous row\'s "to", {high}), got {low}: there is an overlap', context=_P
)
LESS_THAN_PREVIOUS = message(
    "must not be less than the previous row's amount ({previous}), got {amount}: more points never give less",
    context=_P,
)
TO_BELOW_FROM = message('must be {low} ("from") or more, got {high}', context=_P)
WIDTH_OR_EDGES = message('give either "width" (bands of equal size) or "edges", not both', context=_P)
WIDTH_POSITIVE = message("must be more than 0, got {width}", context=_P)
FIRST_EDGE = message("the first edge must be 0, got {edge}", context=_P)
EDGE_ORDER = message("must be more than the previous edge ({previous}), got {edge}", context=_P)
TWO_EDGES = message("must have at least 2 edges", context=_P)

# Eligibility (load_eligibility.py).
CARERS_LAW = message(
    "a carers' scheme can be checked against the carers' eligibility law of {nations} only, so far; this scheme's "
    "nation is {nation}",
    context=_P,
)
THRESHOLD_SCOTLAND = message("only for schemes in Scotland (the national eligibility framework)", context=_P)
UNKNOWN_OUTCOME = message('unknown outcome "{outcome}"; outcomes defined in eligibility.outcomes: {listed}', context=_P)
NO_OUTCOMES = message("none", context=_P, note="After 'outcomes defined in eligibility.outcomes:'.")

# Wording for someone answering for another person (them.py).
THEM_MISSING = message(
    "missing; the scheme has wording for someone answering for another person (first at {first}), so every text "
    "needs it: give {key} here, or remove that wording everywhere",
    context=_P,
)
THEM_EXTRA = message(
    "only where {base} is given (the same text for someone answering for another person); remove this", context=_P
)
