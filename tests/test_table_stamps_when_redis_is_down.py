"""Redis down never turns a saved write into a 500 because of the tables' write stamps
(engagement/stamp_cache.py): the stamp is written after the commit, so a failure there is logged,
the request answers as usual, and pages that would read kept panels work them out afresh.

The stamps cache here is a Redis port that refuses every connection (tests.support), what a
request sees when Redis is down; the rest of the cache is left working, as the broker tests do.
"""

import logging

import pytest
from django.core.cache import caches
from django.urls import reverse

from activities.factories import ActivityFactory
from engagement.factories import EstateFactory, NotificationFactory
from engagement.models import Estate, Notification
from engagement.stamp_cache import ForgivingRedisCache
from tests.support import CLOSED_PORT_BROKER


@pytest.fixture
def stamps_unreachable(settings):
    settings.CACHES = {
        **settings.CACHES,
        "stamps": {
            "BACKEND": "engagement.stamp_cache.ForgivingRedisCache",
            "LOCATION": CLOSED_PORT_BROKER,
            "KEY_PREFIX": "unreachable",
        },
    }
    assert isinstance(caches["stamps"], ForgivingRedisCache)


def test_the_stamps_cache_finds_nothing_and_logs_what_it_could_not_write(stamps_unreachable, caplog):
    stamps = caches["stamps"]
    with caplog.at_level(logging.WARNING, logger="engagement.stamp_cache"):
        assert stamps.get_many(["a", "b"]) == {}
        assert stamps.set_many({"a": 1.0, "b": 2.0}) == ["a", "b"]
    assert "could not be read" in caplog.text and "could not be written (Redis unreachable): 2 tables" in caplog.text


@pytest.mark.django_db(transaction=True)
def test_a_write_committed_while_redis_is_down_is_kept_and_raises_nothing(stamps_unreachable):
    # Autocommit: cachalot stamps the table right after the INSERT's commit.
    estate = EstateFactory(name="Rowan Way")
    assert Estate.objects.filter(pk=estate.pk, name="Rowan Way").exists()


@pytest.mark.django_db(transaction=True)
def test_a_request_that_saved_its_data_answers_as_usual_while_redis_is_down(
    stamps_unreachable, officer, officer_client
):
    notification = NotificationFactory(user=officer)
    response = officer_client.post(reverse("notifications_read"), {"notification": [notification.pk]})
    assert response.status_code == 302
    assert Notification.objects.get(pk=notification.pk).read_at is not None


@pytest.mark.django_db(transaction=True)
def test_the_dashboard_works_its_panels_out_afresh_while_redis_is_down(stamps_unreachable, officer, officer_client):
    ActivityFactory(lead_officer=officer, title="Coffee morning at Elm Court")
    for _ in range(2):
        response = officer_client.get("/")
        assert response.status_code == 200
        assert "Coffee morning at Elm Court" in response.content.decode()
