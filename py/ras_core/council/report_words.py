"""The calibration report's words: every heading, caption and sentence of `report.py`
and its bar charts, declared once for translators (`ras_core.i18n`), so the report is
written in the language the council tools page asks for."""

from __future__ import annotations

from ..i18n import message, plural_message

SCATTER_CAPTION = message(
    "The chart's figures: cases by points, their mean current weekly cost, and the scheme's amount in the middle "
    "of each range"
)
RANGE = message("{low} to {high}", note="A range of points: 0 to 9.")
POINTS = message("Points", context="column")
CASES = message("Cases", context="column")
MEAN_COST = message("Mean current weekly cost")
MIDDLE = message("Middle (points)")
AMOUNT_THERE = message("Scheme's amount there")
BELOW = message("more than 50% below", note="Indicative minus agreed, as a share of agreed.")
BETWEEN = message("{low}% to {high}%", note="Indicative minus agreed, as a share of agreed: -10% to 0%.")
ABOVE = message("more than 50% above", note="Indicative minus agreed, as a share of agreed.")
TOO_FEW = message("too few to judge (fewer than {minimum} cases)")
FLAGGED = message("differs by more than {threshold}%: consider it in the equality impact assessment")
NO = message("no", context="flag", note="A group that is not flagged.")
GROUP_COLUMNS = (
    CASES,
    message("Mean points"),
    message("Cost per point"),
    message("Cost per point compared with all cases"),
    MEAN_COST,
    message("Mean indicative weekly budget"),
    message("Indicative as a share of current cost"),
    message("Share compared with all cases"),
)
FLAG = message("Flag", context="column")
SHIFT_COLUMNS = (
    CASES,
    message("Would go up"),
    message("Would go down"),
    message("Would stay the same"),
    message("Median change a week"),
    message("Median change, share of current cost"),
)
NOTE = message("Note", context="column")
GROUP = message("Group", context="column")
RATE_HEADING = message("Rate per point")
WARNING = message("Warning:")
BASE_ROW = message("Base amount a case (from the scheme), taken off first: {count} × {base}")
TARGET_ROW = message("Rate for the target total of {target} ({rounded})")
RATE_CAPTION = message("The rate: total current weekly cost divided by total points")
RATE_CAPTION_BASE = message("The rate: total current weekly cost, less the base amounts, divided by total points")
TOTAL_COST = message("Total current weekly cost")
TOTAL_POINTS = message("Total points (after unpaid help)")
RATE_ROW = message("Rate per point ({rounded})")
TOTAL_INDICATIVE = message("Total indicative weekly budget at the rate used")
CONTINGENCY = message("Contingency ({percent}%), a separate sum")
BAND_WIDTH = message("Suggested band width")
WORKING = message(
    "The working. The rate is {rounded} (halves up), and the scheme file holds it exactly as shown; each "
    "indicative amount uses it as written and is then rounded to the penny."
)
NEW_FILE = message("The new scheme file has version {version} and the rate {rate} a point. The old file is unchanged.")
R_SQUARED = message("R² of current cost on points")
QUARTILES = (
    message("Cost per point: lower quartile"),
    message("Cost per point: median"),
    message("Cost per point: upper quartile"),
)
NO_POINTS = message("Cases with 0 points (no cost per point)")
FIT_HEADING = message("How well points explain cost")
FIT_CAPTION = message("How well points explain current cost")
CHANGES_HEADING = message("Who would go up or down")
CHANGES = message(
    "If each case's indicative amount replaced what it costs now: {up} would go up, {down} would go down and "
    "{same} would stay the same; the median change is {change} a week. Groups with fewer than {minimum} cases are "
    "too few to judge."
)
CHANGES_CHART = message("Cases that would go up, down or stay the same")
UP, DOWN, SAME = message("would go up"), message("would go down"), message("would stay the same")
UNIT_CASES = message("cases", note="After a number in a chart's description: would go up: 12 cases.")
CHANGES_ALL = message("Changes for all cases")
CHANGES_CARE = message("Changes by care group")
CHANGES_AGE = message("Changes by age band")
ACCURACY_HEADING = message("Accuracy: indicative against agreed budgets")
NO_AGREED = message("No case has an agreed weekly budget, so accuracy cannot be checked.")
AGREED = message("{cases} cases have an agreed budget. Indicative figures come from {source}.")
CLOSE_CAPTION = message("How close indicative budgets are to agreed budgets")
MEDIAN_DIFFERENCE = message("Median difference (either way)")
MEAN_DIFFERENCE = message("Mean difference (either way)")
WITHIN_10 = message("Within 10%")
WITHIN_20 = message("Within 20%")
SHARE_OF_CASES = message("{percent}% of cases")
DIFFERENCE_CHART = message("Indicative minus agreed, as a share of agreed")
DIFFERENCE_CAPTION = message("Indicative minus agreed, as a share of agreed (the chart's figures)")
RANGE_COLUMN = message("Range", context="column")
LARGEST = plural_message("The {n} largest difference", "The {n} largest differences")
CASE = message("Case", context="column")
INDICATIVE = message("Indicative", context="column")
AGREED_COLUMN = message("Agreed", context="column")
DIFFERENCE = message("Difference", context="column")
DIFFERENCE_PERCENT = message("Difference %", context="column")
BIAS_CAPTION = message("Bias by care group: mean of (indicative minus agreed) as a share of agreed")
CARE_GROUP = message("Care group", context="column")
MEAN_DIFFERENCE_COLUMN = message("Mean difference", context="column")
FAIRNESS_HEADING = message("Fairness across groups")
FAIRNESS = message(
    "For each group: what the scheme would give (the indicative amounts) as a share of what its cases cost now, "
    "compared with the same share for all cases ({share}%). A group whose share differs by more than {threshold}% "
    "is flagged as a prompt for the equality impact assessment; a group with fewer than {minimum} cases is too few "
    "to judge and is not flagged. Cost per point is shown too (all cases: {cost})."
)
FAIRNESS_CHART = message("Indicative as a share of current cost, by care group (groups large enough to judge)")
FAIRNESS_AXIS = message("Indicative as a share of current cost (%)")
BY_CARE = message("By care group")
BY_AGE = message("By age band")
TITLE = message("Calibration of {title}, version {version}")
ROWS = plural_message(
    "{rows} rows read: {n:,} case used, {rejected} rows not used (listed below).",
    "{rows} rows read: {n:,} cases used, {rejected} rows not used (listed below).",
)
BLANK = plural_message("{n:,} blank line was skipped.", "{n:,} blank lines were skipped.")
NOT_USED_HEADING = message("Rows not used")
ALL_USED = message("Every row was used.")
MORE_PROBLEMS = message("And {count} more problems.")
COLUMNS_NOT_USED = message("Columns not used: {columns}.")
PAGE_TITLE = message("Calibration report: {title}")
PAGE_HEADING = message("Calibration report")
