"""The complaint handlers' reminders move to the core deadline engine.

Every reminder already sent (`ComplaintReminder`, one per complaint, Code deadline and due date)
is copied into the one claim table (`engagement.ChaseNotice`) as the reminder step of that
deadline kind, so none is sent again; the app's own beat job is removed.
"""

from django.db import migrations
from django.utils import timezone

KINDS = {  # ComplaintReminder.kind -> the deadline kind's key (the same names)
    "stage1_ack": "complaint_stage1_ack",
    "stage1_response": "complaint_stage1_response",
    "stage2_ack": "complaint_stage2_ack",
    "stage2_response": "complaint_stage2_response",
}


def copy_notices(apps, schema_editor):
    ComplaintReminder = apps.get_model("feedback", "ComplaintReminder")
    ChaseNotice = apps.get_model("engagement", "ChaseNotice")
    Through = ChaseNotice.recipients.through
    for reminder in ComplaintReminder.objects.order_by("pk").iterator(chunk_size=2000):
        notice, _ = ChaseNotice.objects.get_or_create(
            kind=KINDS[reminder.kind],
            object_id=reminder.complaint_id,
            due_on=reminder.due_on,
            step="reminder",
            period=0,
            defaults={"sent_on": timezone.localdate(reminder.sent_at), "sent_at": reminder.sent_at},
        )
        if reminder.recipient_id:
            Through.objects.get_or_create(chasenotice_id=notice.pk, user_id=reminder.recipient_id)


def remove_old_beat_job(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.filter(task="feedback.tasks.remind_complaint_handlers").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0001_initial"),
        ("engagement", "0002_chasenotice"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [
        migrations.RunPython(copy_notices, migrations.RunPython.noop),
        migrations.RunPython(remove_old_beat_job, migrations.RunPython.noop),
        migrations.DeleteModel(name="ComplaintReminder"),
    ]
