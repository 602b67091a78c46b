"""Nothing is sent twice: every copy is claimed with a conditional UPDATE (pending → sending)
before it goes, letters with one UPDATE onto the print batch (mailouts/services.py).

Worked case: five e-mail customers and two letter customers. The worker dies while sending the
third e-mail (a crash, not an error: nothing after it runs). Rerunning the task (a retry, the
outbox sweep) sends the fourth and fifth e-mails only: the first two are never sent again, and
the third, whose fate is unknown, is left "interrupted" for staff to check rather than risk a
second copy. The letters are on the batch once, in one PDF.
"""

import pytest
from django.core import mail

from engagement.factories import CustomerFactory
from engagement.models import Channel, PendingTask
from engagement.outbox import pending_tasks_sweep
from mailouts import services
from mailouts.models import Delivery, DeliveryStatus, How, PrintBatch
from mailouts.services import kind_for, mailout_create, mailout_deliver

pytestmark = pytest.mark.django_db


class WorkerDied(BaseException):
    """A crash: like the process being killed, it is not an Exception the sender catches."""


@pytest.fixture
def mailout(officer):
    emails = [CustomerFactory(last_name=f"Email{n}", preferred_channel=Channel.EMAIL) for n in range(1, 6)]
    letters = [CustomerFactory(last_name=f"Letter{n}", preferred_channel=Channel.LETTER) for n in range(1, 3)]
    mailout, _ = mailout_create(
        kind=kind_for("minutes", "Minutes"), subject="Minutes", body="Text", by=officer, customers=emails + letters
    )
    return mailout


def _crash_on_third_email(monkeypatch):
    real_send = services._send
    calls = {"n": 0}

    def send(delivery):
        if delivery.channel == How.EMAIL:
            calls["n"] += 1
            if calls["n"] == 3:
                raise WorkerDied
        return real_send(delivery)

    monkeypatch.setattr(services, "_send", send)


def test_a_rerun_after_a_crash_mid_batch_sends_nothing_twice(mailout, monkeypatch):
    _crash_on_third_email(monkeypatch)
    with pytest.raises(WorkerDied):
        mailout_deliver(mailout_id=mailout.pk)
    assert len(mail.outbox) == 2
    monkeypatch.undo()

    mailout_deliver(mailout_id=mailout.pk)
    mailout_deliver(mailout_id=mailout.pk)  # and a late duplicate message

    recipients = sorted(message.to[0] for message in mail.outbox)
    assert len(recipients) == 4 and len(set(recipients)) == 4
    statuses = dict(mailout.deliveries.values_list("name", "status"))
    interrupted = [name for name, status in statuses.items() if status == DeliveryStatus.SENDING]
    assert len(interrupted) == 1 and interrupted[0].endswith("Email3")
    assert sum(status == DeliveryStatus.SENT for status in statuses.values()) == 6  # 4 e-mails + 2 letters
    assert PrintBatch.objects.get(mailout=mailout).letters.count() == 2
    mailout.refresh_from_db()
    assert mailout.finished_at is None  # not finished while a copy is in doubt


def test_running_the_task_twice_sends_each_copy_once(mailout):
    first = mailout_deliver(mailout_id=mailout.pk)
    second = mailout_deliver(mailout_id=mailout.pk)
    assert first == {"letters": 2, "sent": 5} and second == {"letters": 0}
    assert len(mail.outbox) == 5
    assert not Delivery.objects.exclude(status=DeliveryStatus.SENT).exists()
    mailout.refresh_from_db()
    assert mailout.finished_at is not None


def test_the_mail_out_is_queued_through_the_outbox_and_the_sweep_finishes_it_once(
    officer, django_capture_on_commit_callbacks, monkeypatch
):
    customer = CustomerFactory(preferred_channel=Channel.EMAIL)
    from mailouts import tasks

    monkeypatch.setattr(tasks.send_mailout, "apply_async", lambda *a, **k: (_ for _ in ()).throw(OSError("down")))
    with django_capture_on_commit_callbacks(execute=True):
        mailout, _ = mailout_create(
            kind=kind_for("minutes", "Minutes"), subject="Minutes", body="Text", by=officer, customers=[customer]
        )
    row = PendingTask.objects.get(task="mailouts.tasks.send_mailout")
    assert row.args == [mailout.pk] and mail.outbox == []
    import datetime

    from django.utils import timezone

    later = timezone.now() + datetime.timedelta(minutes=11)
    assert pending_tasks_sweep(now=later) == {"ran": 1, "failed": 0}
    assert pending_tasks_sweep(now=later) == {"ran": 0, "failed": 0}
    assert len(mail.outbox) == 1 and not PendingTask.objects.exists()


def test_a_refused_copy_is_failed_with_the_error_and_the_rest_still_go(mailout, monkeypatch):
    real_send = services._send

    def send(delivery):
        if delivery.name.endswith("Email2"):
            raise ConnectionRefusedError("SMTP server refused")
        return real_send(delivery)

    monkeypatch.setattr(services, "_send", send)
    counts = mailout_deliver(mailout_id=mailout.pk)
    assert counts == {"letters": 2, "sent": 4, "failed": 1}
    failed = mailout.deliveries.get(status=DeliveryStatus.FAILED)
    assert failed.name.endswith("Email2") and "refused" in failed.reason
