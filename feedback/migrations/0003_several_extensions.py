"""Each extension of a complaint's response date is kept (the Code does not limit how many).

Complaints already extended get one ComplaintExtension row from the date and reason they hold,
agreed on or before the original response date (the service only accepted it then).
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def forwards(apps, schema_editor):
    Complaint = apps.get_model("feedback", "Complaint")
    ComplaintExtension = apps.get_model("feedback", "ComplaintExtension")
    rows = []
    for stage in (1, 2):
        extended = Complaint.objects.filter(**{f"stage{stage}_extended_due_on__isnull": False})
        for complaint in extended.iterator():
            due = getattr(complaint, f"stage{stage}_response_due_on")
            rows.append(
                ComplaintExtension(
                    complaint=complaint,
                    stage=stage,
                    agreed_on=due,
                    previous_due_on=due,
                    new_due_on=getattr(complaint, f"stage{stage}_extended_due_on"),
                    reason=getattr(complaint, f"stage{stage}_extension_reason"),
                )
            )
    ComplaintExtension.objects.bulk_create(rows, batch_size=1000)


class Migration(migrations.Migration):

    dependencies = [
        ('feedback', '0002_chase_notices_move_to_the_core'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='ComplaintExtension',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('stage', models.PositiveSmallIntegerField(choices=[(1, 'Stage 1'), (2, 'Stage 2')])),
                ('agreed_on', models.DateField(verbose_name='date agreed with the customer')),
                ('previous_due_on', models.DateField(verbose_name='response date before this extension')),
                ('new_due_on', models.DateField(verbose_name='new response date')),
                ('reason', models.TextField(verbose_name='reason, as explained to the customer')),
                ('good_reason', models.TextField(blank=True, help_text='Needed only when the extensions together add more than 10 working days (stage 2: 20).', verbose_name="good reason for going beyond the Code's limit")),
                ('recorded_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('complaint', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='extensions', to='feedback.complaint')),
                ('recorded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['stage', 'new_due_on', 'pk'],
                'constraints': [models.CheckConstraint(condition=models.Q(('new_due_on__gt', models.F('previous_due_on')), models.Q(('reason', ''), _negated=True)), name='complaint_extension_later_with_reason')],
            },
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
