import datetime

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from engagement.factories import InvolvedCustomerFactory, OfficerFactory, pdf_bytes
from panels.factories import PanelFactory
from panels.models import PanelKind

from .models import (
    Group,
    GroupKind,
    InvolvementLevel,
    Opportunity,
    ProgrammeCourse,
    ReviewDocument,
    TrainingProgramme,
)


class InvolvementLevelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InvolvementLevel
        django_get_or_create = ("key",)

    key = factory.Sequence(lambda n: f"level-{n}")
    position = factory.Sequence(int)
    title = factory.Sequence(lambda n: f"Level {n}")


class OpportunityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Opportunity

    level = factory.SubFactory(InvolvementLevelFactory)
    title = factory.Sequence(lambda n: f"Opportunity {n}")
    involves = "Telling us what you think."
    time_needed = "A few minutes"
    clocks = 1


class GroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Group

    name = factory.Sequence(lambda n: f"Residents' association {n}")
    kind = GroupKind.TRA
    officer = factory.SubFactory(OfficerFactory)


class ReviewPanelFactory(PanelFactory):
    name = "Review Crew"
    kind = PanelKind.COMMUNICATIONS


class ReviewDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewDocument

    title = factory.Sequence(lambda n: f"Leaflet {n}")
    kind = "leaflet"
    panel = factory.SubFactory(ReviewPanelFactory)
    file = factory.LazyFunction(lambda: ContentFile(pdf_bytes(), name="draft.pdf"))
    file_content_type = "application/pdf"
    submitted_by = factory.SubFactory(OfficerFactory)


class TrainingProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingProgramme

    title = factory.Sequence(lambda n: f"Skills 4 You {n}")
    starts_on = factory.LazyFunction(timezone.localdate)
    ends_on = factory.LazyAttribute(lambda o: o.starts_on + datetime.timedelta(days=170))
    published = True


class ProgrammeCourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeCourse

    programme = factory.SubFactory(TrainingProgrammeFactory)
    title = factory.Sequence(lambda n: f"Course {n}")
    held_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=14))
    starts_at = datetime.time(10, 0)
    venue = "Sale Point, training room"
    capacity = 10


__all__ = ["InvolvedCustomerFactory"]
