"""Sending an estate champion survey is one of the busiest writes (issue #18: p95 at most 150 ms
with 20 champions sending at once on two workers), so the submit makes as few round trips to the
database as it can: the survey, its photos, its issues, the officer's notification and the queued
email are written in one transaction (one commit, not three), the form token is looked up once,
and photos are counted only when some were chosen."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from engagement.models import Notification, PendingTask
from panels.factories import EstateChampionFactory
from surveys.models import ChampionIssue, ChampionSurvey

from .test_champion_survey import _answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def champion(customer):
    EstateChampionFactory(customer=customer, estates=[customer.estate])
    return customer


def _submit(client, customer):
    url = reverse("surveys:champion_new", args=[customer.estate_id])
    client.get(reverse("surveys:champion_home"))  # the session and content types are warm, as on a live site
    with CaptureQueriesContext(connection) as queries:
        response = client.post(url, _answers(uuid.uuid4(), asb_comment="Graffiti on the garages."))
    assert response.status_code == 302
    return [query["sql"] for query in queries.captured_queries]


def test_a_survey_with_two_issues_is_sent_in_at_most_13_round_trips(customer_client, champion):
    sql = _submit(customer_client, champion)
    # Session, user, customer, estate, token lookup, pending photos; then the transaction: begin
    # (a savepoint in a test), survey, photos, issues, notification, outbox row, commit.
    assert len(sql) <= 13, "\n".join(sql)
    assert ChampionSurvey.objects.count() == 1 and ChampionIssue.objects.count() == 2
    assert Notification.objects.filter(user=champion.estate.officer).count() == 1


def test_the_token_is_looked_up_once_and_photos_are_not_counted_when_none_were_chosen(customer_client, champion):
    sql = _submit(customer_client, champion)
    lookups = [s for s in sql if s.startswith("SELECT") and 'FROM "surveys_championsurvey"' in s]
    assert len(lookups) == 1
    assert not [s for s in sql if "COUNT(" in s and "surveys_championphoto" in s]


def test_the_notification_and_its_email_are_written_in_the_surveys_transaction(customer_client, champion):
    sql = _submit(customer_client, champion)
    survey_at = next(i for i, s in enumerate(sql) if s.startswith('INSERT INTO "surveys_championsurvey"'))
    released = [i for i, s in enumerate(sql) if s.startswith(("RELEASE SAVEPOINT", "COMMIT"))]
    notification_at = next(i for i, s in enumerate(sql) if s.startswith('INSERT INTO "engagement_notification"'))
    # One savepoint (the survey's transaction) is opened and released, after the notification.
    assert len(released) == 1 and survey_at < notification_at < released[0]
    if champion.estate.officer.email:
        outbox_at = next(i for i, s in enumerate(sql) if s.startswith('INSERT INTO "engagement_pendingtask"'))
        assert outbox_at < released[0]
        assert PendingTask.objects.count() == 1
