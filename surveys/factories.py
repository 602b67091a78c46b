"""factory_boy factories for surveys (tests, access matrix, benchmarks)."""

import datetime
import io
import uuid

import factory
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from engagement.factories import EstateFactory, InvolvedCustomerFactory, OfficerFactory

from .models import (
    ChampionIssue,
    ChampionPhoto,
    ChampionSurvey,
    Invitation,
    Question,
    Rating,
    Response,
    ResponseChannel,
    Scale,
    Survey,
    Topic,
)


class ChampionSurveyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChampionSurvey

    customer = factory.SubFactory(InvolvedCustomerFactory)
    estate = factory.LazyAttribute(lambda s: s.customer.estate)
    visited_on = factory.LazyFunction(timezone.localdate)
    grounds_rating = Rating.GOOD
    cleaning_rating = Rating.GOOD
    repairs_rating = Rating.OKAY
    asb_rating = Rating.GOOD
    form_token = factory.LazyFunction(uuid.uuid4)


class ChampionIssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChampionIssue

    survey = factory.SubFactory(ChampionSurveyFactory, grounds_rating=Rating.POOR)
    estate = factory.LazyAttribute(lambda i: i.survey.estate)
    topic = Topic.GROUNDS
    rating = Rating.POOR
    comment = "The grass by the garages has not been cut for weeks."
    raised_on = factory.LazyAttribute(lambda i: i.survey.visited_on)


def image_bytes(fmt: str = "PNG", size=(8, 8), exif=None) -> bytes:
    buffer = io.BytesIO()
    kwargs = {"exif": exif} if exif is not None else {}
    Image.new("RGB", size, (30, 120, 60)).save(buffer, format=fmt, **kwargs)
    return buffer.getvalue()


class ChampionPhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChampionPhoto

    survey = factory.SubFactory(ChampionSurveyFactory)
    customer = factory.LazyAttribute(lambda p: p.survey.customer)
    form_token = factory.LazyAttribute(lambda p: p.survey.form_token)
    image = factory.LazyFunction(lambda: ContentFile(image_bytes(), name="photo.png"))
    original_name = "photo.png"
    content_type = "image/png"
    size = 100


class SurveyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Survey
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Residents' satisfaction survey {n}")
    purpose = "To find out how satisfied residents are with their scheme."
    opens_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=7))
    closes_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=21))
    created_by = factory.SubFactory(OfficerFactory)


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    survey = factory.SubFactory(SurveyFactory)
    position = factory.Sequence(lambda n: n + 1)
    text = "How satisfied or dissatisfied are you with the cleaning of your block?"
    scale = Scale.SATISFACTION


class ResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Response

    survey = factory.SubFactory(SurveyFactory)
    estate = factory.SubFactory(EstateFactory)
    tenure = "general_needs"
    channel = ResponseChannel.PHONE


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    survey = factory.SubFactory(SurveyFactory)
    customer = factory.SubFactory(InvolvedCustomerFactory)
