"""Charter 7.5 ("By publishing 'You Said, We Did' posters when changes are made") counts posters.

It used to repeat 3.6 (changes published). The portal now logs every poster printed for an
estate's notice board (engagement.PosterPrint), so 7.5 is computed from those records through
the key `actions.posters_published`. Its target (5 a quarter, amber from 3) is unchanged.
"""

from django.db import migrations

POSTERS = ('"You Said, We Did" posters published', "actions.posters_published")
BEFORE = ('"You said, we did" changes published', "actions.you_said_we_did_published")


def _set(apps, name_key):
    name, key = name_key
    apps.get_model("charter", "Measure").objects.filter(code="7.5").update(name=name, computed_key=key, source="computed")


def count_posters(apps, schema_editor):
    _set(apps, POSTERS)


def count_changes(apps, schema_editor):
    _set(apps, BEFORE)


class Migration(migrations.Migration):
    dependencies = [("charter", "0004_annual_targets_foreword_and_build_lease")]

    operations = [migrations.RunPython(count_posters, count_changes)]
