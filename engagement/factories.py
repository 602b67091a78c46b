"""factory_boy factories for the core models, shared by every app's tests and benchmarks."""

import datetime
import struct
import zlib

import factory
from django.utils import timezone

from .models import (
    Action,
    Channel,
    ChaseNotice,
    Customer,
    Estate,
    EstateType,
    Landlord,
    Notification,
    Patch,
    PosterPrint,
    Role,
    Tenure,
    User,
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    email = factory.LazyAttribute(lambda u: f"{u.username}@trident.example")
    role = Role.OFFICER
    password = factory.django.Password("correct-horse-battery")


class OfficerFactory(UserFactory):
    role = Role.OFFICER


class ManagerFactory(UserFactory):
    role = Role.MANAGER


class AdminUserFactory(UserFactory):
    role = Role.ADMIN
    is_superuser = True


class PatchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Patch

    name = factory.Sequence(lambda n: f"Patch {n}")
    code = factory.Sequence(lambda n: f"P{n}")
    officer = factory.SubFactory(OfficerFactory)


class EstateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Estate

    name = factory.Sequence(lambda n: f"Estate {n}")
    patch = factory.SubFactory(PatchFactory)
    estate_type = EstateType.GENERAL_NEEDS
    homes_lcra = 200
    officer = factory.LazyAttribute(lambda e: e.patch.officer)


class CustomerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Customer

    reference = factory.Sequence(lambda n: f"REF{n:06d}")
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    address = factory.Sequence(lambda n: f"{n} Test Street")
    postcode = "B31 2AB"
    estate = factory.SubFactory(EstateFactory)
    tenure = Tenure.GENERAL_NEEDS
    email = factory.LazyAttribute(lambda c: f"{c.reference.lower()}@example.org")
    preferred_channel = Channel.EMAIL
    consent_to_contact = True


class InvolvedCustomerFactory(CustomerFactory):
    """A customer with a portal login."""

    user = factory.SubFactory(UserFactory, role=Role.CUSTOMER, username=factory.Sequence(lambda n: f"customer{n}"))


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    you_said = "The bin store is always overflowing."
    we_will = "Add an extra weekly collection."
    owner = factory.SubFactory(OfficerFactory)
    estate = factory.SubFactory(EstateFactory)
    due_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=14))

    class Params:
        # Done, with public wording approved: on the public "You said, we did" pages.
        published = factory.Trait(
            status="done",
            done_on=factory.LazyFunction(timezone.localdate),
            we_did="Added a weekly collection.",
            publish=True,
            public_you_said="The bin store was always overflowing.",
            public_we_did="We added an extra weekly collection.",
            published_at=factory.LazyFunction(timezone.now),
        )


class PosterPrintFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PosterPrint
        skip_postgeneration_save = True

    estate = factory.SubFactory(EstateFactory)
    printed_by = factory.SubFactory(OfficerFactory)

    @factory.post_generation
    def items(self, create, extracted, **kwargs):
        if create and extracted:
            self.items.set(extracted)


class NotificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Notification

    user = factory.SubFactory(OfficerFactory)
    title = "Something happened"


class ChaseNoticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChaseNotice

    kind = "action"
    object_id = factory.Sequence(lambda n: n + 1)
    due_on = factory.LazyFunction(timezone.localdate)
    step = "reminder"
    period = 0


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims width × height pixels: a decompression bomb's disguise,
    for upload tests (a real one would take gigabytes to decode)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")
    )


def pdf_bytes() -> bytes:
    """A small, well-formed one-page PDF, as engagement.uploads accepts (pypdf reads it back)."""
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)  # A4 in points
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


class LandlordFactory(factory.django.DjangoModelFactory):
    """The landlord's settings (one row in practice); the demo's are engagement/landlords/trident.yaml."""

    class Meta:
        model = Landlord

    name = "Example Housing Association"
    short_name = "Example"
