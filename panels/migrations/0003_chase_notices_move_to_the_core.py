"""The expressions-of-interest and minutes chasers move to the core deadline engine.

Every notice already sent (`EoiReminder`, `MinutesReminder`) is copied into the one claim table
(`engagement.ChaseNotice`) as the step the engine would give it, so none is sent again:
- an expression of interest's "answer due today" is its reminder; "overdue" went to the staff and
  the managers, which is the engine's first escalation (the EOI policy escalates at 1 working day);
- minutes' "due next working day" is the reminder, "overdue" the overdue notice, "escalated" the
  first escalation.
The two beat jobs are removed; the core's one daily chase replaces them.
"""

import datetime

from django.db import migrations
from django.utils import timezone

EOI_STEPS = {"due": ("reminder", 0), "overdue": ("escalation", 1)}
MINUTES_STEPS = {"due_tomorrow": ("reminder", 0), "overdue": ("overdue", 0), "escalated": ("escalation", 1)}


def _sent_at(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(7, 30)))


def copy_notices(apps, schema_editor):
    ChaseNotice = apps.get_model("engagement", "ChaseNotice")
    EoiReminder = apps.get_model("panels", "EoiReminder")
    MinutesReminder = apps.get_model("panels", "MinutesReminder")
    for reminder in EoiReminder.objects.select_related("expression_of_interest").order_by("pk"):
        step, period = EOI_STEPS[reminder.kind]
        ChaseNotice.objects.get_or_create(
            kind="eoi_answer",
            object_id=reminder.expression_of_interest_id,
            due_on=reminder.expression_of_interest.answer_due_on,
            step=step,
            period=period,
            defaults={"sent_on": reminder.sent_on, "sent_at": _sent_at(reminder.sent_on)},
        )
    for reminder in MinutesReminder.objects.select_related("meeting").order_by("pk"):
        if reminder.meeting.minutes_due_on is None:
            continue
        step, period = MINUTES_STEPS[reminder.kind]
        ChaseNotice.objects.get_or_create(
            kind="meeting_minutes",
            object_id=reminder.meeting_id,
            due_on=reminder.meeting.minutes_due_on,
            step=step,
            period=period,
            defaults={"sent_on": reminder.sent_on, "sent_at": _sent_at(reminder.sent_on)},
        )


def remove_old_beat_jobs(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.filter(
        task__in=["panels.tasks.chase_expressions_of_interest", "panels.tasks.chase_meeting_minutes"]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("panels", "0002_meetings_recruitment_scrutiny_walks_expenses"),
        ("engagement", "0002_chasenotice"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [
        migrations.RunPython(copy_notices, migrations.RunPython.noop),
        migrations.RunPython(remove_old_beat_jobs, migrations.RunPython.noop),
        migrations.DeleteModel(name="EoiReminder"),
        migrations.DeleteModel(name="MinutesReminder"),
    ]
