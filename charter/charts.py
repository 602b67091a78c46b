"""Trend charts as inline SVG: vector in the PDF (WeasyPrint draws SVG natively) and on the page.

Built as strings here rather than in templates so the arithmetic is testable and the same chart
serves the web page and the PDF. Every chart carries a <title> and the caller shows the figures
as text too: a chart is never the only way to read a trend.
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

RAG_COLOURS = {"green": "#1f5f2c", "amber": "#7a4d00", "red": "#a4190b", "none": "#4a5058"}
LINE = "#00244d"
TARGET = "#4a5058"


def _scale(values: list[float], target: float | None) -> tuple[float, float]:
    candidates = [v for v in values] + ([target] if target is not None else [])
    low, high = min(candidates), max(candidates)
    if high == low:
        high, low = high + 1, low - 1
    pad = (high - low) * 0.1
    return low - pad, high + pad


def _points(series, width, height, left, top, low, high):
    step = width / max(len(series) - 1, 1)
    points = []
    for index, (_label, value, rag) in enumerate(series):
        if value is None:
            continue
        x = left + index * step
        y = top + height - (float(value) - low) / (high - low) * height
        points.append((x, y, rag))
    return points


def _fmt(number: float) -> str:
    return f"{number:.1f}".rstrip("0").rstrip(".")


def sparkline_svg(
    series: list[tuple[str, Decimal | float | None, str]],
    *,
    title: str,
    target: Decimal | float | None = None,
    width: int = 120,
    height: int = 32,
) -> SafeString:
    """A small trend line: series is [(quarter label, value or None, rag)], oldest first."""
    values = [float(v) for _label, v, _rag in series if v is not None]
    if len(values) < 1:
        return mark_safe("")
    target_f = float(target) if target is not None else None
    low, high = _scale(values, target_f)
    points = _points(series, width - 8, height - 8, 4, 4, low, high)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="sparkline" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>'
    ]
    if target_f is not None:
        y = 4 + (height - 8) - (target_f - low) / (high - low) * (height - 8)
        parts.append(
            f'<line x1="4" x2="{width - 4}" y1="{_fmt(y)}" y2="{_fmt(y)}" stroke="{TARGET}" '
            'stroke-width="1" stroke-dasharray="3 2"/>'
        )
    if len(points) > 1:
        path = " ".join(f"{'M' if i == 0 else 'L'}{_fmt(x)} {_fmt(y)}" for i, (x, y, _r) in enumerate(points))
        parts.append(f'<path d="{path}" fill="none" stroke="{LINE}" stroke-width="2"/>')
    for x, y, rag in points:
        parts.append(f'<circle cx="{_fmt(x)}" cy="{_fmt(y)}" r="2.5" fill="{RAG_COLOURS.get(rag, LINE)}"/>')
    parts.append("</svg>")
    return mark_safe("".join(parts))


def trend_chart_svg(
    series: list[tuple[str, Decimal | float | None, str]],
    *,
    title: str,
    unit_suffix: str = "",
    target: Decimal | float | None = None,
    width: int = 220,
    height: int = 110,
) -> SafeString:
    """A labelled trend chart for the board report: axis labels per quarter, value labels, target line."""
    left, top, right, bottom = 30, 12, 10, 26
    plot_w, plot_h = width - left - right, height - top - bottom
    values = [float(v) for _label, v, _rag in series if v is not None]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="trend-chart" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>',
        f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="#f4f6f8" stroke="#d0d4d9"/>',
    ]
    step = plot_w / max(len(series) - 1, 1)
    for index, (label, _value, _rag) in enumerate(series):
        # "Q3 24/25" on two lines so eight quarters fit under a narrow chart.
        quarter, _space, year = label.partition(" ")
        x = _fmt(left + index * step)
        parts.append(
            f'<text x="{x}" y="{height - 16}" font-size="7" text-anchor="middle" fill="#333">{escape(quarter)}</text>'
            f'<text x="{x}" y="{height - 8}" font-size="6" text-anchor="middle" fill="#333">{escape(year)}</text>'
        )
    if not values:
        parts.append(
            f'<text x="{left + plot_w / 2}" y="{top + plot_h / 2}" font-size="9" text-anchor="middle" '
            'fill="#333">No figures yet</text></svg>'
        )
        return mark_safe("".join(parts))
    target_f = float(target) if target is not None else None
    low, high = _scale(values, target_f)
    for fraction in (0, 0.5, 1):
        y = top + plot_h - fraction * plot_h
        parts.append(
            f'<text x="{left - 4}" y="{_fmt(y + 3)}" font-size="7" text-anchor="end" fill="#333">'
            f"{_fmt(low + fraction * (high - low))}</text>"
        )
    if target_f is not None:
        y = top + plot_h - (target_f - low) / (high - low) * plot_h
        parts.append(
            f'<line x1="{left}" x2="{left + plot_w}" y1="{_fmt(y)}" y2="{_fmt(y)}" stroke="{TARGET}" '
            'stroke-width="1" stroke-dasharray="4 3"/>'
            f'<text x="{left + plot_w - 2}" y="{_fmt(y - 3)}" font-size="7" text-anchor="end" fill="#333">'
            f"target {_fmt(target_f)}{escape(unit_suffix)}</text>"
        )
    points = _points(series, plot_w, plot_h, left, top, low, high)
    if len(points) > 1:
        path = " ".join(f"{'M' if i == 0 else 'L'}{_fmt(x)} {_fmt(y)}" for i, (x, y, _r) in enumerate(points))
        parts.append(f'<path d="{path}" fill="none" stroke="{LINE}" stroke-width="2"/>')
    for (x, y, rag), value in zip(points, values, strict=True):
        parts.append(f'<circle cx="{_fmt(x)}" cy="{_fmt(y)}" r="3" fill="{RAG_COLOURS.get(rag, LINE)}"/>')
        parts.append(
            f'<text x="{_fmt(x)}" y="{_fmt(y - 6)}" font-size="7" text-anchor="middle" fill="#111">{_fmt(value)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def bar_chart_svg(rows: list[tuple[str, float | int]], *, title: str, width: int = 460, bar_height: int = 14):
    """Horizontal bars (e.g. activities by type) with the figure written at the end of each bar."""
    rows = [(label, value) for label, value in rows if value is not None]
    label_w, gap = 150, 4
    height = max(len(rows), 1) * (bar_height + gap) + 6
    top_value = max((float(v) for _l, v in rows), default=0) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bar-chart" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>'
    ]
    for index, (label, value) in enumerate(rows):
        y = 3 + index * (bar_height + gap)
        bar_w = (width - label_w - 50) * float(value) / top_value
        parts.append(
            f'<text x="{label_w - 6}" y="{y + bar_height - 3}" font-size="9" text-anchor="end" fill="#111">'
            f"{escape(label)}</text>"
            f'<rect x="{label_w}" y="{y}" width="{_fmt(max(bar_w, 0.5))}" height="{bar_height}" fill="{LINE}"/>'
            f'<text x="{_fmt(label_w + bar_w + 4)}" y="{y + bar_height - 3}" font-size="9" fill="#111">'
            f"{_fmt(float(value))}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))
