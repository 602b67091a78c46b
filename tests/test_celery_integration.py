"""A real task goes through Redis to a real Celery worker and changes the database."""

import pytest
from django.core import mail

from engagement.factories import OfficerFactory
from engagement.models import Notification
from engagement.tasks import send_notification_email

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_a_notification_email_is_sent_by_a_real_worker_through_redis(real_worker):
    officer = OfficerFactory(email="worker-test@trident.example")
    notification = Notification.objects.create(user=officer, title="Sent by the worker", email_wanted=True)

    result = send_notification_email.delay(notification.pk)
    assert result.get(timeout=30) is True

    notification.refresh_from_db()
    assert notification.emailed_at is not None
    assert [m.to for m in mail.outbox] == [["worker-test@trident.example"]]
    # A second delivery of the same task (at-least-once brokers do this) sends nothing.
    assert send_notification_email.delay(notification.pk).get(timeout=30) is False
    assert len(mail.outbox) == 1
