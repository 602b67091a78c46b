"""The demo reads like a real landlord to the people it is for (issue 14): two years of history,
titles that fit names, notices dated when they were sent, panels that meet on their own days,
comments that agree with their ratings, praise thanked rather than left waiting, and no action
agreed twice."""

import datetime

import pytest
from django.core.management import call_command
from django.db.models import Count, Max, Min
from django.utils import timezone

from activities.models import EngagementActivity
from engagement.demo import WOMENS_NAMES
from engagement.models import Action, Customer, Notification
from feedback.models import Complaint
from panels.models import Meeting, MeetingStatus
from surveys.demo import COMMENTS, PRAISE
from surveys.models import ChampionIssue, IssueStatus, Rating

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 23)


def test_the_demo_reads_like_a_real_landlord():
    call_command("seed_demo", "--today", TODAY.isoformat())

    # Dates spread over the past two years.
    first = EngagementActivity.objects.aggregate(first=Min("starts_at"))["first"]
    assert (TODAY - timezone.localdate(first)).days >= 700
    assert (TODAY - Complaint.objects.aggregate(first=Min("received_on"))["first"]).days >= 600

    # "Mrs Amelia Ahmed", never "Mr Amelia Ahmed".
    assert not Customer.objects.filter(title="Mr", first_name__in=WOMENS_NAMES).exists()
    assert not Customer.objects.filter(title__in=["Mrs", "Ms", "Miss"]).exclude(first_name__in=WOMENS_NAMES).exists()

    # No notice dated after it could have been sent.
    assert not Notification.objects.filter(created_at__gt=timezone.now()).exists()

    # Panels meet on their own days: not all "met today".
    last_met = list(
        Meeting.objects.filter(status=MeetingStatus.HELD)
        .values("panel")
        .annotate(last=Max("meets_on"))
        .values_list("last", flat=True)
    )
    assert len(last_met) >= 8 and len(set(last_met)) >= len(last_met) // 2
    assert last_met.count(TODAY) <= 1

    # A comment agrees with its rating, and praise is thanked and closed, not left waiting.
    poor_words, praise_words = sum(COMMENTS.values(), []), sum(PRAISE.values(), [])
    assert not ChampionIssue.objects.filter(rating=Rating.GOOD, comment__in=poor_words).exists()
    assert not ChampionIssue.objects.filter(rating=Rating.POOR, comment__in=praise_words).exists()
    assert ChampionIssue.objects.filter(rating=Rating.GOOD).exists()
    assert not ChampionIssue.objects.filter(rating=Rating.GOOD, status=IssueStatus.NEW).exists()

    # The same action is never agreed twice for the same place.
    repeated = Action.objects.values("you_said", "we_will", "estate").annotate(n=Count("pk")).filter(n__gt=1).count()
    assert repeated == 0
