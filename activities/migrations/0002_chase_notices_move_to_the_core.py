"""The activity report chase moves to the core deadline engine.

- A returned report is owed again: `resubmit_due_on`, filled in for reports already returned.
- Every notice already sent (`ReportReminder`) is copied into the one claim table
  (`engagement.ChaseNotice`) under the same step and period, so none is sent again.
- The app's own beat job is removed; the core's one daily chase replaces it.
"""

import datetime

from django.conf import settings
from django.db import migrations, models
from django.utils import timezone

from engagement.workdays import add_working_days

RESUBMIT_WORKING_DAYS = 5  # as activities.deadlines.RESUBMIT_WORKING_DAYS when this was written


def fill_resubmit_dates(apps, schema_editor):
    Activity = apps.get_model("activities", "EngagementActivity")
    for activity in Activity.objects.filter(status="returned", resubmit_due_on__isnull=True).only("pk", "returned_at"):
        returned_on = timezone.localdate(activity.returned_at) if activity.returned_at else datetime.date.today()
        Activity.objects.filter(pk=activity.pk).update(resubmit_due_on=add_working_days(returned_on, RESUBMIT_WORKING_DAYS))


def copy_notices(apps, schema_editor):
    ReportReminder = apps.get_model("activities", "ReportReminder")
    ChaseNotice = apps.get_model("engagement", "ChaseNotice")
    Through = ChaseNotice.recipients.through
    reminders = ReportReminder.objects.select_related("activity").prefetch_related("recipients").order_by("pk")
    for reminder in reminders.iterator(chunk_size=2000):
        notice, _ = ChaseNotice.objects.get_or_create(
            kind="activity_report",
            object_id=reminder.activity_id,
            due_on=reminder.activity.report_due_on,
            step=reminder.kind,  # reminder / overdue / escalation: the same names
            period=reminder.period,
            defaults={"sent_on": timezone.localdate(reminder.sent_at), "sent_at": reminder.sent_at},
        )
        Through.objects.bulk_create(
            [Through(chasenotice_id=notice.pk, user_id=user.pk) for user in reminder.recipients.all()],
            ignore_conflicts=True,
        )


def remove_old_beat_job(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.filter(task="activities.tasks.chase_activity_reports").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("activities", "0001_initial"),
        ("engagement", "0002_chasenotice"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="engagementactivity",
            name="resubmit_due_on",
            field=models.DateField(blank=True, null=True, verbose_name="corrected report due"),
        ),
        migrations.AddIndex(
            model_name="engagementactivity",
            index=models.Index(fields=["status", "resubmit_due_on"], name="activity_resubmit_idx"),
        ),
        migrations.RunPython(fill_resubmit_dates, migrations.RunPython.noop),
        migrations.RunPython(copy_notices, migrations.RunPython.noop),
        migrations.RunPython(remove_old_beat_job, migrations.RunPython.noop),
        migrations.DeleteModel(name="ReportReminder"),
    ]
