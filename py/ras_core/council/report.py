"""The calibration report as HTML a council can take to committee.

In order: the rate and its working (with any warning first), points against cost,
how well points explain cost, who would go up or down, accuracy, fairness, and the
rows not used. Each chart (`charts.py`) is an SVG with a title and a description (role="img"), followed by a table
of the same figures, so nothing is shown only as a picture. Every piece of text from
the cases file is escaped. `report_html(..., page=True)` gives a whole document with
its own small stylesheet (for report.html); `page=False` gives the fragment the
browser's council tools page shows inside the site, styled by the site. Every sentence,
caption and heading is a message (`ras_core.i18n`), declared once below, and the report
is written in the language asked for (`lang`: the council tools page's); the figures
are the same in each.
"""

from __future__ import annotations

import itertools
from decimal import Decimal
from html import escape

from ..estimate.figures import amount_for
from ..i18n import SOURCE, said_in
from ..scheme import money
from . import report_words as w
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
.openras-scroll { overflow-x: auto; }
.openras-scroll:focus-visible { outline: 3px solid #ffdd00; }
"""


def _table(caption: str, rows: str, heads: str = "") -> str:
    """A table with its caption, its column headings (a row of them, if any) and rows.
    It scrolls sideways in its own region on a narrow screen, so the page itself never
    does (WCAG 1.4.10); the region, named by the caption, can be reached and scrolled
    with the keyboard."""
    named = escape(caption)
    thead = f"\n  <thead><tr>{heads}</tr></thead>" if heads else ""
    return f"""
<div class="openras-scroll" role="region" tabindex="0" aria-label="{named}"><table class="openras-table">
  <caption>{named}</caption>{thead}
  <tbody>{rows}</tbody>
</table></div>"""


def _num(value: Decimal | int | str) -> str:
    return f'<td class="num openras-num">{escape(str(value))}</td>'


def scatter_table(result: Calibration, lang: str = SOURCE) -> str:
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
            f"<tr><th scope='row'>{w.RANGE.say(lang, low=low, high=high)}</th>"
            f"{_num(f'{len(costs):,}')}{_num(money.pounds_exact(mean))}"
            f"{_num(middle)}{_num(money.pounds_exact(amount_for(rated, middle)))}</tr>"
        )
    heads = _heads(*(m.say(lang) for m in (w.POINTS, w.CASES, w.MEAN_COST, w.MIDDLE, w.AMOUNT_THERE)))
    return _table(w.SCATTER_CAPTION.say(lang), "".join(rows), heads)


def _difference_bands(result: Calibration, lang: str) -> list[tuple[str, int]]:
    """How many cases' indicative budgets (as in the accuracy check) are within each range of their agreed."""
    edges = [-50, -20, -10, 0, 10, 20, 50]
    labels = [w.BELOW.say(lang)]
    labels += [w.BETWEEN.say(lang, low=a, high=b) for a, b in itertools.pairwise(edges)]
    labels.append(w.ABOVE.say(lang))
    counts = [0] * len(labels)
    for case in result.cases.cases:
        if case.agreed is None or case.agreed == 0:
            continue
        indicative = case.indicative if case.indicative is not None else amount_for(result.scheme, case.points)
        pct = (indicative - case.agreed) / case.agreed * 100
        counts[sum(1 for edge in edges if pct >= edge)] += 1
    return list(zip(labels, counts, strict=True))


def _name(name: str, lang: str) -> str:
    """A group's or case's name from the file, shown safely ("not given" in `lang`)."""
    return escape(said_in(as_text(name), lang))


def _group_table(caption: str, groups: tuple[Group, ...], threshold: Decimal, minimum: int, lang: str) -> str:
    rows = []
    for g in groups:
        if g.too_few:
            flag = escape(w.TOO_FEW.say(lang, minimum=f"{minimum:,}"))
        elif g.flagged:
            flag = f'<strong class="flag">{escape(w.FLAGGED.say(lang, threshold=threshold))}</strong>'
        else:
            flag = escape(w.NO.say(lang))
        cpp = "—" if g.cost_per_point is None else money.pounds_exact(g.cost_per_point)
        differs = "—" if g.differs_by is None else f"{g.differs_by:+}%"
        share = "—" if g.share is None else f"{g.share}%"
        share_differs = "—" if g.share_differs_by is None else f"{g.share_differs_by:+}%"
        rows.append(
            f"<tr><th scope='row'>{_name(g.name, lang)}</th>{_num(g.cases)}{_num(g.mean_points)}{_num(cpp)}"
            f"{_num(differs)}{_num(money.pounds_exact(g.mean_current_cost))}"
            f"{_num(money.pounds_exact(g.mean_indicative))}{_num(share)}{_num(share_differs)}<td>{flag}</td></tr>"
        )
    numbers = tuple(m.say(lang) for m in w.GROUP_COLUMNS)
    return _groups(caption, numbers, w.FLAG.say(lang), rows, lang)


def _shift_table(caption: str, shifts: tuple[Shift, ...], minimum: int, lang: str) -> str:
    rows = []
    for s in shifts:
        percent = "—" if s.median_percent is None else f"{s.median_percent:+}%"
        note = escape(w.TOO_FEW.say(lang, minimum=f"{minimum:,}")) if s.too_few else ""
        rows.append(
            f"<tr><th scope='row'>{_name(s.name, lang)}</th>{_num(s.cases)}{_num(s.up)}{_num(s.down)}"
            f"{_num(s.same)}{_num(_signed(s.median_change))}{_num(percent)}<td>{note}</td></tr>"
        )
    numbers = tuple(m.say(lang) for m in w.SHIFT_COLUMNS)
    return _groups(caption, numbers, w.NOTE.say(lang), rows, lang)


def _groups(caption: str, numbers: tuple[str, ...], last: str, rows: list[str], lang: str) -> str:
    """A table of groups: a name, columns of numbers, and a last column of words."""
    heads = _heads(w.GROUP.say(lang), *numbers) + f'<th scope="col">{escape(last)}</th>'
    return _table(caption, "".join(rows), heads)


def _signed(amount: Decimal) -> str:
    """A change in money: "+£1.20", "-£3.00", "£0.00"."""
    sign = "+" if amount > 0 else "-" if amount < 0 else ""
    return f"{sign}{money.pounds_exact(abs(amount))}"


def _row(label: str, value: str) -> str:
    """A table row: a heading and one number."""
    return f"<tr><th scope='row'>{escape(label)}</th>{_num(value)}</tr>"


def _rate_section(result: Calibration, new_version: str | None, lang: str) -> list[str]:
    rounded = ROUNDED.say(lang)
    parts = [f"<h3>{escape(w.RATE_HEADING.say(lang))}</h3>"]
    parts += [
        f'<p class="openras-warning"><strong>{escape(w.WARNING.say(lang))}</strong> {escape(said_in(warning, lang))}</p>'
        for warning in result.warnings
    ]
    count = len(result.cases.cases)
    rows = [_row(w.TOTAL_COST.say(lang), money.pounds_exact(result.total_cost))]
    if result.base:
        label = w.BASE_ROW.say(lang, count=f"{count:,}", base=money.pounds_exact(result.base))
        rows.append(_row(label, money.pounds_exact(count * result.base)))
    rows.append(_row(w.TOTAL_POINTS.say(lang), f"{result.total_points:,}"))
    rows.append(_row(w.RATE_ROW.say(lang, rounded=rounded), pounds_rate(result.rate_per_point)))
    if result.rate_for_target is not None and result.target_total is not None:
        label = w.TARGET_ROW.say(lang, target=money.pounds_exact(result.target_total), rounded=rounded)
        rows.append(_row(label, pounds_rate(result.rate_for_target)))
    rows.append(_row(w.TOTAL_INDICATIVE.say(lang), money.pounds_exact(result.total_indicative)))
    rows.append(
        _row(w.CONTINGENCY.say(lang, percent=result.contingency_percent), money.pounds_exact(result.contingency))
    )
    rows.append(_row(w.BAND_WIDTH.say(lang), money.pounds(result.band_width)))
    caption = (w.RATE_CAPTION_BASE if result.base else w.RATE_CAPTION).say(lang)
    parts.append(_table(caption, "".join(rows)))
    working = "".join(f"<li>{escape(line)}</li>" for line in rate_working(result, lang))
    parts.append(f"<p>{escape(w.WORKING.say(lang, rounded=rounded))}</p><ul>{working}</ul>")
    if new_version:
        said = w.NEW_FILE.say(lang, version=new_version, rate=pounds_rate(result.rate_used))
        parts.append(f"<p>{escape(said)}</p>")
    return parts


def _fit_section(result: Calibration, lang: str) -> list[str]:
    fit = result.fit
    rows = [(w.CASES.say(lang), f"{fit.cases:,}")]
    rows.append((w.R_SQUARED.say(lang), "—" if fit.r_squared is None else f"{two_places(fit.r_squared)}"))
    if fit.cost_per_point_quartiles is not None:
        for label, value in zip(w.QUARTILES, fit.cost_per_point_quartiles, strict=True):
            rows.append((label.say(lang), money.pounds_exact(value)))
    if fit.cases_without_points:
        rows.append((w.NO_POINTS.say(lang), f"{fit.cases_without_points:,}"))
    body = "".join(_row(label, value) for label, value in rows)
    return [
        f"<h3>{escape(w.FIT_HEADING.say(lang))}</h3>",
        f"<p>{escape(fit_sentence(fit, lang))}</p>",
        _table(w.FIT_CAPTION.say(lang), body),
    ]


def _changes_section(result: Calibration, lang: str) -> list[str]:
    overall = result.shifts.overall
    minimum = result.min_group_size
    said = w.CHANGES.say(
        lang,
        up=f"{overall.up:,}",
        down=f"{overall.down:,}",
        same=f"{overall.same:,}",
        change=_signed(overall.median_change),
        minimum=f"{minimum:,}",
    )
    items = [(w.UP.say(lang), overall.up), (w.DOWN.say(lang), overall.down), (w.SAME.say(lang), overall.same)]
    return [
        f"<h3>{escape(w.CHANGES_HEADING.say(lang))}</h3>",
        f"<p>{escape(said)}</p>",
        bars(w.CHANGES_CHART.say(lang), "changes", items, w.UNIT_CASES.say(lang), w.CASES.say(lang)),
        _shift_table(w.CHANGES_ALL.say(lang), (overall,), 0, lang),
        _shift_table(w.CHANGES_CARE.say(lang), result.shifts.by_care_group, minimum, lang),
        _shift_table(w.CHANGES_AGE.say(lang), result.shifts.by_age_band, minimum, lang),
    ]


def _heads(*columns: str) -> str:
    """A table's column headings: the first words, the rest numbers."""
    first, *numbers = (escape(column) for column in columns)
    return f'<th scope="col">{first}</th>' + "".join(
        f'<th scope="col" class="num openras-num">{n}</th>' for n in numbers
    )


def _accuracy_section(result: Calibration, lang: str) -> list[str]:
    accuracy = result.accuracy
    parts = [f"<h3>{escape(w.ACCURACY_HEADING.say(lang))}</h3>"]
    if accuracy is None:
        return [*parts, f"<p>{escape(w.NO_AGREED.say(lang))}</p>"]
    distribution = _difference_bands(result, lang)
    agreed = w.AGREED.say(lang, cases=f"{accuracy.cases:,}", source=said_in(accuracy.source, lang))
    close = "".join(
        _row(label.say(lang), value)
        for label, value in (
            (w.MEDIAN_DIFFERENCE, f"{accuracy.median_abs_pct}%"),
            (w.MEAN_DIFFERENCE, f"{accuracy.mean_abs_pct}%"),
            (w.WITHIN_10, w.SHARE_OF_CASES.say(lang, percent=accuracy.within_10)),
            (w.WITHIN_20, w.SHARE_OF_CASES.say(lang, percent=accuracy.within_20)),
        )
    )
    parts.append(f"<p>{escape(agreed)}</p>" + _table(w.CLOSE_CAPTION.say(lang), close))
    chart = w.DIFFERENCE_CHART.say(lang)
    parts.append(bars(chart, "difference", distribution, w.UNIT_CASES.say(lang), w.CASES.say(lang)))
    rows = "".join(
        f"<tr><th scope='row'>{_name(c, lang)}</th>{_num(money.pounds_exact(i))}{_num(money.pounds_exact(a))}"
        f"{_num(money.pounds_exact(d))}{_num(f'{p:+}%')}</tr>"
        for c, i, a, d, p in accuracy.largest
    )
    minimum = result.min_group_size
    too_few = escape(w.TOO_FEW.say(lang, minimum=f"{minimum:,}"))
    bias = "".join(
        f"<tr><th scope='row'>{_name(g, lang)}</th>{_num(n)}{_num(f'{b:+}%')}"
        f"<td>{too_few if n < minimum else ''}</td></tr>"
        for g, n, b in accuracy.bias_by_group
    )
    ranges = "".join(_row(label, str(count)) for label, count in distribution)
    largest = w.LARGEST.say(lang, n=len(accuracy.largest))
    cases = w.CASES.say(lang)
    differences = _heads(
        w.CASE.say(lang),
        w.INDICATIVE.say(lang),
        w.AGREED_COLUMN.say(lang),
        w.DIFFERENCE.say(lang),
        w.DIFFERENCE_PERCENT.say(lang),
    )
    bias_heads = _heads(w.CARE_GROUP.say(lang), cases, w.MEAN_DIFFERENCE_COLUMN.say(lang))
    parts.append(_table(w.DIFFERENCE_CAPTION.say(lang), ranges, _heads(w.RANGE_COLUMN.say(lang), cases)))
    parts.append(_table(largest, rows, differences))
    bias_heads += f'<th scope="col">{escape(w.NOTE.say(lang))}</th>'
    parts.append(_table(w.BIAS_CAPTION.say(lang), bias, bias_heads))
    return parts


def _fairness_section(result: Calibration, lang: str) -> list[str]:
    threshold, minimum = result.fairness_threshold, result.min_group_size
    judged = [g for g in result.by_care_group if not g.too_few]
    said = w.FAIRNESS.say(
        lang,
        share=money.round_tenth(result.total_indicative / result.total_cost * 100),
        threshold=threshold,
        minimum=f"{minimum:,}",
        cost=money.pounds_exact(result.cost_per_point),
    )
    return [
        f"<h3>{escape(w.FAIRNESS_HEADING.say(lang))}</h3>",
        f"<p>{escape(said)}</p>",
        bars(
            w.FAIRNESS_CHART.say(lang),
            "groups",
            [(said_in(as_text(g.name), lang), int(g.share or 0)) for g in judged],
            "%",
            w.FAIRNESS_AXIS.say(lang),
        ),
        _group_table(w.BY_CARE.say(lang), result.by_care_group, threshold, minimum, lang),
        _group_table(w.BY_AGE.say(lang), result.by_age_band, threshold, minimum, lang),
    ]


def report_html(result: Calibration, *, page: bool = True, new_version: str | None = None, lang: str = SOURCE) -> str:
    """The report in `lang` (the scheme's own texts, such as its title, as they are written)."""
    scheme = result.scheme
    cases = result.cases
    used = len(cases.cases)
    rejected_rows = sorted({p.row for p in cases.problems})
    title = scheme.say(lang, scheme.title)
    parts = [f"<h2>{escape(w.TITLE.say(lang, title=title, version=scheme.version))}</h2>"]
    read = w.ROWS.say(lang, n=used, rows=f"{cases.rows_read:,}", rejected=f"{len(rejected_rows):,}")
    if cases.blank_lines:
        read += " " + w.BLANK.say(lang, n=cases.blank_lines)
    parts.append(f"<p>{escape(read)}</p>")
    parts += _rate_section(result, new_version, lang)
    parts.append(scatter(result, lang))
    parts.append(scatter_table(result, lang))
    parts += _fit_section(result, lang)
    parts += _changes_section(result, lang)
    parts += _accuracy_section(result, lang)
    parts += _fairness_section(result, lang)
    parts.append(f"<h3>{escape(w.NOT_USED_HEADING.say(lang))}</h3>")
    if not cases.problems:
        parts.append(f"<p>{escape(w.ALL_USED.say(lang))}</p>")
    else:
        listed = cases.problems[:MAX_ROWS_LISTED]
        more = (
            ""
            if len(cases.problems) <= MAX_ROWS_LISTED
            else f"<p>{escape(w.MORE_PROBLEMS.say(lang, count=f'{len(cases.problems) - MAX_ROWS_LISTED:,}'))}</p>"
        )
        items = "".join(f"<li>{escape(p.say(lang))}</li>" for p in listed)
        parts.append(f"<ul>{items}</ul>{more}")
    if cases.ignored_columns:
        columns = ", ".join(as_text(c) for c in cases.ignored_columns)
        parts.append(f"<p>{escape(w.COLUMNS_NOT_USED.say(lang, columns=columns))}</p>")
    body = "\n".join(parts)
    if not page:
        return body
    return (
        f'<!doctype html>\n<html lang="{escape(lang)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{escape(w.PAGE_TITLE.say(lang, title=title))}</title><style>{STYLE}</style></head>"
        f"<body><main><h1>{escape(w.PAGE_HEADING.say(lang))}</h1>{body}</main></body></html>\n"
    )
