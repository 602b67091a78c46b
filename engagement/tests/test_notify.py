import pytest
from django.core import mail

from engagement.factories import InvolvedCustomerFactory, OfficerFactory
from engagement.models import Channel, Notification
from engagement.services import notification_email_send, notification_emails_send, notify, notify_many

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

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", broken)
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


def test_many_notifications_are_created_in_one_insert_recorded_in_one_outbox_insert_and_emailed_in_batches(
    django_assert_num_queries, django_capture_on_commit_callbacks, monkeypatch
):
    officers = OfficerFactory.create_batch(3)
    monkeypatch.setattr("engagement.services.EMAIL_BATCH", 2)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        with django_assert_num_queries(2):  # the notifications, then their email tasks in the outbox
            created = notify_many(
                [(person, f"Notice for {person.username}", "Body", "/deadlines/") for person in officers]
            )
    assert len(created) == 3 and all(notification.pk for notification in created)
    for callback in callbacks:
        callback()
    assert sorted(message.to[0] for message in mail.outbox) == sorted(person.email for person in officers)
    assert Notification.objects.filter(emailed_at__isnull=False).count() == 3


def test_a_mail_server_failing_mid_batch_keeps_what_was_sent_and_frees_the_rest(monkeypatch):
    officers = OfficerFactory.create_batch(3)
    notifications = notify_many([(person, "Batch", "", "") for person in officers])
    ids = [notification.pk for notification in notifications]
    from django.core.mail.backends.locmem import EmailBackend

    real_send = EmailBackend.send_messages
    calls = []

    def fail_on_the_second(self, messages):
        calls.append(messages)
        if len(calls) == 2:
            raise OSError("connection reset")
        return real_send(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", fail_on_the_second)
    with pytest.raises(OSError):
        notification_emails_send(notification_ids=ids)
    sent = Notification.objects.filter(pk__in=ids, emailed_at__isnull=False)
    free = Notification.objects.filter(pk__in=ids, email_claimed_at__isnull=True)
    assert (sent.count(), free.count(), len(mail.outbox)) == (1, 2, 1)
    monkeypatch.undo()
    assert notification_emails_send(notification_ids=ids) == 2
    assert len(mail.outbox) == 3
