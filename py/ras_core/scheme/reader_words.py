"""The words of a data file's problems that every reader shares (`_reader.Reader`): what
was expected, what was found, a key that is unknown or missing, a text's translation.

Each is a message (`ras_core.i18n`), declared once; a problem is made as a `Said`, which
is its English as a `str` (so a scheme's problems read, compare and print in English as
always) and can be said again in another language when it is shown (`errors.InputError.
report`, `web.for_people`). The answers file's reader (`answers_reader.py`) uses the same
messages, so the two read alike in every language.
"""

from __future__ import annotations

from ..i18n import message

# A value from a file, in words ({value} is the value itself, {text} the text cut short).
BOOLEAN = message("true or false ({value})", context="value", note="{value} is true or false, as JSON writes it.")
WHOLE = message("a whole number ({value})", context="value")
NUMBER = message("a number ({value})", context="value")
NOT_NUMBER = message("not a number ({value})", context="value", note="nan or inf in a TOML file.")
TEXT = message('text ("{text}")', context="value")
DATE = message("a date ({value})", context="value")
LIST = message("a list", context="value")
TABLE = message("a table", context="value", note="A JSON object.")
NULL = message("nothing (null)", context="value", note="null is JSON's own word.")

# What a key must hold: said after "missing; expected" and "expected".
_AFTER = "After 'expected': what a key must hold."
EXPECT_TEXT = message("text", context="expected", note=_AFTER)
EXPECT_BOOLEAN = message("true or false", context="expected", note=_AFTER)
EXPECT_WHOLE = message("a whole number", context="expected", note=_AFTER)
EXPECT_NUMBER = message("a number", context="expected", note=_AFTER)
EXPECT_DATE = message("a date written as YYYY-MM-DD", context="expected", note=_AFTER)
EXPECT_TEXT_LIST = message("a list of text", context="expected", note=_AFTER)
EXPECT_NUMBER_LIST = message("a list of numbers", context="expected", note=_AFTER)
EXPECT_TABLE = message("a table", context="expected", note=_AFTER)
EXPECT_TABLES = message("a list of tables", context="expected", note=_AFTER)

# The problems.
MISSING = message("missing; expected {what}", context="problem", note="{what}: text, a number, a table.")
EXPECTED = message("expected {what}, got {got}", context="problem", note="{what} is what is allowed: a percentage.")
UNKNOWN = message(
    "unknown key; allowed keys here: {allowed}",
    context="problem",
    note="{allowed} lists the keys, as they are written.",
)
EMPTY = message("must not be empty", context="problem")
CONTROL = message("must not contain control characters, found U+{code}", context="problem")
ONE_OF = message('must be one of {allowed}, got "{value}"', context="problem", note="{allowed}: the values, quoted.")
AT_LEAST_ONE = message("must have at least one entry", context="problem")

# A JSON file that the strict reader refuses (answers and plan files alike).
CONSTANT = message("not valid JSON: {name} is not allowed", context="problem")
KEY_TWICE = message("not valid here: the key {key} appears twice", context="problem")

# A text's translation beside it (`text_cy` beside `text`).
LANGUAGE_NAMES = {"en": message("English", context="language"), "cy": message("Welsh", context="language")}
AND = message("{first} and {second}", context="languages", note="Two languages' names.")
ENGLISH_AND_WELSH = message("English and Welsh", context="languages")
ENGLISH_ONLY = message(
    '{name} is given, but this document is in English only: add "{lang}" to its languages',
    context="problem",
    note="{name} is a language's name (Welsh); {lang} its code (cy).",
)
WITHOUT_ENGLISH = message("{name} is given without the English ({key})", context="problem")
NO_TRANSLATION = message(
    "missing: this document is in {languages}, so every text needs its {name} here (the English: {english})",
    context="problem",
)
TWO_TRANSLATIONS = message(
    "the same English text has another {name} at {place}: give both the same {name}, or change the English",
    context="problem",
)
