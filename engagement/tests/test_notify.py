import pytest
from django.core import mail

from engagement.factories import InvolvedCustomerFactory, OfficerFactory
from engagement.models import Channel, Notification
from engagement.services import notification_email_send, notify

pytestmark = pytest.mark.django_db


def test_notify_creates_an_in_app_notification_and_emails_staff(django_capture_on_commit_callbacks):
    officer = OfficerFactory(email="olivia@trident.example")
    with django_capture_on_commit_callbacks(execute=True):
        notification = notify(officer, title="Report due tomorrow", body="Please file it.", url="/activities/1/")
    assert Notification.objects.filter(user=officer, title="Report due tomorrow").count() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["olivia@trident.example"]
    assert "Report due tomorrow" in mail.outbox[0].subject
    assert "/activities/1/" in mail.outbox[0].body
    notification.refresh_from_db()
    assert notification.emailed_at is not None


def test_no_email_leaves_before_the_transaction_commits(django_capture_on_commit_callbacks):
    officer = OfficerFactory()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notify(officer, title="Hello")
    assert mail.outbox == []
    assert len(callbacks) == 1


def test_the_same_notification_is_never_emailed_twice(django_capture_on_commit_callbacks):
    officer = OfficerFactory()
    with django_capture_on_commit_callbacks(execute=True):
        notification = notify(officer, title="Once only")
    assert notification_email_send(notification_id=notification.pk) is False
    assert len(mail.outbox) == 1


def test_a_failed_send_releases_the_claim_so_a_retry_can_send(monkeypatch, django_capture_on_commit_callbacks):
    officer = OfficerFactory()
    with django_capture_on_commit_callbacks(execute=False):
        notification = notify(officer, title="Flaky mail server")

    def broken(*args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr("engagement.services.send_mail", broken)
    with pytest.raises(OSError):
        notification_email_send(notification_id=notification.pk)
    notification.refresh_from_db()
    assert notification.email_claimed_at is None and notification.emailed_at is None
    monkeypatch.undo()
    assert notification_email_send(notification_id=notification.pk) is True
    assert len(mail.outbox) == 1


def test_customers_who_prefer_letters_get_the_notification_but_no_email(django_capture_on_commit_callbacks):
    customer = InvolvedCustomerFactory(preferred_channel=Channel.LETTER)
    with django_capture_on_commit_callbacks(execute=True):
        notify(customer.user, title="Minutes published")
    assert customer.user.notifications.count() == 1
    assert mail.outbox == []


def test_customers_who_have_not_consented_get_no_email(django_capture_on_commit_callbacks):
    customer = InvolvedCustomerFactory(consent_to_contact=False)
    with django_capture_on_commit_callbacks(execute=True):
        notify(customer.user, title="Minutes published")
    assert mail.outbox == []


def test_customers_who_prefer_email_get_one(django_capture_on_commit_callbacks):
    customer = InvolvedCustomerFactory(preferred_channel=Channel.EMAIL)
    with django_capture_on_commit_callbacks(execute=True):
        notify(customer.user, title="Minutes published")
    assert len(mail.outbox) == 1


def test_staff_without_an_email_address_still_get_the_in_app_notification(django_capture_on_commit_callbacks):
    officer = OfficerFactory(email="")
    with django_capture_on_commit_callbacks(execute=True):
        notify(officer, title="No address")
    assert officer.notifications.count() == 1
    assert mail.outbox == []
