"""factory_boy factories for the charter (the commitments and measures themselves ship as data)."""

import datetime

import factory
from django.core.files.base import ContentFile

from engagement.factories import ManagerFactory
from engagement.quarters import Quarter

from .models import BoardReport, Commitment, Measure, MeasureValue, ReportKind, ReportStatus, Source, Unit


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commitment
        django_get_or_create = ("number",)

    number = factory.Sequence(lambda n: 100 + n)
    name = factory.Sequence(lambda n: f"Test commitment {n}")
    promise = "We will do what we say."


class MeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measure

    commitment = factory.SubFactory(CommitmentFactory)
    code = factory.Sequence(lambda n: f"T.{n}")
    order = factory.Sequence(lambda n: n)
    name = factory.Sequence(lambda n: f"Test measure {n}")
    how_measured = "By counting."
    unit = Unit.PERCENT
    target = 90
    direction = "higher"
    amber_tolerance = 5
    source = Source.MANUAL
    computed_key = ""


class MeasureValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeasureValue

    measure = factory.SubFactory(MeasureFactory)
    year = 2026
    quarter = 2
    value = 88
    rag = "amber"
    source = Source.MANUAL
    evidence = "Housing management system report"


class BoardReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BoardReport

    kind = ReportKind.QUARTER
    period_start = factory.LazyFunction(lambda: Quarter(2026, 2).start)
    period_end = factory.LazyAttribute(lambda r: Quarter.containing(r.period_start).end)
    period_label = factory.LazyAttribute(lambda r: Quarter.containing(r.period_start).label)
    version = factory.Sequence(lambda n: n + 1)
    requested_by = factory.SubFactory(ManagerFactory)


class ReadyBoardReportFactory(BoardReportFactory):
    status = ReportStatus.READY
    progress = 100
    page_count = 1
    built_at = factory.LazyFunction(lambda: datetime.datetime.now(datetime.UTC))
    file = factory.LazyFunction(lambda: ContentFile(b"%PDF-1.4\n% test\n", name="board-report.pdf"))
