"""factory_boy factories for activities (tests, access matrix and benchmark)."""

import datetime

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from engagement.factories import EstateFactory, OfficerFactory

from .models import ActivityAttachment, ActivityStatus, ActivityType, EngagementActivity


class ActivityFactory(factory.django.DjangoModelFactory):
    """A meeting held two days ago whose report is still owed."""

    class Meta:
        model = EngagementActivity

    activity_type = ActivityType.MEETING
    title = factory.Sequence(lambda n: f"Residents' meeting {n}")
    purpose = "Hear what residents think of the communal cleaning."
    estate = factory.SubFactory(EstateFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=2))
    lead_officer = factory.SubFactory(OfficerFactory)
    customers_engaged = 12
    customers_assisted = 3
    feedback_captured = True
    feedback_notes = "Cleaning of the stairwells is patchy."
    status = ActivityStatus.HELD

    class Params:
        planned = factory.Trait(
            status=ActivityStatus.PLANNED,
            starts_at=factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=5)),
            customers_engaged=0,
            customers_assisted=0,
            feedback_captured=False,
            feedback_notes="",
        )
        reported = factory.Trait(
            status=ActivityStatus.REPORTED,
            outcome="Agreed a new cleaning rota.",
            customers_said="The stairwells are not cleaned on Fridays.",
            reported_at=factory.LazyFunction(timezone.now),
        )


class ActivityAttachmentFactory(factory.django.DjangoModelFactory):
    """A sign-in sheet scanned as a PDF, in private storage."""

    class Meta:
        model = ActivityAttachment

    activity = factory.SubFactory(ActivityFactory)
    file = factory.LazyFunction(lambda: ContentFile(b"%PDF-1.4\n%%EOF\n", name="sign-in.pdf"))
    kind = "sign_in"
    original_name = "sign-in.pdf"
    content_type = "application/pdf"
    size = 15
