"""The kinds of communication the seed names (000, sections 2.2-2.6 and 5), as data."""

from django.db import migrations

KINDS = [
    ("minutes", "Minutes"),
    ("you-said-we-did", "“You said, we did” notice"),
    ("survey-invitation", "Survey invitation"),
    ("estate-walk-actions", "Estate-walk actions"),
    ("meeting-invitation", "Meeting invitation"),
]


def add_kinds(apps, schema_editor):
    Kind = apps.get_model("mailouts", "Kind")
    for slug, name in KINDS:
        Kind.objects.get_or_create(slug=slug, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("mailouts", "0001_mailouts_deliveries_print_batches")]
    operations = [migrations.RunPython(add_kinds, migrations.RunPython.noop)]
