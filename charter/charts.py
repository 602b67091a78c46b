"""Trend and bar charts drawn by matplotlib as inline SVG: the same chart on the charter page, the
manager's dashboard and the board pack PDF (WeasyPrint draws SVG as vector paths).

Why matplotlib's SVG backend: it is the best-kept Python charting library (already a pinned
dependency, pure wheels, no browser or JavaScript runtime, unlike Vega-Lite through vl-convert), its
tick locators give round ticks (`MaxNLocator` with 1-2-2.5-5-10 steps), and its SVG backend writes
vector paths without rasterising through Agg. We use the object-oriented API only (`Figure` +
`FigureCanvasSVG`): no pyplot, so no global figure registry, and the few rcParams the SVG writer reads
are set once below. One Figure per thread is cleared and reused: creating a Figure costs more than
drawing a small chart.

Rules every chart keeps (tested in charter/tests/test_charts.py):
- percentages on a fixed 0–100 axis; counts, rates and days from 0 (never a negative tick), the top
  a round tick just above the largest figure or the target;
- the target drawn as a dashed line and labelled in the right margin, away from the data;
- RAG by colour *and* marker shape (circle on target, triangle close, square off target, hollow no
  status), so a greyscale print still tells them apart; only the latest figure is written on the
  chart, so labels never collide (every figure is in the table beside it);
- titles wrapped with textwrap, never cut.
"""

from __future__ import annotations

import functools
import hashlib
import io
import re
import textwrap
import threading
from decimal import Decimal
from typing import TYPE_CHECKING

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

if TYPE_CHECKING:
    from matplotlib.figure import Figure
FONT = "DejaVu Sans"  # one family (a fallback list makes every text a long font match in WeasyPrint)

LINE = "#00244d"
TARGET = "#4a5058"
GRID = "#d0d4d9"
RAG_STYLE = {  # colour, marker, label: the marker repeats what the colour says
    "green": ("#1f5f2c", "o", "On target"),
    "amber": ("#7a4d00", "^", "Close to target"),
    "red": ("#a4190b", "s", "Off target"),
    "none": ("#4a5058", "o", "No status"),
}
SIZES = {  # inches; the PDF sets the printed width in CSS, the ratio is what matters
    "small": (3.3, 1.75),
    "wide": (5.2, 2.2),
    "spark": (1.5, 0.45),
}
PERCENT_TICKS = [0, 25, 50, 75, 100]
CHART_STYLE = "2"  # change when the drawing changes, so cached charts are drawn again

_local = threading.local()
CACHE_SECONDS = 24 * 60 * 60


@functools.cache
def _matplotlib():
    """matplotlib's figure, SVG canvas and tick locators, imported when the first chart is drawn
    (charts come from the cache for a day): a web worker that draws none never loads it."""
    import matplotlib
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure
    from matplotlib.ticker import FixedLocator, MaxNLocator

    # Text stays text (small files, selectable and searchable in the PDF); ids are stable between builds.
    matplotlib.rcParams["svg.fonttype"] = "none"
    matplotlib.rcParams["svg.hashsalt"] = "charter"
    return Figure, FigureCanvasSVG, FixedLocator, MaxNLocator


def _canvas(size: str):
    """This thread's Figure and Axes for the size, emptied for the next chart.

    Clearing an Axes rebuilds every tick object (most of a chart's cost), so the Axes is kept and
    only what the last chart drew is removed: its lines, texts and the title.
    """
    canvases = getattr(_local, "canvases", None)
    if canvases is None:
        canvases = _local.canvases = {}
    if size not in canvases:
        Figure, FigureCanvasSVG, _fixed, _max = _matplotlib()
        figure = Figure(figsize=SIZES[size], dpi=72)
        FigureCanvasSVG(figure)
        canvases[size] = (figure, figure.add_axes((0.1, 0.1, 0.8, 0.8)))
    figure, axes = canvases[size]
    for artist in [*axes.lines, *axes.texts, *axes.patches, *figure.texts]:
        artist.remove()
    return figure, axes


def axis_ticks(values: list[float], *, percent: bool, integer: bool, target: float | None = None) -> list[float]:
    """The y-axis ticks: 0–100 in quarters for percentages; otherwise round ticks from 0 to just
    above the largest figure or target (at least 0–5 for counts, so an all-zero series still has an axis)."""
    if percent:
        return list(PERCENT_TICKS)
    candidates = [v for v in values if v is not None] + ([target] if target is not None else [])
    top = max([0.0, *candidates])
    if top <= 0:
        top = 5 if integer else 1
    MaxNLocator = _matplotlib()[3]
    locator = MaxNLocator(nbins=4, steps=[1, 2, 2.5, 5, 10], integer=integer, min_n_ticks=3)
    ticks = [t for t in locator.tick_values(0, top) if t >= 0]
    if ticks[-1] < top:
        ticks.append(ticks[-1] + (ticks[1] - ticks[0]))
    return [int(t) if float(t).is_integer() else round(float(t), 6) for t in ticks]


def format_number(value: float, *, percent: bool = False) -> str:
    """1,234 or 12.5 (one decimal at most), with % for percentages."""
    text = f"{value:,.1f}".removesuffix(".0")
    return f"{text}%" if percent else text


_STYLE = re.compile(r'style="([^"]*)"')


def _attributes(match: re.Match) -> str:
    """style="fill: none; stroke: #333" as presentation attributes (fill="none" stroke="#333"): the
    same drawing, but WeasyPrint reads attributes directly instead of parsing CSS for every element."""
    pairs = []
    for declaration in match.group(1).split(";"):
        name, _colon, value = declaration.partition(":")
        if name.strip():
            pairs.append(f'{name.strip()}="{value.strip().replace(chr(39), "")}"')
    return " ".join(pairs)


def _svg(figure: Figure, *, title: str, css_class: str, key: str) -> SafeString:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None}, transparent=True)
    text = buffer.getvalue()
    text = text[text.index("<svg") :]
    # Inline in HTML: the backend's global <style> would leak to the page; the size comes from CSS.
    text = re.sub(r"<style[^>]*>.*?</style>", "", text, count=1, flags=re.S)
    text = re.sub(r"<metadata>.*?</metadata>", "", text, count=1, flags=re.S)
    text = re.sub(r'\s(width|height)="[\d.]+pt"', "", text, count=2)
    text = _STYLE.sub(_attributes, text)
    # Several charts share a page: give this one's ids (clip paths, markers) a prefix of their own.
    prefix = f"c{key[:10]}-"
    text = (
        text.replace(' id="', f' id="{prefix}')
        .replace("url(#", f"url(#{prefix}")
        .replace('href="#', f'href="#{prefix}')
    )
    label = escape(title)
    text = text.replace(
        "<svg ", f'<svg class="{css_class}" role="img" aria-label="{label}" focusable="false" ', 1
    ).replace(">", f"><title>{label}</title>", 1)
    return mark_safe(text)


def _quarter_labels(labels: list[str]) -> list[str]:
    """ "Q3" under each point, with the financial year under the first and under each Q1, so eight
    quarters fit under a small chart without the years running into each other."""
    shown = []
    for index, label in enumerate(labels):
        quarter, _space, year = label.partition(" ")
        shown.append(f"{quarter}\n{year}" if year and (index == 0 or quarter == "Q1") else quarter)
    return shown


def trend_chart_svg(
    series: list[tuple[str, Decimal | float | None, str]],
    *,
    title: str,
    unit: str = "count",
    target: Decimal | float | None = None,
    size: str = "small",
    titled: bool = True,
) -> SafeString:
    """A measure's trend: series is [(quarter label, figure or None, rag)], oldest first.

    `unit` is the charter's unit ("percent", "count", "per_1000", "working_days"). `titled=False`
    leaves the title to the page around the chart (the PDF prints it as text above: every text
    inside an SVG costs WeasyPrint a few milliseconds to draw); it is still the SVG's accessible name.
    A chart is drawn once for the same figures and kept in the cache for a day (the dashboard, the
    charter page and the next build show the same charts).
    """
    from django.core.cache import cache

    arguments = repr(([(str(q), None if v is None else str(v), r) for q, v, r in series], title, unit, str(target)))
    key = hashlib.sha1(f"{CHART_STYLE}{arguments}{size}{titled}".encode()).hexdigest()
    svg = cache.get(f"charter-chart:{key}")
    if svg is None:
        svg = _draw_trend(series, title=title, unit=unit, target=target, size=size, titled=titled, key=key)
        cache.set(f"charter-chart:{key}", str(svg), CACHE_SECONDS)
    return mark_safe(svg)


def _draw_trend(
    series: list[tuple[str, Decimal | float | None, str]],
    *,
    title: str,
    unit: str = "count",
    target: Decimal | float | None = None,
    size: str,
    titled: bool,
    key: str,
) -> SafeString:
    percent = unit == "percent"
    integer = unit == "count"
    values = [float(v) if v is not None else None for _label, v, _rag in series]
    target_f = float(target) if target is not None else None
    spark = size == "spark"
    figure, axes = _canvas(size)
    width, height = SIZES[size]
    wrapped = textwrap.wrap(title, width=int(width * 15)) if titled and not spark else []
    title_lines = len(wrapped)
    top_margin = (0.06 + 0.125 * title_lines / height) if not spark else 0.04
    if spark:
        axes.set_position((0.02, 0.08, 0.96, 0.84))
    else:
        left, right, bottom = 0.36 / width, 1 - (0.62 if target_f is not None else 0.1) / width, 0.36 / height
        axes.set_position((left, bottom, right - left, 1 - top_margin - bottom))
        figure.text(
            0.02, 0.98, "\n".join(wrapped), ha="left", va="top", fontsize=7.5, fontweight="bold",
            color="#111", family=FONT, linespacing=1.15,
        )  # fmt: skip
    ticks = axis_ticks(values, percent=percent, integer=integer, target=target_f)
    axes.set_ylim(ticks[0], ticks[-1])
    count = max(len(series), 1)
    axes.set_xlim(-0.5, count - 0.5)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    if spark:
        axes.set_axis_off()
    else:
        axes.yaxis.set_major_locator(_matplotlib()[2](ticks))
        axes.set_yticklabels([format_number(t, percent=percent) for t in ticks], fontsize=6, family=FONT)
        axes.set_xticks(range(len(series)))
        axes.set_xticklabels(_quarter_labels([label for label, _v, _r in series]), fontsize=5.5, family=FONT)
        axes.tick_params(length=0, pad=3, colors="#333", bottom=False, left=False)
        axes.grid(axis="y", color=GRID, linewidth=0.5)
        axes.set_axisbelow(True)
        for side in ("left", "bottom"):
            axes.spines[side].set_color("#8a9099")
            axes.spines[side].set_linewidth(0.6)
    if target_f is not None:
        axes.axhline(target_f, color=TARGET, linewidth=0.9, linestyle=(0, (4, 2.5)), zorder=2)
        if not spark:
            axes.annotate(
                f"Target {format_number(target_f, percent=percent)}",
                xy=(1, target_f), xycoords=("axes fraction", "data"), xytext=(3, 0), textcoords="offset points",
                ha="left", va="center", fontsize=6, color="#111", family=FONT, annotation_clip=False,
            )  # fmt: skip
    points = [
        (i, v, rag) for i, ((_label, _raw, rag), v) in enumerate(zip(series, values, strict=True)) if v is not None
    ]
    if not points:
        if not spark:
            axes.text(
                0.5, 0.5, "No figures yet", transform=axes.transAxes, ha="center", va="center", fontsize=7,
                family=FONT, color="#333",
            )  # fmt: skip
        return _svg(figure, title=title, css_class=f"chart chart-{size}", key=key)
    # A gap (a quarter without a figure) breaks the line rather than joining across it.
    runs, run = [], []
    for index, value in enumerate(values):
        if value is None:
            if run:
                runs.append(run)
            run = []
        else:
            run.append((index, value))
    if run:
        runs.append(run)
    for run in runs:
        axes.plot([i for i, _v in run], [v for _i, v in run], color=LINE, linewidth=1.4, zorder=3)
    marker_size = 3 if spark else 4.5
    for rag in dict.fromkeys(rag for _i, _v, rag in points):  # one artist per status: fewer SVG elements
        colour, marker, _label = RAG_STYLE.get(rag, RAG_STYLE["none"])
        hollow = rag not in ("green", "amber", "red")
        chosen = [(index, value) for index, value, point_rag in points if point_rag == rag]
        axes.plot(
            [index for index, _v in chosen], [value for _i, value in chosen], linestyle="none", marker=marker,
            markersize=marker_size, color=colour, zorder=4, clip_on=False,
            markerfacecolor="white" if hollow else colour, markeredgecolor=colour, markeredgewidth=0.8,
        )  # fmt: skip
    if not spark:
        # The latest figure, written beside its point on the side away from the target label and the edge.
        index, value, _rag = points[-1]
        high = value > ticks[0] + (ticks[-1] - ticks[0]) * 0.82
        last = index == count - 1 and count > 1
        axes.annotate(
            format_number(value, percent=percent), xy=(index, value), xytext=(-4 if last else 0, -8 if high else 7),
            textcoords="offset points", ha="right" if last else "center", va="center",
            fontsize=6.5, fontweight="bold", color="#111", family=FONT, zorder=5,
            bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.9},
        )  # fmt: skip
    return _svg(figure, title=title, css_class=f"chart chart-{size}", key=key)


def bar_chart_svg(rows: list[tuple[str, float | int]], *, title: str) -> SafeString:
    """Horizontal bars (e.g. activities by type) from 0. The figures are given as text beside the
    chart (the PDF lists them under it), so the bars carry only their labels and the axis."""
    rows = [(label, float(value)) for label, value in rows if value is not None]
    height = 0.45 + 0.22 * max(len(rows), 1)
    Figure, FigureCanvasSVG, FixedLocator, _max = _matplotlib()
    figure = Figure(figsize=(5.2, height), dpi=72)
    FigureCanvasSVG(figure)
    axes = figure.add_axes((0.34, 0.3 / height, 0.58, 1 - 0.38 / height))
    ticks = axis_ticks([v for _l, v in rows], percent=False, integer=True)
    axes.set_xlim(0, ticks[-1])
    axes.xaxis.set_major_locator(FixedLocator(ticks))
    axes.set_xticklabels([format_number(t) for t in ticks], fontsize=6, family=FONT)
    positions = list(range(len(rows)))[::-1]
    axes.barh(positions, [v for _l, v in rows], color=LINE, height=0.65)
    axes.set_yticks(positions)
    axes.set_yticklabels(
        [textwrap.shorten(label, 38, placeholder="…") for label, _v in rows], fontsize=6.5, family=FONT
    )
    axes.set_ylim(-0.6, len(rows) - 0.4)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.tick_params(length=2, pad=1.5, colors="#333")
    axes.grid(axis="x", color=GRID, linewidth=0.5)
    axes.set_axisbelow(True)
    key = hashlib.sha1(repr((rows, title)).encode()).hexdigest()
    return _svg(figure, title=title, css_class="chart chart-bars", key=key)
