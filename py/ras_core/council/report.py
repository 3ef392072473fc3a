"""The calibration report as HTML a council can take to committee.

In order: the rate and its working (with any warning first), points against cost,
how well points explain cost, who would go up or down, accuracy, fairness, and the
rows not used. Each chart (`charts.py`) is an SVG with a title and a description (role="img"), followed by a table
of the same figures, so nothing is shown only as a picture. Every piece of text from
the cases file is escaped. `report_html(..., page=True)` gives a whole document with
its own small stylesheet (for report.html); `page=False` gives the fragment the
browser's council tools page shows inside the site, styled by the site.
"""

from __future__ import annotations

import itertools
from decimal import Decimal
from html import escape

from ..estimate.figures import amount_for
from ..scheme import money
from .calibrate import ROUNDED, Calibration, Group, pounds_rate, rate_working, with_rate
from .cases import MAX_ROWS_LISTED, as_text
from .charts import bars, scatter
from .stats import Shift, fit_sentence, two_places

STYLE = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #0b0c0c; }
table { border-collapse: collapse; margin: 1rem 0 2rem; }
th, td { border-bottom: 1px solid #b1b4b6; padding: 0.3rem 0.8rem 0.3rem 0; text-align: left; }
td.num, th.num { text-align: right; }
.flag, .openras-warning strong { font-weight: 700; }
.openras-warning { border-left: 5px solid #d4351c; padding-left: 0.8rem; }
svg { max-width: 100%; height: auto; }
"""


def _num(value: Decimal | int | str) -> str:
    return f'<td class="num openras-num">{escape(str(value))}</td>'


def scatter_table(result: Calibration) -> str:
    """The scatter chart's figures: cases by points range, their mean cost, and the scheme's amount."""
    pairs = result.points_and_costs
    rated = with_rate(result.scheme, result.rate_used)
    top = max((p for p, _ in pairs), default=0)
    size = max(1, -(-(top + 1) // 10))  # ten ranges of whole points
    buckets: dict[int, list[Decimal]] = {}
    for points, cost in pairs:
        buckets.setdefault(points // size, []).append(cost)
    rows = []
    for index in sorted(buckets):
        low, high = index * size, index * size + size - 1
        costs = buckets[index]
        mean = money.to_pence(sum(costs, Decimal(0)) / len(costs))
        middle = (low + high) // 2
        rows.append(
            f"<tr><th scope='row'>{low} to {high}</th>{_num(f'{len(costs):,}')}{_num(money.pounds_exact(mean))}"
            f"{_num(middle)}{_num(money.pounds_exact(amount_for(rated, middle)))}</tr>"
        )
    return f"""
<table class="openras-table">
  <caption>The chart's figures: cases by points, their mean current weekly cost, and the scheme's amount in the middle of each range</caption>
  <thead><tr><th scope="col">Points</th><th scope="col" class="num openras-num">Cases</th>
  <th scope="col" class="num openras-num">Mean current weekly cost</th>
  <th scope="col" class="num openras-num">Middle (points)</th>
  <th scope="col" class="num openras-num">Scheme's amount there</th></tr></thead>
  <tbody>{"".join(rows)}</tbody>
</table>"""


def _difference_bands(result: Calibration) -> list[tuple[str, int]]:
    """How many cases' indicative budgets (as in the accuracy check) are within each range of their agreed."""
    edges = [-50, -20, -10, 0, 10, 20, 50]
    labels = ["more than 50% below"]
    labels += [f"{a}% to {b}%" for a, b in itertools.pairwise(edges)]
    labels.append("more than 50% above")
    counts = [0] * len(labels)
    for case in result.cases.cases:
        if case.agreed is None or case.agreed == 0:
            continue
        indicative = case.indicative if case.indicative is not None else amount_for(result.scheme, case.points)
        pct = (indicative - case.agreed) / case.agreed * 100
        counts[sum(1 for edge in edges if pct >= edge)] += 1
    return list(zip(labels, counts, strict=True))


TOO_FEW = "too few to judge"


def _group_table(caption: str, groups: tuple[Group, ...], threshold: Decimal, minimum: int) -> str:
    rows = []
    for g in groups:
        if g.too_few:
            flag = f"{TOO_FEW} (fewer than {minimum:,} cases)"
        elif g.flagged:
            flag = (
                f'<strong class="flag">differs by more than {threshold}%: consider it in the equality impact '
                "assessment</strong>"
            )
        else:
            flag = "no"
        cpp = "—" if g.cost_per_point is None else money.pounds_exact(g.cost_per_point)
        differs = "—" if g.differs_by is None else f"{g.differs_by:+}%"
        share = "—" if g.share is None else f"{g.share}%"
        share_differs = "—" if g.share_differs_by is None else f"{g.share_differs_by:+}%"
        rows.append(
            f"<tr><th scope='row'>{escape(as_text(g.name))}</th>{_num(g.cases)}{_num(g.mean_points)}{_num(cpp)}"
            f"{_num(differs)}{_num(money.pounds_exact(g.mean_current_cost))}"
            f"{_num(money.pounds_exact(g.mean_indicative))}{_num(share)}{_num(share_differs)}<td>{flag}</td></tr>"
        )
    numbers = (
        "Cases",
        "Mean points",
        "Cost per point",
        "Cost per point compared with all cases",
        "Mean current weekly cost",
        "Mean indicative weekly budget",
        "Indicative as a share of current cost",
        "Share compared with all cases",
    )
    return _groups(caption, numbers, "Flag", rows)


def _shift_table(caption: str, shifts: tuple[Shift, ...], minimum: int) -> str:
    rows = []
    for s in shifts:
        percent = "—" if s.median_percent is None else f"{s.median_percent:+}%"
        note = f"{TOO_FEW} (fewer than {minimum:,} cases)" if s.too_few else ""
        rows.append(
            f"<tr><th scope='row'>{escape(as_text(s.name))}</th>{_num(s.cases)}{_num(s.up)}{_num(s.down)}"
            f"{_num(s.same)}{_num(_signed(s.median_change))}{_num(percent)}<td>{note}</td></tr>"
        )
    numbers = (
        "Cases",
        "Would go up",
        "Would go down",
        "Would stay the same",
        "Median change a week",
        "Median change, share of current cost",
    )
    return _groups(caption, numbers, "Note", rows)


def _groups(caption: str, numbers: tuple[str, ...], last: str, rows: list[str]) -> str:
    """A table of groups: a name, columns of numbers, and a last column of words."""
    heads = "".join(f'<th scope="col" class="num openras-num">{escape(n)}</th>' for n in numbers)
    return f"""
<table class="openras-table">
  <caption>{escape(caption)}</caption>
  <thead><tr><th scope="col">Group</th>{heads}<th scope="col">{escape(last)}</th></tr></thead>
  <tbody>{"".join(rows)}</tbody>
</table>"""


def _signed(amount: Decimal) -> str:
    """A change in money: "+£1.20", "-£3.00", "£0.00"."""
    sign = "+" if amount > 0 else "-" if amount < 0 else ""
    return f"{sign}{money.pounds_exact(abs(amount))}"


def _rate_section(result: Calibration, new_version: str | None) -> list[str]:
    parts = ["<h3>Rate per point</h3>"]
    parts += [f'<p class="openras-warning"><strong>Warning:</strong> {escape(w)}</p>' for w in result.warnings]
    base = ""
    if result.base:
        base = (
            f"<tr><th scope='row'>Base amount a case (from the scheme), taken off first: "
            f"{len(result.cases.cases):,} × {money.pounds_exact(result.base)}</th>"
            f"{_num(money.pounds_exact(len(result.cases.cases) * result.base))}</tr>"
        )
    target = ""
    if result.rate_for_target is not None and result.target_total is not None:
        target = (
            f"<tr><th scope='row'>Rate for the target total of {money.pounds_exact(result.target_total)} "
            f"({ROUNDED})</th>{_num(pounds_rate(result.rate_for_target))}</tr>"
        )
    less = " less the base amounts," if result.base else ""
    parts.append(f"""
<table class="openras-table">
  <caption>The rate: total current weekly cost,{less} divided by total points</caption>
  <tbody>
    <tr><th scope="row">Total current weekly cost</th>{_num(money.pounds_exact(result.total_cost))}</tr>
    {base}
    <tr><th scope="row">Total points (after unpaid help)</th>{_num(f"{result.total_points:,}")}</tr>
    <tr><th scope="row">Rate per point ({ROUNDED})</th>{_num(pounds_rate(result.rate_per_point))}</tr>
    {target}
    <tr><th scope="row">Total indicative weekly budget at the rate used</th>{_num(money.pounds_exact(result.total_indicative))}</tr>
    <tr><th scope="row">Contingency ({result.contingency_percent}%), a separate sum</th>{_num(money.pounds_exact(result.contingency))}</tr>
    <tr><th scope="row">Suggested band width</th>{_num(money.pounds(result.band_width))}</tr>
  </tbody>
</table>""")
    working = "".join(f"<li>{escape(line)}</li>" for line in rate_working(result))
    parts.append(
        f"<p>The working. The rate is {ROUNDED} (halves up), and the scheme file holds it exactly as shown; "
        f"each indicative amount uses it as written and is then rounded to the penny.</p><ul>{working}</ul>"
    )
    if new_version:
        parts.append(
            f"<p>The new scheme file has version {escape(new_version)} and the rate "
            f"{pounds_rate(result.rate_used)} a point. The old file is unchanged.</p>"
        )
    return parts


def _fit_section(result: Calibration) -> list[str]:
    fit = result.fit
    rows = [("Cases", f"{fit.cases:,}")]
    rows.append(("R² of current cost on points", "—" if fit.r_squared is None else f"{two_places(fit.r_squared)}"))
    if fit.cost_per_point_quartiles is not None:
        for label, value in zip(
            ("Lower quartile", "Median", "Upper quartile"), fit.cost_per_point_quartiles, strict=True
        ):
            rows.append((f"Cost per point: {label.lower()}", money.pounds_exact(value)))
    if fit.cases_without_points:
        rows.append(("Cases with 0 points (no cost per point)", f"{fit.cases_without_points:,}"))
    body = "".join(f"<tr><th scope='row'>{escape(label)}</th>{_num(value)}</tr>" for label, value in rows)
    return [
        "<h3>How well points explain cost</h3>",
        f"<p>{escape(fit_sentence(fit))}</p>",
        f'<table class="openras-table"><caption>How well points explain current cost</caption><tbody>{body}</tbody></table>',
    ]


def _changes_section(result: Calibration) -> list[str]:
    overall = result.shifts.overall
    minimum = result.min_group_size
    return [
        "<h3>Who would go up or down</h3>",
        f"<p>If each case's indicative amount replaced what it costs now: {overall.up:,} would go up, "
        f"{overall.down:,} would go down and {overall.same:,} would stay the same; the median change is "
        f"{escape(_signed(overall.median_change))} a week. Groups with fewer than {minimum:,} cases are too few "
        "to judge.</p>",
        bars(
            "Cases that would go up, down or stay the same",
            "changes",
            [("would go up", overall.up), ("would go down", overall.down), ("would stay the same", overall.same)],
            "cases",
            "Cases",
        ),
        _shift_table("Changes for all cases", (overall,), 0),
        _shift_table("Changes by care group", result.shifts.by_care_group, minimum),
        _shift_table("Changes by age band", result.shifts.by_age_band, minimum),
    ]


def _accuracy_section(result: Calibration) -> list[str]:
    accuracy = result.accuracy
    parts = ["<h3>Accuracy: indicative against agreed budgets</h3>"]
    if accuracy is None:
        return [*parts, "<p>No case has an agreed weekly budget, so accuracy cannot be checked.</p>"]
    distribution = _difference_bands(result)
    parts.append(f"""
<p>{accuracy.cases:,} cases have an agreed budget. Indicative figures come from {escape(accuracy.source)}.</p>
<table class="openras-table">
  <caption>How close indicative budgets are to agreed budgets</caption>
  <tbody>
    <tr><th scope="row">Median difference (either way)</th>{_num(f"{accuracy.median_abs_pct}%")}</tr>
    <tr><th scope="row">Mean difference (either way)</th>{_num(f"{accuracy.mean_abs_pct}%")}</tr>
    <tr><th scope="row">Within 10%</th>{_num(f"{accuracy.within_10}% of cases")}</tr>
    <tr><th scope="row">Within 20%</th>{_num(f"{accuracy.within_20}% of cases")}</tr>
  </tbody>
</table>""")
    parts.append(bars("Indicative minus agreed, as a share of agreed", "difference", distribution, "cases", "Cases"))
    rows = "".join(
        f"<tr><th scope='row'>{escape(as_text(c))}</th>{_num(money.pounds_exact(i))}{_num(money.pounds_exact(a))}"
        f"{_num(money.pounds_exact(d))}{_num(f'{p:+}%')}</tr>"
        for c, i, a, d, p in accuracy.largest
    )
    minimum = result.min_group_size
    bias = "".join(
        f"<tr><th scope='row'>{escape(as_text(g))}</th>{_num(n)}{_num(f'{b:+}%')}"
        f"<td>{f'{TOO_FEW} (fewer than {minimum:,} cases)' if n < minimum else ''}</td></tr>"
        for g, n, b in accuracy.bias_by_group
    )
    ranges = "".join(f"<tr><th scope='row'>{escape(label)}</th>{_num(count)}</tr>" for label, count in distribution)
    parts.append(f"""
<table class="openras-table">
  <caption>Indicative minus agreed, as a share of agreed (the chart's figures)</caption>
  <thead><tr><th scope="col">Range</th><th scope="col" class="num openras-num">Cases</th></tr></thead>
  <tbody>{ranges}</tbody>
</table>
<table class="openras-table">
  <caption>The {len(accuracy.largest)} largest differences</caption>
  <thead><tr><th scope="col">Case</th><th scope="col" class="num openras-num">Indicative</th>
  <th scope="col" class="num openras-num">Agreed</th><th scope="col" class="num openras-num">Difference</th>
  <th scope="col" class="num openras-num">Difference %</th></tr></thead>
  <tbody>{rows}</tbody>
</table>
<table class="openras-table">
  <caption>Bias by care group: mean of (indicative minus agreed) as a share of agreed</caption>
  <thead><tr><th scope="col">Care group</th><th scope="col" class="num openras-num">Cases</th>
  <th scope="col" class="num openras-num">Mean difference</th><th scope="col">Note</th></tr></thead>
  <tbody>{bias}</tbody>
</table>""")
    return parts


def _fairness_section(result: Calibration) -> list[str]:
    threshold, minimum = result.fairness_threshold, result.min_group_size
    judged = [g for g in result.by_care_group if not g.too_few]
    return [
        "<h3>Fairness across groups</h3>",
        f"<p>For each group: what the scheme would give (the indicative amounts) as a share of what its cases "
        f"cost now, compared with the same share for all cases "
        f"({money.round_tenth(result.total_indicative / result.total_cost * 100)}%). A group whose share differs "
        f"by more than {threshold}% is flagged as a prompt for the equality impact assessment; a group with fewer "
        f"than {minimum:,} cases is too few to judge and is not flagged. Cost per point is shown too (all cases: "
        f"{money.pounds_exact(result.cost_per_point)}).</p>",
        bars(
            "Indicative as a share of current cost, by care group (groups large enough to judge)",
            "groups",
            [(as_text(g.name), int(g.share or 0)) for g in judged],
            "%",
            "Indicative as a share of current cost (%)",
        ),
        _group_table("By care group", result.by_care_group, threshold, minimum),
        _group_table("By age band", result.by_age_band, threshold, minimum),
    ]


def report_html(result: Calibration, *, page: bool = True, new_version: str | None = None) -> str:
    scheme = result.scheme
    cases = result.cases
    used = len(cases.cases)
    rejected_rows = sorted({p.row for p in cases.problems})
    parts = [f"<h2>Calibration of {escape(scheme.title)}, version {escape(scheme.version)}</h2>"]
    blank = f" {cases.blank_lines:,} blank lines were skipped." if cases.blank_lines else ""
    parts.append(
        f"<p>{cases.rows_read:,} rows read: <strong>{used:,} {'case' if used == 1 else 'cases'} used</strong>, "
        f"{len(rejected_rows):,} rows not used (listed below).{blank}</p>"
    )
    parts += _rate_section(result, new_version)
    parts.append(scatter(result))
    parts.append(scatter_table(result))
    parts += _fit_section(result)
    parts += _changes_section(result)
    parts += _accuracy_section(result)
    parts += _fairness_section(result)
    parts.append("<h3>Rows not used</h3>")
    if not cases.problems:
        parts.append("<p>Every row was used.</p>")
    else:
        listed = cases.problems[:MAX_ROWS_LISTED]
        more = (
            ""
            if len(cases.problems) <= MAX_ROWS_LISTED
            else f"<p>And {len(cases.problems) - MAX_ROWS_LISTED:,} more problems.</p>"
        )
        items = "".join(f"<li>{escape(str(p))}</li>" for p in listed)
        parts.append(f"<ul>{items}</ul>{more}")
    if cases.ignored_columns:
        parts.append("<p>Columns not used: " + escape(", ".join(as_text(c) for c in cases.ignored_columns)) + ".</p>")
    body = "\n".join(parts)
    if not page:
        return body
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>Calibration report: {escape(scheme.title)}</title><style>{STYLE}</style></head>"
        f"<body><main><h1>Calibration report</h1>{body}</main></body></html>\n"
    )
