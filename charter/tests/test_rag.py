from decimal import Decimal

import pytest

from charter.models import Rag
from charter.services import format_value, rag_for


@pytest.mark.parametrize(
    ("value", "expected"),
    [(90, Rag.GREEN), (95, Rag.GREEN), (89.9, Rag.AMBER), (85, Rag.AMBER), (84.99, Rag.RED), (0, Rag.RED)],
)
def test_higher_is_better_green_at_target_amber_within_tolerance_red_beyond(value, expected):
    assert rag_for(value=value, target=90, direction="higher", amber_tolerance=5) == expected


@pytest.mark.parametrize(("value", "expected"), [(50, Rag.GREEN), (12, Rag.GREEN), (55, Rag.AMBER), (55.01, Rag.RED)])
def test_lower_is_better_turns_amber_then_red_above_the_target(value, expected):
    assert rag_for(value=value, target=50, direction="lower", amber_tolerance=5) == expected


def test_without_tolerance_anything_short_of_target_is_red():
    assert rag_for(value=0, target=1, direction="higher", amber_tolerance=0) == Rag.RED
    assert rag_for(value=1, target=1, direction="higher", amber_tolerance=0) == Rag.GREEN


def test_no_figure_or_no_target_has_no_status_rather_than_a_colour():
    assert rag_for(value=None, target=90, direction="higher", amber_tolerance=5) == Rag.NONE
    assert rag_for(value=Decimal("0"), target=None, direction="higher", amber_tolerance=5) == Rag.NONE


def test_figures_are_written_as_people_read_them():
    assert format_value(Decimal("87.50"), "percent") == "87.5%"
    assert format_value(Decimal("1234"), "count") == "1,234"
    assert format_value(3.25, "per_1000") == "3.3 per 1,000 homes"
    assert format_value(Decimal("8.40"), "working_days") == "8.4 working days"
    assert format_value(Decimal("1"), "yes_no") == "Yes" and format_value(Decimal("0"), "yes_no") == "No"
    assert format_value(None, "percent") == "No figure"
