"""Log and report in one go: a door knock that already happened, logged and reported on one page.

How many fields does an officer touch? At most SIX for a door knock (N = 6). The seed asks every
activity report for six facts only the officer knows (section 2.1: what type, where, why; the
report: how many customers, what they said, what came of it). Everything else has a sensible
default: today, the current hour, the officer as lead, their estates first and the type and estate
they logged last, a title made from the type and place, none assisted, no partners. Checked by
submitting the page as rendered with only those fields changed, and counting the changes.
"""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from activities.factories import ActivityFactory
from activities.models import ActivityStatus, ActivityType, EngagementActivity
from engagement.dates import date_parts_data
from engagement.factories import EstateFactory, PatchFactory
from engagement.models import Action

from .formpage import form_defaults

pytestmark = pytest.mark.django_db
MOST_FIELDS_FOR_A_DOOR_KNOCK = 6
URL = reverse("activities:log_and_report")


@pytest.fixture
def patch(officer):
    return PatchFactory(officer=officer, name="North")


@pytest.fixture
def alder(patch):
    return EstateFactory(name="Alder Close", patch=patch)


@pytest.fixture
def birch(patch):
    return EstateFactory(name="Birch Court", patch=patch)


def _typed(officer_client, changes: dict) -> tuple[dict, int]:
    defaults = form_defaults(officer_client.get(URL).content.decode(), containing="form_token")
    data = {**defaults, **changes}
    changed = [name for name in data if data[name] != defaults.get(name, "")]
    return data, len(changed)


def _door_knock(estate=None, **extra) -> dict:
    typed = {
        "activity_type": ActivityType.DOOR_KNOCK,
        "purpose": "Ask how the new repairs contractor is doing",
        "customers_engaged": "17",
        "customers_said": "Repairs booked in the morning are missed",
        "outcome": "Raised with the contractor; three jobs rebooked",
    }
    if estate is not None:
        typed["estate"] = str(estate.pk)
    return {**typed, **extra}


def test_a_first_door_knock_is_logged_and_reported_with_at_most_six_fields(officer_client, officer, alder, birch):
    data, changed = _typed(officer_client, _door_knock(estate=birch))
    assert changed == MOST_FIELDS_FOR_A_DOOR_KNOCK
    response = officer_client.post(URL, data)
    activity = EngagementActivity.objects.get()
    assert response.status_code == 302 and response["Location"] == activity.get_absolute_url()
    assert activity.status == ActivityStatus.REPORTED and activity.reported_at is not None
    assert activity.title == "Door knock at Birch Court"
    assert activity.lead_officer == officer and activity.event_date == timezone.localdate()
    assert activity.customers_engaged == 17 and activity.customers_assisted == 0
    assert not Action.objects.exists()  # the one empty action block is ignored


def test_the_next_door_knock_starts_from_the_type_and_estate_used_last(officer_client, officer, alder, birch):
    ActivityFactory(lead_officer=officer, activity_type=ActivityType.DOOR_KNOCK, estate=birch)
    typed = _door_knock()
    typed.pop("activity_type")
    data, changed = _typed(officer_client, typed)
    assert changed == 4
    assert officer_client.post(URL, data).status_code == 302
    assert EngagementActivity.objects.latest("pk").estate == birch


def test_an_officer_with_one_estate_has_it_chosen_and_their_estates_come_first(officer_client, officer, alder):
    EstateFactory(name="Aardvark House")  # someone else's, first in the alphabet
    response = officer_client.get(URL)
    assert response.context["form"].initial["estate"] == alder.pk
    body = response.content.decode()
    assert body.index('label="Your estates"') < body.index("Alder Close") < body.index('label="Other estates"')


def test_an_activity_away_from_our_estates_is_filed_under_the_officers_patch(officer_client, officer, patch):
    data, _ = _typed(officer_client, _door_knock(location="Outside the Co-op, High Street"))
    data["estate"] = ""
    assert officer_client.post(URL, data).status_code == 302
    activity = EngagementActivity.objects.get()
    assert activity.patch == patch and activity.title == "Door knock at Outside the Co-op, High Street"


def test_errors_keep_everything_typed_and_nothing_is_half_saved(officer_client, officer, alder):
    data, _ = _typed(officer_client, _door_knock(outcome="", **{"actions-0-you_said": "Bins"}))
    response = officer_client.post(URL, data)
    assert response.status_code == 200 and not EngagementActivity.objects.exists()
    body = response.content.decode()
    assert "Ask how the new repairs contractor is doing" in body and re.search(r">\s*Bins</textarea>", body)
    assert 'href="#id_outcome"' in body and 'href="#id_actions-0-we_will"' in body


def test_a_future_activity_is_sent_to_the_planning_form(officer_client, officer, alder):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    data, _ = _typed(officer_client, _door_knock(**date_parts_data("date", tomorrow)))
    response = officer_client.post(URL, data)
    assert response.status_code == 200 and not EngagementActivity.objects.exists()
    assert "already happened" in response.content.decode()


def test_a_coffee_morning_without_noted_feedback_is_refused_here_too(officer_client, officer, alder):
    data, _ = _typed(officer_client, _door_knock(activity_type=ActivityType.COFFEE_MORNING))
    response = officer_client.post(URL, data)
    assert response.status_code == 200 and not EngagementActivity.objects.exists()
    assert "A coffee morning counts as engagement only when" in response.content.decode()


def test_an_officer_cannot_report_for_someone_else(officer_client, officer, other_officer, alder):
    data, _ = _typed(officer_client, _door_knock(lead_officer=str(other_officer.pk)))
    response = officer_client.post(URL, data)
    assert response.status_code == 200 and not EngagementActivity.objects.exists()
    assert "only for an activity you lead" in response.content.decode()


def test_pressing_the_button_twice_logs_and_reports_once(officer_client, officer, alder):
    data, _ = _typed(officer_client, _door_knock(**{"actions-0-you_said": "Bins", "actions-0-we_will": "Fix"}))
    first, second = officer_client.post(URL, data), officer_client.post(URL, data)
    assert first.status_code == second.status_code == 302
    assert EngagementActivity.objects.count() == 1 and Action.objects.count() == 1
