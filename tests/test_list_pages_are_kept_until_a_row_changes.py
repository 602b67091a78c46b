"""Every list page (engagement.views.ExportableListView) draws its page of rows once and shows it
again until a table it read is written, or the day changes (engagement/freshness.py). Each person,
filter, sort and page is its own; the filter form is drawn live; the table object is still there
for code that asks for it."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from activities.factories import ActivityFactory
from activities.models import EngagementActivity
from mailouts.factories import DeliveryFactory, MailOutFactory

pytestmark = pytest.mark.django_db

ALL = reverse("activities:all")
MINE = reverse("activities:mine")


def _looked_at(client, url, query=None):
    for _ in range(3):
        assert client.get(url, query or {}).status_code == 200


def _titles(client, url, query=None) -> set[str]:
    body = client.get(url, query or {}).content.decode()
    return set(re.findall(r"Door knock on [A-Z][a-z]+ Way", body))


def test_a_later_look_reads_no_activity_row_again(officer_client, officer):
    ActivityFactory.create_batch(3, lead_officer=officer)
    _looked_at(officer_client, ALL)
    with CaptureQueriesContext(connection) as queries:
        response = officer_client.get(ALL)
    assert response.status_code == 200 and response.context["result_count"] == 3
    assert not [query for query in queries if 'FROM "activities_engagementactivity"' in query["sql"]]


def test_a_new_activity_is_listed_at_once(officer_client, officer):
    ActivityFactory(lead_officer=officer)
    _looked_at(officer_client, ALL)
    ActivityFactory(lead_officer=officer, title="Door knock on Rowan Way")
    response = officer_client.get(ALL)
    assert response.context["result_count"] == 2
    assert "Door knock on Rowan Way" in response.content.decode()


def test_a_bulk_change_is_listed_at_once(officer_client, officer):
    activity = ActivityFactory(lead_officer=officer, title="Door knock on Rowan Way")
    _looked_at(officer_client, ALL)
    EngagementActivity.objects.filter(pk=activity.pk).update(title="Door knock on Elder Way")
    assert _titles(officer_client, ALL) == {"Door knock on Elder Way"}


def test_each_officer_keeps_their_own_list(officer_client, officer, other_officer, client):
    mine = ActivityFactory(lead_officer=officer, title="Door knock on Rowan Way")
    theirs = ActivityFactory(lead_officer=other_officer, title="Door knock on Elder Way")
    client.force_login(other_officer)
    _looked_at(officer_client, MINE)
    _looked_at(client, MINE)
    assert _titles(officer_client, MINE) == {mine.title}
    assert _titles(client, MINE) == {theirs.title}


def test_each_filter_is_its_own(officer_client, officer):
    ActivityFactory(lead_officer=officer, title="Door knock on Rowan Way")
    ActivityFactory(lead_officer=officer, planned=True)
    _looked_at(officer_client, ALL)
    _looked_at(officer_client, ALL, {"status": "held"})
    assert officer_client.get(ALL).context["result_count"] == 2
    assert officer_client.get(ALL, {"status": "held"}).context["result_count"] == 1


def test_the_table_is_still_there_for_code_that_asks(officer_client, officer):
    ActivityFactory.create_batch(2, lead_officer=officer)
    _looked_at(officer_client, ALL)
    table = officer_client.get(ALL).context["table"]
    assert len(table.page.object_list) == 2


def test_a_list_under_another_records_address_is_that_records_own(officer_client):
    # The deliveries of two mail-outs: the same list view, the mail-out's id in the path.
    first, second = MailOutFactory(), MailOutFactory()
    DeliveryFactory(mailout=first, name="Ada Lovelace")
    DeliveryFactory(mailout=second, name="Grace Hopper")
    for mailout in (first, second):
        _looked_at(officer_client, reverse("mailouts:deliveries", args=[mailout.pk]))
    first_page = officer_client.get(reverse("mailouts:deliveries", args=[first.pk])).content.decode()
    second_page = officer_client.get(reverse("mailouts:deliveries", args=[second.pk])).content.decode()
    assert "Ada Lovelace" in first_page and "Grace Hopper" not in first_page
    assert "Grace Hopper" in second_page and "Ada Lovelace" not in second_page
