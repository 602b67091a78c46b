"""Every staff list answers in a fixed number of queries, whatever the number of rows, and exports CSV."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType

from engagement.factories import ActionFactory
from panels.factories import (
    EstateWalkFactory,
    ExpenseClaimFactory,
    ExpressionOfInterestFactory,
    HeldMeetingFactory,
    MembershipFactory,
    PanelFactory,
    ScrutinyProjectFactory,
    TrainingRecordFactory,
)
from panels.models import ScrutinyProject

pytestmark = pytest.mark.django_db


def _panels(n):
    for _ in range(n):
        panel = PanelFactory()
        MembershipFactory(panel=panel)
        HeldMeetingFactory(panel=panel, meets_on=datetime.date(2026, 1, 1))


def _members(n):
    panel = PanelFactory()
    for _ in range(n):
        MembershipFactory(panel=panel)


def _eois(n):
    panel = PanelFactory()
    for _ in range(n):
        ExpressionOfInterestFactory(panel=panel)


def _meetings(n):
    panel = PanelFactory()
    for _ in range(n):
        HeldMeetingFactory(panel=panel)


def _scrutiny(n, officer=None):
    panel = ScrutinyProjectFactory().panel
    for _ in range(n - 1):
        ScrutinyProjectFactory(panel=panel)


def _scrutiny_actions(n):
    project = ScrutinyProjectFactory()
    for _ in range(n):
        action = ActionFactory(source_id=project.pk)
        action.source_type = ContentType.objects.get_for_model(ScrutinyProject)
        action.save()


def _walks(n):
    for _ in range(n):
        EstateWalkFactory()


def _training(n):
    for _ in range(n):
        TrainingRecordFactory()


def _claims(n):
    for _ in range(n):
        ExpenseClaimFactory()


LISTS = [
    ("/panels/", _panels),
    ("/panels/members/", _members),
    ("/panels/interest/", _eois),
    ("/panels/meetings/", _meetings),
    ("/panels/scrutiny/", _scrutiny),
    ("/panels/scrutiny/actions/", _scrutiny_actions),
    ("/panels/walks/", _walks),
    ("/panels/training/", _training),
    ("/panels/expenses/", _claims),
]


def _queries(client, url, captured):
    with captured as context:
        response = client.get(url)
        assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize(("url", "make"), LISTS, ids=[url for url, _ in LISTS])
def test_a_list_takes_as_many_queries_for_200_rows_as_for_10(officer_client, url, make, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make(10)
    small = _queries(officer_client, url, CaptureQueriesContext(connection))
    make(190)
    with django_assert_max_num_queries(small):
        response = officer_client.get(url)
        assert response.status_code == 200
    csv = officer_client.get(url + "?_export=csv")
    assert csv.status_code == 200 and csv["Content-Type"].startswith("text/csv")
    assert len(csv.getvalue().decode("utf-8-sig").strip().splitlines()) >= 201


def test_lists_can_be_filtered_for_a_charter_drilldown(officer_client):
    ExpressionOfInterestFactory(submitted_on=datetime.date(2026, 1, 5))
    ExpressionOfInterestFactory(submitted_on=datetime.date(2026, 6, 5))
    response = officer_client.get("/panels/interest/?answer_due_on_after=2026-01-01&answer_due_on_before=2026-03-31")
    assert response.context["table"].paginator.count == 1
