"""Readings kept until what they read changes (engagement/freshness.py): which tables a reading
read is learned by watching its queries, including those of an aggregate it shares with another
reading and those of a branch taken only for some data."""

import logging
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from engagement import freshness
from engagement.factories import EstateFactory, NotificationFactory, PatchFactory
from engagement.freshness import Reading, readings_kept, tables_read
from engagement.models import Estate, Notification
from engagement.registry import batch_cached, measure_batch

pytestmark = pytest.mark.django_db

SCOPE = (1, "manager", "2026-11-25")


def _name() -> str:
    # Each test its own reading: what a process has learned outlives a test.
    return f"test-reading-{uuid.uuid4().hex}"


def _read(name, work, times=1):
    for _ in range(times):
        (value,) = readings_kept([Reading(name, SCOPE, work)])
    return value


def _estate_count() -> int:
    return Estate.objects.count()


def test_the_tables_a_query_names_are_read():
    EstateFactory()
    with tables_read() as read:
        list(Estate.objects.select_related("patch"))
    assert read == {"engagement_estate", "engagement_patch"}


def test_a_reading_is_worked_out_once_then_kept():
    EstateFactory()
    name = _name()
    calls = []

    def work():
        calls.append(1)
        return _estate_count()

    assert _read(name, work, times=5) == 1
    # Learned on the first, keyed and kept on the second, found on the rest.
    assert len(calls) == 2
    with CaptureQueriesContext(connection) as queries:
        assert _read(name, work) == 1
    assert len(queries) == 0


def test_a_write_to_a_table_it_read_works_it_out_again():
    EstateFactory()
    name = _name()
    assert _read(name, _estate_count, times=3) == 1
    EstateFactory()
    assert _read(name, _estate_count) == 2


def test_a_write_to_a_table_it_did_not_read_keeps_it():
    EstateFactory()
    name = _name()
    calls = []

    def work():
        calls.append(1)
        return _estate_count()

    _read(name, work, times=3)
    PatchFactory.create_batch(2)
    _read(name, work, times=2)
    assert len(calls) == 2


def test_an_aggregate_shared_through_the_batch_counts_for_every_reading_that_used_it():
    EstateFactory()
    first, second = _name(), _name()
    with measure_batch():
        readings_kept(
            [
                Reading(first, SCOPE, lambda: batch_cached(_estate_count)),
                # Served from the batch: runs no query of its own.
                Reading(second, SCOPE, lambda: batch_cached(_estate_count) * 10),
            ]
        )
    assert freshness._LEARNED[second] == {"engagement_estate"}
    _read(second, lambda: batch_cached(_estate_count) * 10, times=2)
    EstateFactory()
    with measure_batch():
        assert _read(second, lambda: batch_cached(_estate_count) * 10) == 20


def test_a_table_read_only_for_some_data_is_learned_when_that_data_comes():
    name = _name()
    EstateFactory.create_batch(3)

    def work():
        # Estates are counted only once someone has a notification.
        if not Notification.objects.exists():
            return "no notifications"
        return Estate.objects.count()

    assert _read(name, work, times=3) == "no notifications"
    assert freshness._LEARNED[name] == {"engagement_notification"}
    NotificationFactory()
    assert _read(name, work) == 3
    assert freshness._LEARNED[name] == {"engagement_notification", "engagement_estate"}
    _read(name, work, times=2)
    EstateFactory()
    assert _read(name, work) == 4


def test_a_value_that_cannot_be_kept_is_worked_out_each_time(caplog):
    EstateFactory()
    name = _name()
    calls = []

    def work():
        calls.append(1)
        count = _estate_count()
        return lambda: count  # a function does not pickle

    with caplog.at_level(logging.WARNING, logger="engagement.freshness"):
        assert _read(name, work, times=4)() == 1
    assert len(calls) == 4
    assert "cannot be kept" in caplog.text


def test_a_lazy_queryset_in_the_value_is_read_inside_the_watch():
    EstateFactory()
    name = _name()
    _read(name, lambda: {"estates": Estate.objects.all()})
    assert freshness._LEARNED[name] == {"engagement_estate"}


def test_each_scope_is_kept_apart():
    EstateFactory()
    name = _name()
    for _ in range(3):
        readings_kept([Reading(name, (1,), lambda: "first"), Reading(name, (2,), lambda: "second")])
    assert readings_kept([Reading(name, (1,), lambda: "x"), Reading(name, (2,), lambda: "y")]) == [
        "first",
        "second",
    ]


def test_drawn_html_holding_a_forms_token_is_never_kept(caplog):
    EstateFactory()
    name = _name()
    calls = []

    def work():
        calls.append(1)
        return f'<form><input type="hidden" name="csrfmiddlewaretoken" value="x">{_estate_count()}</form>'

    with caplog.at_level(logging.WARNING, logger="engagement.freshness"):
        _read(name, work, times=4)
    assert len(calls) == 4
    assert "CSRF token" in caplog.text
