import datetime
import io
from decimal import Decimal

import factory
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from engagement.factories import EstateFactory, InvolvedCustomerFactory, OfficerFactory, pdf_bytes

from .deadlines import eoi_answer_due_on, minutes_due_on
from .models import (
    AttendeeKind,
    Course,
    EstateWalk,
    Evidence,
    EvidenceKind,
    ExpenseClaim,
    ExpenseKind,
    ExpressionOfInterest,
    Meeting,
    MeetingPaper,
    MeetingStatus,
    Membership,
    MembershipRole,
    Panel,
    PanelKind,
    PaperKind,
    Recommendation,
    ScrutinyProject,
    TrainingRecord,
    WalkAttendee,
    WalkIssue,
    WalkKind,
)


class PanelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Panel
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Panel {n}")
    kind = PanelKind.CUSTOMER_VOICE_GROUP
    officer = factory.SubFactory(OfficerFactory)
    meets_every_months = 2


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    panel = factory.SubFactory(PanelFactory)
    customer = factory.SubFactory(InvolvedCustomerFactory)
    role = MembershipRole.MEMBER


class EstateChampionFactory(MembershipFactory):
    """An estate champion: pass estates=[...] to set the estates they look after."""

    panel = factory.SubFactory(
        PanelFactory, name="Estate Champions", kind=PanelKind.ESTATE_CHAMPIONS, meets_every_months=None
    )
    role = MembershipRole.CHAMPION

    class Meta:
        skip_postgeneration_save = True

    @factory.post_generation
    def estates(self, create, extracted, **kwargs):
        if create:
            self.estates.set(extracted if extracted is not None else [self.customer.estate])


def pdf_file(name: str = "paper.pdf") -> ContentFile:
    """A tiny, well-formed one-page PDF for upload tests and demo papers."""
    return ContentFile(pdf_bytes(), name=name)


def png_file(name: str = "photo.png") -> ContentFile:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), (200, 30, 30)).save(buffer, format="PNG")
    return ContentFile(buffer.getvalue(), name=name)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    panel = factory.SubFactory(PanelFactory)
    meets_on = factory.Sequence(lambda n: datetime.date(2026, 1, 5) + datetime.timedelta(days=n))
    venue = "Head office, Room 2"
    agenda = "1. Welcome\n2. Performance report\n3. Any other business"


class HeldMeetingFactory(MeetingFactory):
    status = MeetingStatus.HELD
    minutes_due_on = factory.LazyAttribute(lambda m: minutes_due_on(m.meets_on))
    minutes = "The group reviewed the repairs performance report."


class PublishedMeetingFactory(HeldMeetingFactory):
    minutes_published_on = factory.LazyAttribute(lambda m: m.minutes_due_on)


class MeetingPaperFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingPaper

    meeting = factory.SubFactory(MeetingFactory)
    title = "Quarterly performance report"
    kind = PaperKind.REPORT
    file = factory.LazyFunction(lambda: pdf_file("performance.pdf"))


class ExpressionOfInterestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExpressionOfInterest

    panel = factory.SubFactory(PanelFactory)
    customer = factory.SubFactory(InvolvedCustomerFactory)
    availability = ["weekday_evenings"]
    submitted_on = factory.LazyFunction(timezone.localdate)
    answer_due_on = factory.LazyAttribute(lambda e: eoi_answer_due_on(e.submitted_on))


class TrainingRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingRecord

    customer = factory.SubFactory(InvolvedCustomerFactory)
    course = Course.INDUCTION
    held_on = factory.Sequence(lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n))
    completed = True


class ScrutinyProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ScrutinyProject

    panel = factory.SubFactory(
        PanelFactory, name="Customer Scrutiny Group", kind=PanelKind.SCRUTINY_GROUP, meets_every_months=1
    )
    topic = factory.Sequence(lambda n: f"Review of repairs communication {n}")
    scope = "How we tell customers about repair appointments."
    lead_officer = factory.SubFactory(OfficerFactory)


class EvidenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Evidence

    project = factory.SubFactory(ScrutinyProjectFactory)
    kind = EvidenceKind.MYSTERY_SHOPPING
    title = "Mystery shopping calls to the repairs line"
    notes = "6 of 10 calls answered within 2 minutes."


class RecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recommendation

    project = factory.SubFactory(ScrutinyProjectFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = "Text customers the day before every repair appointment."


class EstateWalkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EstateWalk

    estate = factory.SubFactory(EstateFactory)
    kind = WalkKind.ESTATE
    walks_on = factory.Sequence(lambda n: datetime.date(2026, 3, 2) + datetime.timedelta(days=n))
    route = "From the community centre along Alder Close to the garages."
    lead_officer = factory.SubFactory(OfficerFactory)


class WalkAttendeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WalkAttendee

    walk = factory.SubFactory(EstateWalkFactory)
    kind = AttendeeKind.CUSTOMER
    customer = factory.SubFactory(InvolvedCustomerFactory)


class WalkIssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WalkIssue

    walk = factory.SubFactory(EstateWalkFactory)
    description = "Fly-tipped mattress by the bin store"
    location = "Bin store behind 12–20 Alder Close"


class ExpenseClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExpenseClaim

    customer = factory.SubFactory(InvolvedCustomerFactory)
    kind = ExpenseKind.TRAVEL
    incurred_on = factory.Sequence(lambda n: datetime.date(2026, 2, 1) + datetime.timedelta(days=n % 28))
    description = "Bus fare to the CVG meeting"
    amount = Decimal("4.80")
