"""The services club members can choose to be consulted about (an administrator can add more)."""

from django.db import migrations

SERVICES = [
    "Repairs and maintenance",
    "Estate services: cleaning and grounds",
    "Anti-social behaviour",
    "Rents and service charges",
    "Tenancy and neighbourhood management",
    "Customer service and complaints",
    "Communications and the website",
    "Care and support",
    "Young people's services",
    "Leasehold and shared ownership",
]


def add_services(apps, schema_editor):
    Service = apps.get_model("consultation", "Service")
    for name in SERVICES:
        Service.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [("consultation", "0001_club_programme_samples")]
    operations = [migrations.RunPython(add_services, migrations.RunPython.noop)]
