import factory

from engagement.factories import ManagerFactory

from .models import ImportRun, RecordType


class ImportRunFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImportRun

    record_type = RecordType.CUSTOMERS
    source_system = "housing-system"
    file = factory.django.FileField(filename="customers.csv", data=b"Person ID,Tenancy Ref\n")
    file_name = "customers.csv"
    file_digest = factory.Sequence(lambda n: f"{n:064x}")
    started_by = factory.SubFactory(ManagerFactory)
