"""Chart axes, worked by hand from the rules in charter/charts.py:

- percentages always on 0, 25, 50, 75, 100;
- counts (and rates, days) from 0 up to a round tick at or above the largest figure or the target,
  ticks from matplotlib's MaxNLocator with steps 1, 2, 2.5, 5, 10 (at most five intervals);
- an all-zero count still has an axis (0 to 5 at least), a single figure a sensible one;
- no negative tick ever; RAG shown by marker shape as well as colour; the target drawn and labelled.
"""

import re
import uuid

import pytest

from charter.charts import axis_ticks, bar_chart_svg, trend_chart_svg


def test_percentages_sit_on_a_fixed_0_to_100_axis_whatever_the_figures():
    assert axis_ticks([24.8, 56, 87.2], percent=True, integer=False, target=90) == [0, 25, 50, 75, 100]
    assert axis_ticks([99.9], percent=True, integer=False) == [0, 25, 50, 75, 100]


def test_counts_start_at_zero_with_round_ticks_above_the_largest_figure():
    # 10,518 is the largest: steps of 5,000 (the locator's 5 × 10³) end at 15,000.
    assert axis_ticks([1_234, 10_518], percent=False, integer=True, target=400) == [0, 5_000, 10_000, 15_000]
    # 36 and a target of 40: steps of 10 up to 40.
    assert axis_ticks([30, 36], percent=False, integer=True, target=40) == [0, 10, 20, 30, 40]


def test_the_target_is_inside_the_axis_even_when_every_figure_is_far_below_it():
    assert axis_ticks([2, 3], percent=False, integer=True, target=150)[-1] >= 150


def test_an_all_zero_count_series_still_has_a_whole_number_axis_from_zero():
    ticks = axis_ticks([0, 0, 0], percent=False, integer=True)
    assert ticks[0] == 0 and ticks[-1] >= 5 and all(isinstance(t, int) for t in ticks)


def test_a_single_small_count_gets_whole_number_ticks():
    assert axis_ticks([3], percent=False, integer=True) == [0, 1, 2, 3]


def test_rates_and_days_may_have_fractional_ticks_but_never_negative_ones():
    assert axis_ticks([2.3], percent=False, integer=False, target=12) == [0, 5, 10, 15]
    assert axis_ticks([-4, None, 0.4], percent=False, integer=False) == [0, 0.1, 0.2, 0.3, 0.4]


@pytest.mark.parametrize(
    "series",
    [
        [("Q1 26/27", 0, "red"), ("Q2 26/27", 0, "red")],
        [("Q2 26/27", 12, "green")],
        [("Q1 26/27", None, "none"), ("Q2 26/27", None, "none")],
    ],
)
def test_every_chart_is_an_accessible_inline_svg_without_negative_tick_labels(series):
    svg = str(trend_chart_svg(series, title="1.1 Engagement activities held", unit="count", target=30))
    assert svg.startswith('<svg class="chart chart-small" role="img" aria-label="1.1 Engagement activities held"')
    assert "<title>1.1 Engagement activities held</title>" in svg
    labels = re.findall(r">\s*(-?[\d,.]+%?)\s*</text>", svg)
    assert labels and not any(label.startswith("-") for label in labels)
    assert "<style" not in svg and ' style="' not in svg  # nothing leaks to the page; attributes only


def test_the_target_is_drawn_and_labelled_and_the_latest_figure_written_once():
    series = [("Q1 26/27", 55, "red"), ("Q2 26/27", 91.5, "green")]
    svg = str(trend_chart_svg(series, title="1.3 Reports on time", unit="percent", target=90))
    text = " ".join(re.findall(r">([^<>]+)</text>", svg))
    assert "Target" in text and "90%" in text
    assert text.count("91.5%") == 1 and "55%" not in text  # only the latest point is labelled
    assert "stroke-dasharray" in svg  # the dashed target line


def test_status_is_told_by_marker_shape_as_well_as_colour():
    series = [("Q4 25/26", 40, "red"), ("Q1 26/27", 62, "amber"), ("Q2 26/27", 90, "green")]
    svg = str(trend_chart_svg(series, title="t", unit="percent", target=80))
    # matplotlib writes each marker shape once as a path definition: square, triangle and circle differ.
    markers = re.findall(r'<path id="c[0-9a-f]+-m[0-9a-f]+" d="([^"]+)"', svg)
    assert len(set(markers)) >= 3


def test_a_long_title_is_wrapped_not_cut():
    title = "1.5 Issues raised in estate champion surveys turned into an action within the quarter"
    svg = str(trend_chart_svg([("Q2 26/27", 60, "red")], title=title, unit="percent", target=90))
    lines = [line.strip() for line in re.findall(r">([^<>]+)</text>", svg)]
    start = lines.index(next(line for line in lines if line.startswith("1.5 Issues")))
    wrapped = lines[start : start + 3]
    assert len(wrapped[0]) < len(title) and title in " ".join(wrapped) and "…" not in svg


def test_bars_start_at_zero_with_round_ticks_and_thousands_separators():
    svg = str(bar_chart_svg([("Door knock", 10_518), ("Forum", 3)], title="By type"))
    text = [t.strip() for t in re.findall(r">([^<>]+)</text>", svg)]
    assert text[:4] == ["0", "5,000", "10,000", "15,000"] and "Door knock" in text


def test_two_charts_on_one_page_never_share_an_id():
    one = str(trend_chart_svg([("Q2 26/27", 1, "green")], title="a", unit="count"))
    two = str(trend_chart_svg([("Q2 26/27", 2, "green")], title="a", unit="count"))
    ids_one, ids_two = set(re.findall(r' id="([^"]+)"', one)), set(re.findall(r' id="([^"]+)"', two))
    assert ids_one and not ids_one & ids_two


def test_the_same_chart_is_drawn_once_and_then_served_from_the_cache(monkeypatch):
    from charter import charts

    drawn = []
    draw = charts._draw_trend
    monkeypatch.setattr(charts, "_draw_trend", lambda *a, **k: drawn.append(1) or draw(*a, **k))
    series = [("Q1 26/27", 7, "amber"), ("Q2 26/27", 9, "green")]
    title = f"cached {uuid.uuid4()}"
    first = trend_chart_svg(series, title=title, unit="count", target=8)
    again = trend_chart_svg(series, title=title, unit="count", target=8)
    assert first == again and len(drawn) == 1
