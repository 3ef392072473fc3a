"""The calibration's own sentences (`calibrate.py`): the problems that stop it, its
warnings and the rate's working, declared once for translators (`ras_core.i18n`)."""

from __future__ import annotations

from ..i18n import message

NO_ROWS = message("No row could be used, so there is nothing to calibrate from. See the problems listed.")
NO_POINTS = message("The cases have 0 points in all, so a rate per point cannot be worked out.")
NO_COST = message(
    "The cases cost £0.00 in all, so a rate per point cannot be worked out. Check the current_weekly_cost column."
)
LOWER = message(
    "The target total gives a lower rate than current costs do: {target} a point against {rate} ({lower}% less). "
    "A lower rate does not lower what people need: {sufficient}. The indicative amount is a starting point, never "
    "a cap."
)
TABLE = message(
    "This scheme uses a points table, which a rate cannot change, so no new scheme file is made: the report checks "
    "the table's amounts against these cases. The rate per point shown is what these cases cost a point, for "
    "comparison."
)
TARGET_UNUSED = message("The target total ({target}) was not used: it sets a rate, and this scheme has a table.")
RATE_LABEL = message("Rate per point")
TARGET_LABEL = message("Rate for the target total")
LESS_BASE = message(
    "{total} − {count} cases × {base} base amount", note="Part of the rate's sum: the total less the base amounts."
)
IN_BRACKETS = message("({sum})", note="A sum in brackets, before it is divided.")
EXACTLY = message("{label}: {sum} ÷ {points} points = {rate} a point, exactly.")
ROUNDED_RATE = message(
    "{label}: {sum} ÷ {points} points = {exact}, {rounded}: {rate} a point.",
    note="{exact} may end in ... where the division does not end.",
)
TARGET_TOTAL = message("the target total")
TOTAL_COST = message("the total current weekly cost")
LARGER_TARGET = message("Give a larger target total.")
CHECK_COST = message("Check the current_weekly_cost column.")
CHECK_BASE = message("Check the base amount and the current_weekly_cost column.")
BASE_TOO_LARGE = message(
    "The base amount of {base} for each of the {count} cases comes to {bases}, as much as {what} ({total}) or more, "
    "so nothing is left to pay for points. {check}"
)
ZERO_RATE = message(
    "The rate per point would be £0.00 ({total}{less} / {points} points, {rounded}), and a rate must be more than "
    "£0. {check}"
)
FROM_COLUMN = message("the indicative_weekly_budget column", note="Where a calibration's indicative figures come from.")
FROM_SCHEME = message("the scheme's current {method}", note="Where a calibration's indicative figures come from.")
TABLE_METHOD = message("table", context="method", note="The scheme's current table (of points and amounts).")
RATE_METHOD = message("rate of {rate} a point", note="The scheme's current rate of £5.1207 a point.")
BASE_METHOD = message(
    "base amount of {base} and rate of {rate} a point", note="The scheme's current base amount of £50.00 and ..."
)
