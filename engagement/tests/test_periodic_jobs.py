import pytest
from django_celery_beat.models import PeriodicTask

from engagement.registry import PERIODIC_JOBS, PeriodicJob, install_periodic_jobs

pytestmark = pytest.mark.django_db


def test_registered_beat_jobs_are_installed_once_and_manager_changes_are_kept(monkeypatch):
    job = PeriodicJob(name="Test: nightly", task="engagement.tasks.send_notification_email", hour=6, minute=30)
    monkeypatch.setattr("engagement.registry.PERIODIC_JOBS", [*PERIODIC_JOBS, job])
    install_periodic_jobs()
    task = PeriodicTask.objects.get(name="Test: nightly")
    assert (task.crontab.hour, task.crontab.minute) == ("6", "30")

    task.enabled = False
    task.save()
    assert install_periodic_jobs() == 0
    assert PeriodicTask.objects.get(name="Test: nightly").enabled is False
