# Held meetings always owe their minutes by a date (panels.deadlines: 10 working days after the
# meeting). Meetings recorded as held without one (the community panels' demo meetings) get it
# first, worked out by the same rule, then the database keeps it so.

from django.conf import settings
from django.db import migrations, models


def fill_minutes_due_on(apps, schema_editor):
    from panels.deadlines import minutes_due_on

    Meeting = apps.get_model("panels", "Meeting")
    for meeting in Meeting.objects.filter(status="held", minutes_due_on__isnull=True).only("pk", "meets_on"):
        Meeting.objects.filter(pk=meeting.pk).update(minutes_due_on=minutes_due_on(meeting.meets_on))


class Migration(migrations.Migration):
    dependencies = [
        ("panels", "0006_walk_attendee_form_token"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(fill_minutes_due_on, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="meeting",
            constraint=models.CheckConstraint(
                condition=models.Q(models.Q(("status", "held"), _negated=True), ("minutes_due_on__isnull", False), _connector="OR"),
                name="meeting_held_has_minutes_due_on",
            ),
        ),
    ]
