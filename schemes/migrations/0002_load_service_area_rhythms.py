"""Load each service area's obligations from the strategy (schemes/rhythms.py)."""

from django.db import migrations


def load(apps, schema_editor):
    from schemes.rhythms import rhythms_load

    rhythms_load(apps)


class Migration(migrations.Migration):
    dependencies = [("schemes", "0001_obligations_and_informal_feedback")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
