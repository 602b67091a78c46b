import datetime

import pytest

from engagement.factories import ActionFactory
from engagement.registry import COMPUTED_MEASURES

pytestmark = pytest.mark.django_db
D = datetime.date
Q3 = (D(2026, 10, 1), D(2026, 12, 31))


def _done(on, due, published_on=None):
    if published_on is None:
        return ActionFactory(status="done", done_on=on, due_on=due, we_did="Done", publish=True)
    published_at = datetime.datetime.combine(published_on, datetime.time(12), tzinfo=datetime.UTC)
    return ActionFactory(published=True, done_on=on, due_on=due, published_at=published_at)


def test_changes_made_counts_actions_completed_in_the_quarter_only():
    _done(D(2026, 10, 1), D(2026, 10, 5), published_on=D(2026, 10, 2))
    _done(D(2026, 12, 31), D(2026, 12, 1))  # put forward, public wording not yet approved
    _done(D(2026, 9, 30), D(2026, 10, 5), published_on=D(2026, 10, 7))  # done last quarter, published in this
    _done(D(2026, 9, 1), D(2026, 9, 5), published_on=D(2026, 9, 20))  # previous quarter
    ActionFactory()  # still open
    result = COMPUTED_MEASURES["actions.changes_made"].compute(*Q3)
    assert result.value == 2
    # Published means approved public wording, counted in the quarter it was published.
    assert COMPUTED_MEASURES["actions.you_said_we_did_published"].compute(*Q3).value == 2


def test_actions_on_time_is_the_share_done_by_their_due_date():
    _done(D(2026, 10, 5), D(2026, 10, 5))
    _done(D(2026, 11, 5), D(2026, 11, 30))
    _done(D(2026, 12, 5), D(2026, 11, 30))
    result = COMPUTED_MEASURES["actions.on_time_pct"].compute(*Q3)
    assert (result.numerator, result.denominator, result.value) == (2, 3, 66.7)


def test_a_quarter_with_no_completed_actions_has_no_figure_rather_than_zero():
    assert COMPUTED_MEASURES["actions.on_time_pct"].compute(*Q3).value is None
