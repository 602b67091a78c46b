"""The activity lists: what each shows, filters, CSV, and a fixed number of queries."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from activities.factories import ActivityFactory
from activities.models import ActivityStatus, ActivityType, EngagementActivity
from engagement.factories import ChaseNoticeFactory, EstateFactory
from tests.support import freeze_now

from .helpers import at

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.mark.parametrize("url_name", ["activities:mine", "activities:reports_due", "activities:all"])
@pytest.mark.parametrize("rows", [10, 200])
def test_each_list_runs_a_fixed_number_of_queries_whatever_the_row_count(
    officer_client, officer, url_name, rows, django_assert_max_num_queries
):
    estates = [EstateFactory() for _ in range(3)]
    for n in range(rows):
        ActivityFactory(
            lead_officer=officer, estate=estates[n % 3], starts_at=timezone.now() - datetime.timedelta(days=n % 20)
        )
    with django_assert_max_num_queries(14):
        response = officer_client.get(reverse(url_name), {"sort": "place"})
    assert response.status_code == 200


@pytest.mark.parametrize("rows", [10, 200])
def test_the_upcoming_view_runs_a_fixed_number_of_queries(officer_client, officer, rows, django_assert_max_num_queries):
    estate = EstateFactory()
    for n in range(rows):
        ActivityFactory(
            lead_officer=officer, estate=estate, planned=True, starts_at=timezone.now() + datetime.timedelta(hours=n)
        )
    with django_assert_max_num_queries(8):
        assert officer_client.get(reverse("activities:upcoming")).status_code == 200


def test_my_activities_shows_only_mine_and_all_activities_shows_everyones(officer_client, officer, other_officer):
    ActivityFactory(lead_officer=officer, title="Mine: coffee morning")
    ActivityFactory(lead_officer=other_officer, title="Theirs: estate walk")
    mine = officer_client.get(reverse("activities:mine")).content.decode()
    everyone = officer_client.get(reverse("activities:all")).content.decode()
    assert "Mine: coffee morning" in mine and "Theirs: estate walk" not in mine
    assert "Mine: coffee morning" in everyone and "Theirs: estate walk" in everyone


def test_reports_due_lists_returned_reports_first_then_the_rest_soonest_first(officer_client, officer, monkeypatch):
    # Today is Friday 27 November 2026.
    freeze_now(monkeypatch, at(2026, 11, 27, 12))
    ActivityFactory(lead_officer=officer, title="Overdue one", starts_at=at(2026, 11, 18))  # due Wed 25 Nov
    ActivityFactory(lead_officer=officer, title="Due soon", starts_at=at(2026, 11, 26))  # due Thu 3 Dec
    returned = ActivityFactory(lead_officer=officer, title="Returned one", starts_at=at(2026, 11, 2), reported=True)
    EngagementActivity.objects.filter(pk=returned.pk).update(status="returned", resubmit_due_on=D(2026, 12, 1))
    ActivityFactory(lead_officer=officer, title="Already filed", reported=True)
    ActivityFactory(lead_officer=officer, title="Next week", planned=True, starts_at=at(2026, 12, 2))
    response = officer_client.get(reverse("activities:reports_due"))
    titles = [row.record.title for row in response.context["table"].page.object_list]
    # The dashboard's "returned to you" opens this list: returned reports come first.
    assert titles == ["Returned one", "Overdue one", "Due soon"]
    body = response.content.decode()
    assert re.search(r"<details[^>]*\bopen\b", body) is None  # no filter asked for: filters folded away
    # Due Wed 25 Nov: Thu 26 (1), Fri 27 (2) working days overdue. Returned: due Tue 1 Dec, 2 working days on.
    assert "badge-overdue" in body and "2 working days overdue" in body
    assert "Returned: Due in 2 working days" in body


def test_filters_by_type_officer_status_patch_and_date_range(manager_client, officer, other_officer):
    estate = EstateFactory()
    ActivityFactory(
        lead_officer=officer,
        estate=estate,
        activity_type=ActivityType.SURVEY,
        title="Survey A",
        starts_at=at(2026, 10, 5),
    )
    ActivityFactory(
        lead_officer=other_officer, activity_type=ActivityType.SURVEY, title="Survey B", starts_at=at(2026, 10, 6)
    )
    ActivityFactory(lead_officer=officer, estate=estate, title="Meeting C", starts_at=at(2026, 9, 5), reported=True)
    url = reverse("activities:all")

    def titles(**params):
        response = manager_client.get(url, params)
        return sorted(row.record.title for row in response.context["table"].page.object_list)

    assert titles(activity_type="survey") == ["Survey A", "Survey B"]
    assert titles(lead_officer=officer.pk) == ["Meeting C", "Survey A"]
    assert titles(status="reported") == ["Meeting C"]
    assert titles(patch=estate.patch_id) == ["Meeting C", "Survey A"]
    assert titles(from_date="2026-10-01", to_date="2026-10-05") == ["Survey A"]
    assert titles(report="to_verify") == ["Meeting C"]


def test_the_filtered_list_downloads_as_csv(manager_client, officer):
    ActivityFactory(lead_officer=officer, title="Door knock on Rowan Way", activity_type=ActivityType.DOOR_KNOCK)
    ActivityFactory(lead_officer=officer, title="Forum on repairs", activity_type=ActivityType.FORUM)
    response = manager_client.get(reverse("activities:all"), {"activity_type": "door_knock", "_export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    body = response.getvalue().decode("utf-8-sig")
    assert "Door knock on Rowan Way" in body and "Forum on repairs" not in body
    assert "<span" not in body  # plain values, not the badges


def test_the_upcoming_view_groups_by_week_and_day(officer_client, officer, other_officer):
    soon = timezone.localtime() + datetime.timedelta(days=2)
    ActivityFactory(lead_officer=officer, planned=True, title="My forum", starts_at=soon)
    ActivityFactory(lead_officer=other_officer, planned=True, title="Their walk", starts_at=soon)
    ActivityFactory(
        lead_officer=officer, planned=True, title="Called off", starts_at=soon, status=ActivityStatus.CANCELLED
    )
    mine = officer_client.get(reverse("activities:upcoming"))
    assert [a.title for week in mine.context["weeks"] for day in week.days for a in day.activities] == ["My forum"]
    everyone = officer_client.get(reverse("activities:upcoming"), {"who": "all"}).content.decode()
    assert "My forum" in everyone and "Their walk" in everyone and "Called off" not in everyone
    assert f"{soon:%A %-d %B}" in everyone


def test_the_activity_page_shows_the_chase_history(officer_client, officer, manager):
    activity = ActivityFactory(lead_officer=officer)
    reminder = ChaseNoticeFactory(
        kind="activity_report", object_id=activity.pk, due_on=activity.report_due_on, step="escalation", period=2
    )
    reminder.recipients.set([officer, manager])
    ChaseNoticeFactory(kind="action", object_id=activity.pk, step="reminder")  # another record's notice
    body = officer_client.get(activity.get_absolute_url()).content.decode()
    assert "Escalated to the manager (2)" in body
    assert body.count("Reminder</td>") == 0
    assert "Mina Manager" in body


def test_the_dashboards_returned_to_you_tile_opens_my_reports_due_with_returned_ones_first(officer_client, officer):
    returned = ActivityFactory(lead_officer=officer, title="Returned one", reported=True)
    EngagementActivity.objects.filter(pk=returned.pk).update(
        status="returned", resubmit_due_on=timezone.localdate() + datetime.timedelta(days=5)
    )
    body = officer_client.get(reverse("home")).content.decode()
    tile = re.search(r'<a [^>]*href="([^"]+)"[^>]*>\s*<span class="stat d-block">1</span>returned to you', body)
    assert tile and tile[1] == reverse("activities:reports_due")
