import factory

from engagement.factories import CustomerFactory, OfficerFactory

from .models import Delivery, How, Kind, MailOut, PrintBatch


class KindFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Kind
        django_get_or_create = ("slug",)

    slug = "minutes"
    name = "Minutes"


class MailOutFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MailOut

    kind = factory.SubFactory(KindFactory)
    subject = "Minutes of the residents' meeting"
    body = "Thank you for coming."
    audience = "Estates and schemes: Castle Vale"
    created_by = factory.SubFactory(OfficerFactory)


class DeliveryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Delivery

    mailout = factory.SubFactory(MailOutFactory)
    customer = factory.SubFactory(CustomerFactory)
    name = factory.LazyAttribute(lambda d: d.customer.full_name)
    address = factory.LazyAttribute(lambda d: d.customer.address)
    channel = How.LETTER


class PrintBatchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PrintBatch

    mailout = factory.SubFactory(MailOutFactory)
