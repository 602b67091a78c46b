"""The feedback demo: two realistic years, deterministic and idempotent."""

import datetime
import random

import pytest

from engagement import demo as core_demo
from engagement.models import Action
from feedback import demo, selectors
from feedback.models import Complaint, Compliment, LessonsLearned, Suggestion

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 23)


def _snapshot():
    return {
        "complaints": list(
            Complaint.objects.order_by("form_token").values_list(
                "form_token", "received_on", "status", "stage", "stage1_outcome", "stage1_responded_on"
            )
        ),
        "lessons": LessonsLearned.objects.count(),
        "compliments": Compliment.objects.count(),
        "suggestions": Suggestion.objects.count(),
        "actions": Action.objects.exclude(source_type=None).count(),
    }


def test_the_demo_is_a_realistic_year_deterministic_and_running_it_again_adds_nothing():
    context = core_demo.seed(random.Random("core"), TODAY)
    demo.seed(random.Random("feedback"), TODAY, context)
    first = _snapshot()
    assert len(first["complaints"]) == demo.COMPLAINTS
    statuses = {row[2] for row in first["complaints"]}
    assert statuses == {"received", "acknowledged", "responded", "closed"}
    assert {row[3] for row in first["complaints"]} == {1, 2}
    assert Complaint.objects.filter(stage1_extended_due_on__isnull=False).exists()
    assert Complaint.objects.filter(customer__isnull=True).exists()
    assert first["lessons"] > 10 and first["compliments"] == demo.COMPLIMENTS
    # Closed upheld complaints always have their lessons learned.
    assert not Complaint.objects.filter(status="closed", stage1_outcome="upheld", lessons_learned__isnull=True).exists()
    year = selectors.complaint_figures(start=TODAY - datetime.timedelta(days=365), end=TODAY)
    assert 60 <= year.stage1.on_time_pct <= 95
    assert 10 <= year.stage1.per_1000_homes <= 40

    demo.seed(random.Random("feedback"), TODAY, context)
    assert _snapshot() == first

    # Deterministic: the same rng seed on an empty app gives the same rows.
    Action.objects.exclude(source_type=None).delete()
    LessonsLearned.objects.all().delete()
    Complaint.objects.all().delete()
    Compliment.objects.all().delete()
    Suggestion.objects.all().delete()
    demo.seed(random.Random("feedback"), TODAY, context)
    assert _snapshot() == first
