"""The calibration report as HTML a council can take to committee.

Each chart is an SVG with a title and a description (role="img"), followed by a table
of the same figures, so nothing is shown only as a picture. Every piece of text from
the cases file is escaped. `report_html(..., page=True)` gives a whole document with
its own small stylesheet (for report.html); `page=False` gives the fragment the
browser's council tools page shows inside the site, styled by the site.
"""

from __future__ import annotations

import itertools
from decimal import Decimal
from html import escape

from ..scheme import money
from .calibrate import Calibration, Group
from .cases import MAX_ROWS_LISTED, as_text

WIDTH, HEIGHT, PAD = 640, 360, 48
MAX_DOTS = 2000

STYLE = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #0b0c0c; }
table { border-collapse: collapse; margin: 1rem 0 2rem; }
th, td { border-bottom: 1px solid #b1b4b6; padding: 0.3rem 0.8rem 0.3rem 0; text-align: left; }
td.num, th.num { text-align: right; }
.flag { font-weight: 700; }
svg { max-width: 100%; height: auto; }
"""


def _num(value: Decimal | int | str) -> str:
    return f'<td class="num openras-num">{escape(str(value))}</td>'


def _scale(value: Decimal | int, low: Decimal | int, high: Decimal | int, out_low: float, out_high: float) -> Decimal:
    """A value's place on the drawing, in SVG units (Decimal: the core uses no floats)."""
    start, end = Decimal(str(out_low)), Decimal(str(out_high))
    if high == low:
        return start
    return start + (Decimal(value) - low) / (Decimal(high) - low) * (end - start)


def scatter(result: Calibration) -> str:
    """Points against current weekly cost, with the fitted rate as a line."""
    pairs = result.points_and_costs
    step = max(1, len(pairs) // MAX_DOTS)
    shown = pairs[::step]
    max_points = max((p for p, _ in pairs), default=1) or 1
    max_cost = max((c for _, c in pairs), default=Decimal(1)) or Decimal(1)
    dots = []
    for points, cost in shown:
        x = _scale(points, 0, max_points, PAD, WIDTH - PAD / 2)
        y = _scale(cost, 0, max_cost, HEIGHT - PAD, PAD / 2)
        dots.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5" fill="#1d70b8" fill-opacity="0.5"/>')
    line_end = result.rate_used * max_points
    x2 = Decimal(str(WIDTH - PAD / 2))
    y2 = _scale(line_end, 0, max_cost, HEIGHT - PAD, PAD / 2)
    if y2 < Decimal(str(PAD / 2)):
        x2 = _scale(max_cost / result.rate_used, 0, max_points, PAD, WIDTH - PAD / 2)
        y2 = Decimal(str(PAD / 2))
    sample = "" if step == 1 else f" Every {step}th case is drawn ({len(shown):,} of {len(pairs):,})."
    return f"""
<figure>
  <svg viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="scatter-title scatter-desc">
    <title id="scatter-title">Points against current weekly cost</title>
    <desc id="scatter-desc">Each dot is a case: its points across, its current weekly cost up. The line is the rate
    of {money.pounds_exact(result.rate_used)} a point.{sample}</desc>
    <line x1="{PAD}" y1="{HEIGHT - PAD}" x2="{WIDTH - PAD / 2}" y2="{HEIGHT - PAD}" stroke="currentColor"/>
    <line x1="{PAD}" y1="{HEIGHT - PAD}" x2="{PAD}" y2="{PAD / 2}" stroke="currentColor"/>
    <text x="{WIDTH / 2}" y="{HEIGHT - 12}" text-anchor="middle" fill="currentColor">Points (0 to {max_points})</text>
    <text x="14" y="{HEIGHT / 2}" text-anchor="middle" fill="currentColor" transform="rotate(-90 14 {HEIGHT / 2})">Current weekly cost (£0 to {money.pounds(max_cost)})</text>
    {"".join(dots)}
    <line x1="{PAD}" y1="{HEIGHT - PAD}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#d4351c" stroke-width="3"/>
  </svg>
  <figcaption>Points against current weekly cost, with the rate per point as a line.{sample}</figcaption>
</figure>"""


def scatter_table(result: Calibration) -> str:
    """The scatter chart's figures: cases by points range, their mean cost, and the rate line."""
    pairs = result.points_and_costs
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
        middle = Decimal(low + high) / 2
        rows.append(
            f"<tr><th scope='row'>{low} to {high}</th>{_num(f'{len(costs):,}')}{_num(money.pounds_exact(mean))}"
            f"{_num(money.pounds_exact(money.to_pence(middle * result.rate_used)))}</tr>"
        )
    return f"""
<table class="openras-table">
  <caption>The chart's figures: cases by points, their mean current weekly cost, and the rate at the middle of each range</caption>
  <thead><tr><th scope="col">Points</th><th scope="col" class="num openras-num">Cases</th>
  <th scope="col" class="num openras-num">Mean current weekly cost</th>
  <th scope="col" class="num openras-num">Rate line</th></tr></thead>
  <tbody>{"".join(rows)}</tbody>
</table>"""


def _difference_bands(result: Calibration) -> list[tuple[str, int]]:
    """How many cases' indicative budgets are within each range of their agreed budgets."""
    edges = [-50, -20, -10, 0, 10, 20, 50]
    labels = ["more than 50% below"]
    labels += [f"{a}% to {b}%" for a, b in itertools.pairwise(edges)]
    labels.append("more than 50% above")
    counts = [0] * len(labels)
    rate = result.scheme.allocation.rate_per_point.value if result.scheme.allocation.rate_per_point else None
    base = result.scheme.allocation.base.value if result.scheme.allocation.base else Decimal(0)
    for case in result.cases.cases:
        if case.agreed is None or case.agreed == 0:
            continue
        indicative = case.indicative
        if indicative is None and rate is not None:
            indicative = money.to_pence(base + case.points * rate)
        if indicative is None:
            continue
        pct = (indicative - case.agreed) / case.agreed * 100
        if pct < edges[0]:
            counts[0] += 1
        elif pct >= edges[-1]:
            counts[-1] += 1
        else:
            for i in range(len(edges) - 1):
                if edges[i] <= pct < edges[i + 1]:
                    counts[i + 1] += 1
                    break
    return list(zip(labels, counts, strict=True))


def bars(title: str, ident: str, items: list[tuple[str, int]], unit: str) -> str:
    """A horizontal bar chart with its title and description."""
    if not items:
        return ""
    top = max(count for _, count in items) or 1
    row = 28
    height = PAD + row * len(items)
    drawn = []
    for i, (label, count) in enumerate(items):
        y = PAD / 2 + i * row
        width = _scale(count, 0, top, 0, WIDTH - 260)
        drawn.append(
            f'<text x="190" y="{y + 17}" text-anchor="end" fill="currentColor">{escape(label)}</text>'
            f'<rect x="200" y="{y + 4}" width="{width:.1f}" height="18" fill="#1d70b8"/>'
            f'<text x="{206 + width:.1f}" y="{y + 17}" fill="currentColor">{count:,}</text>'
        )
    summary = "; ".join(f"{label}: {count:,} {unit}" for label, count in items)
    return f"""
<figure>
  <svg viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="{ident}-title {ident}-desc">
    <title id="{ident}-title">{escape(title)}</title>
    <desc id="{ident}-desc">{escape(summary)}</desc>
    {"".join(drawn)}
  </svg>
  <figcaption>{escape(title)}</figcaption>
</figure>"""


def _group_table(caption: str, groups: tuple[Group, ...], threshold: Decimal) -> str:
    rows = []
    for g in groups:
        flag = (
            f'<strong class="flag">differs by more than {threshold}%: consider it in the equality impact assessment</strong>'
            if g.flagged
            else "no"
        )
        cpp = "—" if g.cost_per_point is None else money.pounds_exact(g.cost_per_point)
        differs = "—" if g.differs_by is None else f"{g.differs_by:+}%"
        rows.append(
            f"<tr><th scope='row'>{escape(as_text(g.name))}</th>{_num(g.cases)}{_num(g.mean_points)}{_num(cpp)}{_num(differs)}"
            f"{_num(money.pounds_exact(g.mean_current_cost))}{_num(money.pounds_exact(g.mean_indicative))}<td>{flag}</td></tr>"
        )
    return f"""
<table class="openras-table">
  <caption>{escape(caption)}</caption>
  <thead><tr><th scope="col">Group</th><th scope="col" class="num openras-num">Cases</th>
  <th scope="col" class="num openras-num">Mean points</th><th scope="col" class="num openras-num">Cost per point</th>
  <th scope="col" class="num openras-num">Compared with all cases</th>
  <th scope="col" class="num openras-num">Mean current weekly cost</th>
  <th scope="col" class="num openras-num">Mean indicative weekly budget</th><th scope="col">Flag</th></tr></thead>
  <tbody>{"".join(rows)}</tbody>
</table>"""


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
    target = ""
    if result.rate_for_target is not None and result.target_total is not None:
        target = (
            f"<tr><th scope='row'>Rate for the target total of {money.pounds_exact(result.target_total)}</th>"
            f"{_num(money.pounds_exact(result.rate_for_target))}</tr>"
        )
    parts.append(f"""
<h3>Rate per point</h3>
<table class="openras-table">
  <caption>The rate: total current weekly cost divided by total points</caption>
  <tbody>
    <tr><th scope="row">Total current weekly cost</th>{_num(money.pounds_exact(result.total_cost))}</tr>
    <tr><th scope="row">Total points (after unpaid help)</th>{_num(f"{result.total_points:,}")}</tr>
    <tr><th scope="row">Rate per point (to the nearest penny)</th>{_num(money.pounds_exact(result.rate_per_point))}</tr>
    {target}
    <tr><th scope="row">Total indicative weekly budget at {money.pounds_exact(result.rate_used)} a point</th>{_num(money.pounds_exact(result.total_indicative))}</tr>
    <tr><th scope="row">Contingency ({result.contingency_percent}%), a separate sum</th>{_num(money.pounds_exact(result.contingency))}</tr>
    <tr><th scope="row">Suggested band width</th>{_num(money.pounds(result.band_width))}</tr>
  </tbody>
</table>""")
    if new_version:
        parts.append(
            f"<p>The new scheme file has version {escape(new_version)} and the rate "
            f"{money.pounds_exact(result.rate_used)} a point. The old file is unchanged.</p>"
        )
    parts.append(scatter(result))
    parts.append(scatter_table(result))

    accuracy = result.accuracy
    parts.append("<h3>Accuracy: indicative against agreed budgets</h3>")
    if accuracy is None:
        parts.append("<p>No case has an agreed weekly budget, so accuracy cannot be checked.</p>")
    else:
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
        parts.append(bars("Indicative minus agreed, as a share of agreed", "difference", distribution, "cases"))
        rows = "".join(
            f"<tr><th scope='row'>{escape(as_text(c))}</th>{_num(money.pounds_exact(i))}{_num(money.pounds_exact(a))}"
            f"{_num(money.pounds_exact(d))}{_num(f'{p:+}%')}</tr>"
            for c, i, a, d, p in accuracy.largest
        )
        parts.append(f"""
<table class="openras-table">
  <caption>Indicative minus agreed, as a share of agreed (the chart's figures)</caption>
  <thead><tr><th scope="col">Range</th><th scope="col" class="num openras-num">Cases</th></tr></thead>
  <tbody>{"".join(f"<tr><th scope='row'>{escape(label)}</th>{_num(count)}</tr>" for label, count in distribution)}</tbody>
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
  <th scope="col" class="num openras-num">Mean difference</th></tr></thead>
  <tbody>{"".join(f"<tr><th scope='row'>{escape(as_text(g))}</th>{_num(n)}{_num(f'{b:+}%')}</tr>" for g, n, b in accuracy.bias_by_group)}</tbody>
</table>""")

    parts.append(
        f"<h3>Fairness across groups</h3><p>Cost per point for each group, compared with all cases "
        f"({money.pounds_exact(result.exact_rate)}). A group that differs by more than "
        f"{result.fairness_threshold}% is flagged as a prompt for the equality impact assessment.</p>"
    )
    parts.append(
        bars(
            "Cost per point by care group, in pence",
            "groups",
            [(as_text(g.name), int((g.cost_per_point or Decimal(0)) * 100)) for g in result.by_care_group],
            "pence a point",
        )
    )
    parts.append(_group_table("By care group", result.by_care_group, result.fairness_threshold))
    parts.append(_group_table("By age band", result.by_age_band, result.fairness_threshold))

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
