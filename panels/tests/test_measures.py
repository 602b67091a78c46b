"""The panels charter measures on hand-worked data (Q1 2026: 1 January – 31 March)."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType

from engagement.factories import ActionFactory
from engagement.models import Action
from engagement.registry import COMPUTED_MEASURES
from panels.factories import (
    ExpressionOfInterestFactory,
    HeldMeetingFactory,
    MeetingFactory,
    MembershipFactory,
    PanelFactory,
    ScrutinyProjectFactory,
    TrainingRecordFactory,
)
from panels.models import EoiStatus, ScrutinyProject

pytestmark = pytest.mark.django_db
D = datetime.date
Q1 = (D(2026, 1, 1), D(2026, 3, 31))


def _measure(key):
    return COMPUTED_MEASURES[key].compute(*Q1)


def test_every_agreed_key_is_registered():
    keys = {
        "scrutiny.completed",
        "scrutiny.actions_on_track_pct",
        "panels.meetings_held_vs_cadence_pct",
        "panels.minutes_on_time_pct",
        "panels.eoi_answered_in_2wd_pct",
        "panels.training_sessions",
        "panels.involved_customers",
    }
    assert keys <= set(COMPUTED_MEASURES)


def test_percentages_have_no_figure_without_data():
    for key in (
        "scrutiny.actions_on_track_pct",
        "panels.meetings_held_vs_cadence_pct",
        "panels.minutes_on_time_pct",
        "panels.eoi_answered_in_2wd_pct",
    ):
        assert _measure(key).value is None, key


def test_scrutiny_completed_counts_reports_delivered_in_the_quarter(officer):
    ScrutinyProjectFactory(lead_officer=officer, report_delivered_on=D(2026, 1, 1))
    ScrutinyProjectFactory(lead_officer=officer, report_delivered_on=D(2026, 3, 31))
    ScrutinyProjectFactory(lead_officer=officer, report_delivered_on=D(2025, 12, 31))
    ScrutinyProjectFactory(lead_officer=officer)
    result = _measure("scrutiny.completed")
    assert result.value == 2 and "report_delivered_on_after=2026-01-01" in result.drilldown_url


def test_scrutiny_actions_on_track_are_done_on_time_or_not_yet_due(officer):
    project = ScrutinyProjectFactory(lead_officer=officer)
    rows = [
        dict(status="done", done_on=D(2026, 2, 1), due_on=D(2026, 2, 1), we_did="x"),  # on time
        dict(status="done", done_on=D(2026, 2, 9), due_on=D(2026, 2, 1), we_did="x"),  # late
        dict(status="open", due_on=D(2026, 5, 1)),  # not yet due at 31 March
        dict(status="open", due_on=D(2026, 3, 1)),  # overdue
        dict(status="cancelled", due_on=D(2026, 3, 1)),  # not counted
    ]
    for row in rows:
        action = ActionFactory(owner=officer, **row)
        action.source_type = ContentType.objects.get_for_model(ScrutinyProject)
        action.source_id = project.pk
        action.save()
    Action.objects.update(created_at=datetime.datetime(2026, 1, 5, 12, tzinfo=datetime.UTC))
    ActionFactory(owner=officer, due_on=D(2026, 5, 1))  # not a scrutiny action
    late_comer = ActionFactory(owner=officer, due_on=D(2026, 5, 1), source_id=project.pk)
    late_comer.source_type = ContentType.objects.get_for_model(ScrutinyProject)
    late_comer.save()  # created after the quarter: not counted for it
    result = _measure("scrutiny.actions_on_track_pct")
    assert (result.numerator, result.denominator, result.value) == (2, 4, 50.0)


def test_meetings_held_against_the_cadence_count_each_panel_up_to_what_it_owed():
    cvg = PanelFactory(meets_every_months=2, cadence_from=D(2026, 1, 15))  # owes 15 Jan and 15 Mar
    HeldMeetingFactory(panel=cvg, meets_on=D(2026, 1, 15))
    MeetingFactory(panel=cvg, meets_on=D(2026, 3, 16))  # planned, not held
    monthly = PanelFactory(meets_every_months=1, cadence_from=D(2025, 12, 10))  # owes 10 Jan, 10 Feb, 10 Mar
    for day in (D(2026, 1, 10), D(2026, 2, 10), D(2026, 3, 10), D(2026, 3, 20)):
        HeldMeetingFactory(panel=monthly, meets_on=day)
    PanelFactory(meets_every_months=None)  # ad hoc: owes nothing
    PanelFactory(meets_every_months=2)  # never met, no start date: not counted
    result = _measure("panels.meetings_held_vs_cadence_pct")
    assert (result.numerator, result.denominator, result.value) == (4, 5, 80.0)


def test_minutes_on_time_are_those_published_by_their_due_date():
    HeldMeetingFactory(meets_on=D(2026, 1, 5), minutes_due_on=D(2026, 1, 19), minutes_published_on=D(2026, 1, 19))
    HeldMeetingFactory(meets_on=D(2026, 2, 5), minutes_due_on=D(2026, 2, 19), minutes_published_on=D(2026, 2, 20))
    HeldMeetingFactory(meets_on=D(2026, 3, 16), minutes_due_on=D(2026, 3, 30))  # not published
    HeldMeetingFactory(meets_on=D(2026, 3, 25), minutes_due_on=D(2026, 4, 8), minutes_published_on=D(2026, 4, 1))
    result = _measure("panels.minutes_on_time_pct")
    assert (result.numerator, result.denominator, result.value) == (1, 3, 33.3)


def test_eois_answered_within_two_working_days():
    ExpressionOfInterestFactory(submitted_on=D(2026, 1, 5), status=EoiStatus.ACCEPTED, answered_on=D(2026, 1, 7))
    ExpressionOfInterestFactory(submitted_on=D(2026, 2, 2), status=EoiStatus.DECLINED, answered_on=D(2026, 2, 5))
    ExpressionOfInterestFactory(submitted_on=D(2026, 3, 2))  # still waiting, due 4 March
    ExpressionOfInterestFactory(submitted_on=D(2026, 3, 9), status=EoiStatus.WITHDRAWN)
    result = _measure("panels.eoi_answered_in_2wd_pct")
    assert (result.numerator, result.denominator, result.value) == (1, 3, 33.3)


def test_training_sessions_count_completed_training_in_the_quarter(customer, other_customer):
    TrainingRecordFactory(customer=customer, held_on=D(2026, 1, 10))
    TrainingRecordFactory(customer=customer, held_on=D(2026, 2, 10), course="chairing")
    TrainingRecordFactory(customer=other_customer, held_on=D(2026, 3, 10))
    TrainingRecordFactory(customer=other_customer, held_on=D(2026, 3, 11), completed=False)
    TrainingRecordFactory(customer=other_customer, held_on=D(2026, 4, 1))
    result = _measure("panels.training_sessions")
    assert result.value == 3 and "by 2 customers" in result.detail


def test_involved_customers_are_those_on_a_panel_at_the_end_of_the_quarter(customer, other_customer):
    MembershipFactory(customer=customer, starts_on=D(2025, 1, 1))
    MembershipFactory(customer=customer, starts_on=D(2025, 6, 1))  # a second panel: still one person
    MembershipFactory(customer=other_customer, starts_on=D(2025, 1, 1), ends_on=D(2026, 3, 30))
    MembershipFactory(starts_on=D(2026, 4, 1))
    result = _measure("panels.involved_customers")
    assert result.value == 1 and result.drilldown_url.endswith("current_on=2026-03-31")


def test_measures_use_a_fixed_number_of_queries(django_assert_max_num_queries):
    for n in range(5):
        panel = PanelFactory(meets_every_months=1, cadence_from=D(2025, 1, 1))
        HeldMeetingFactory(panel=panel, meets_on=D(2026, 1, 10 + n))
    with django_assert_max_num_queries(2):
        _measure("panels.meetings_held_vs_cadence_pct")
