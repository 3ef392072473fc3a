"""The calibration report's charts: SVG with labelled axes and tick values.

Each chart is an SVG with a title and a description (role="img"); the report puts a
table of the same figures after it, so nothing is shown only as a picture. Positions
are worked out in Decimal (the core uses no floats) and written to one decimal place.
Every piece of text from the cases file or the scheme is escaped.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, Decimal
from html import escape

from ..estimate.figures import amount_for
from ..i18n import SOURCE, message
from ..scheme import money
from .calibrate import Calibration, pounds_rate, with_rate

WIDTH, HEIGHT = 640, 380
LEFT, RIGHT, TOP, BOTTOM = 72, 16, 16, 56  # room for tick values and axis titles
MAX_DOTS = 2000

# The scatter chart's words, declared once for translators (the bar charts' come from the report).
_SCATTER_TITLE = message("Points against current weekly cost")
_DESC = message(
    "Each dot is a case: its points across (0 to {points}), its current weekly cost up (£0 to {cost}). The red "
    "line is {what}."
)
_CAPTION = message("Points against current weekly cost; the red line is {what}.")
_AMOUNT = message("the scheme's amount, {rate} a point", note="What the chart's red line shows.")
_AMOUNT_BASE = message("the scheme's amount, {base} + {rate} a point", note="What the chart's red line shows.")
_TABLE = message("the scheme's table", note="What the chart's red line shows.")
_SAMPLE = message("Every {step}th case is drawn ({shown} of {all}).")
_X_AXIS = message("Points (after unpaid help)")
_Y_AXIS = message("Current weekly cost (£)")
BLUE, RED = "#1d70b8", "#d4351c"


def _scale(value: Decimal | int, low: Decimal | int, high: Decimal | int, out_low: int, out_high: int) -> Decimal:
    """A value's place on the drawing, in SVG units."""
    if high == low:
        return Decimal(out_low)
    return out_low + (Decimal(value) - low) / (Decimal(high) - low) * (out_high - out_low)


def ticks(high: Decimal | int, count: int = 5, *, whole: bool = False) -> list[Decimal]:
    """Round tick values from 0 to at least `high`: steps of 1, 2 or 5 times a power of ten
    (whole numbers only when `whole`, as for points and counts of cases)."""
    top = Decimal(high)
    if top <= 0:
        return [Decimal(0), Decimal(1)]
    rough = top / count
    power = Decimal(10) ** (rough.adjusted())
    step = next(m * power for m in (Decimal(1), Decimal(2), Decimal(5), Decimal(10)) if m * power >= rough)
    if whole:
        step = max(step, Decimal(1))
    steps = int((top / step).to_integral_value(rounding=ROUND_CEILING))
    return [step * i for i in range(steps + 1)]


def _tick_text(value: Decimal, money_axis: bool) -> str:
    if money_axis:
        return money.pounds(value)
    return money.number(value)


def axes(x_ticks: list[Decimal], y_ticks: list[Decimal], x_title: str, y_title: str, *, y_money: bool) -> str:
    """Both axes, with a tick and its value at each tick, and each axis's title."""
    x0, x1, y0, y1 = LEFT, WIDTH - RIGHT, HEIGHT - BOTTOM, TOP
    out = [
        f'<line x1="{x0}" y1="{y0}" x2="{x1}" y2="{y0}" stroke="currentColor"/>',
        f'<line x1="{x0}" y1="{y0}" x2="{x0}" y2="{y1}" stroke="currentColor"/>',
    ]
    for value in x_ticks:
        x = f"{_scale(value, 0, x_ticks[-1], x0, x1):.1f}"
        out.append(_tick((x, y0, x, y0 + 5), (x, y0 + 18, "middle"), _tick_text(value, False)))
    for value in y_ticks:
        y = _scale(value, 0, y_ticks[-1], y0, y1)
        mark = (x0 - 5, f"{y:.1f}", x0, f"{y:.1f}")
        out.append(_tick(mark, (x0 - 8, f"{y + 4:.1f}", "end"), _tick_text(value, y_money)))
    middle_x, middle_y = (x0 + x1) // 2, (y0 + y1) // 2
    out.append(
        f'<text x="{middle_x}" y="{HEIGHT - 10}" text-anchor="middle" fill="currentColor">{escape(x_title)}</text>'
        f'<text x="14" y="{middle_y}" text-anchor="middle" fill="currentColor" '
        f'transform="rotate(-90 14 {middle_y})">{escape(y_title)}</text>'
    )
    return "".join(out)


def scatter(result: Calibration, lang: str = SOURCE) -> str:
    """Points against current weekly cost, with the scheme's amounts (rate or table) as a line."""
    pairs = result.points_and_costs
    step = max(1, len(pairs) // MAX_DOTS)
    shown = pairs[::step]
    max_points = max((p for p, _ in pairs), default=1) or 1
    rated = with_rate(result.scheme, result.rate_used)
    line_at = _line_points(result, max_points)
    amounts = [amount_for(rated, p) for p in line_at]
    top_cost = max([*(c for _, c in pairs), *amounts, Decimal(1)])
    x_ticks, y_ticks = ticks(max_points, whole=True), ticks(top_cost)
    x_top, y_top = x_ticks[-1], y_ticks[-1]
    x0, x1, y0, y1 = LEFT, WIDTH - RIGHT, HEIGHT - BOTTOM, TOP
    dots = "".join(
        f'<circle cx="{_scale(p, 0, x_top, x0, x1):.1f}" cy="{_scale(c, 0, y_top, y0, y1):.1f}" r="2.5" '
        f'fill="{BLUE}" fill-opacity="0.5"/>'
        for p, c in shown
    )
    line = " ".join(
        f"{_scale(p, 0, x_top, x0, x1):.1f},{_scale(a, 0, y_top, y0, y1):.1f}"
        for p, a in zip(line_at, amounts, strict=True)
    )
    rate = pounds_rate(result.rate_used)
    if result.method == "rate" and result.base:
        what = _AMOUNT_BASE.say(lang, base=money.pounds_exact(result.base), rate=rate)
    elif result.method == "rate":
        what = _AMOUNT.say(lang, rate=rate)
    else:
        what = _TABLE.say(lang)
    sample = "" if step == 1 else " " + _SAMPLE.say(lang, step=step, shown=f"{len(shown):,}", all=f"{len(pairs):,}")
    desc = _DESC.say(lang, points=money.number(x_top), cost=money.pounds(y_top), what=what) + sample
    caption = _CAPTION.say(lang, what=what) + sample
    drawn_axes = axes(x_ticks, y_ticks, _X_AXIS.say(lang), _Y_AXIS.say(lang), y_money=True)
    return f"""
<figure>
  <svg viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="scatter-title scatter-desc">
    <title id="scatter-title">{escape(_SCATTER_TITLE.say(lang))}</title>
    <desc id="scatter-desc">{escape(desc)}</desc>
    {drawn_axes}
    {dots}
    <polyline points="{line}" fill="none" stroke="{RED}" stroke-width="3"/>
  </svg>
  <figcaption>{escape(caption)}</figcaption>
</figure>"""


def _line_points(result: Calibration, max_points: int) -> list[int]:
    """Where to draw the scheme's amounts: both ends, and every step of a table."""
    found = {0, max_points}
    for row in result.scheme.allocation.rows:
        for edge in (row.low - 1, row.low):
            if 0 <= edge <= max_points:
                found.add(edge)
    return sorted(found)


def bars(title: str, ident: str, items: list[tuple[str, int]], unit: str, axis_title: str) -> str:
    """A horizontal bar chart with a value axis (ticks and title), its title and description."""
    if not items:
        return ""
    row = 28
    label_width = 200
    x0, x1 = label_width, WIDTH - RIGHT - 40
    top = max(count for _, count in items)
    x_ticks = ticks(max(top, 1), whole=True)
    height = TOP + row * len(items) + 56
    axis_y = TOP + row * len(items) + 4
    drawn = []
    for i, (label, count) in enumerate(items):
        y = TOP + i * row
        width = _scale(count, 0, x_ticks[-1], 0, x1 - x0)
        drawn.append(
            f'<text x="{x0 - 10}" y="{y + 17}" text-anchor="end" fill="currentColor">{escape(label)}</text>'
            f'<rect x="{x0}" y="{y + 4}" width="{width:.1f}" height="18" fill="{BLUE}"/>'
            f'<text x="{x0 + 6 + width:.1f}" y="{y + 17}" fill="currentColor">{count:,}</text>'
        )
    drawn.append(f'<line x1="{x0}" y1="{axis_y}" x2="{x1}" y2="{axis_y}" stroke="currentColor"/>')
    for value in x_ticks:
        x = _scale(value, 0, x_ticks[-1], x0, x1)
        drawn.append(
            f'<line x1="{x:.1f}" y1="{axis_y}" x2="{x:.1f}" y2="{axis_y + 5}" stroke="currentColor"/>'
            f'<text x="{x:.1f}" y="{axis_y + 18}" text-anchor="middle" font-size="12" fill="currentColor">'
            f"{money.number(value)}</text>"
        )
    drawn.append(
        f'<text x="{(x0 + x1) // 2}" y="{height - 8}" text-anchor="middle" fill="currentColor">'
        f"{escape(axis_title)}</text>"
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


def _tick(line: tuple[object, object, object, object], label: tuple[object, object, str], text: str) -> str:
    """One tick on an axis: its mark, and its value beside it."""
    x1, y1, x2, y2 = line
    x, y, anchor = label
    return (
        f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="currentColor"/>'
        f'<text x="{x}" y="{y}" text-anchor="{anchor}" font-size="12" fill="currentColor">{escape(text)}</text>'
    )
