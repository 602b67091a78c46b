"""Password-reset e-mails are throttled per address and per client address.

Rule (issue #15 item 10): at most PASSWORD_RESET_PER_EMAIL e-mails to one address and
PASSWORD_RESET_PER_IP requests from one client an hour; over the limit the page answers as ever
(it never says whether an address is known) but nothing is sent. Counts live in the cache, so
every web process shares them.
"""

import pytest
from django.core import mail
from django.urls import reverse

from engagement.factories import OfficerFactory

pytestmark = pytest.mark.django_db


def test_a_fourth_reset_for_one_address_within_the_hour_sends_nothing(client, officer, settings):
    settings.PASSWORD_RESET_PER_EMAIL = 3
    answers = [client.post(reverse("password_reset"), {"email": officer.email}) for _ in range(4)]
    assert [a.status_code for a in answers] == [302] * 4
    assert {a["Location"] for a in answers} == {reverse("password_reset_done")}
    assert len(mail.outbox) == 3


def test_one_client_asking_for_many_addresses_is_stopped_too(client, settings):
    settings.PASSWORD_RESET_PER_IP = 2
    people = [OfficerFactory() for _ in range(3)]
    for person in people:
        client.post(reverse("password_reset"), {"email": person.email}, REMOTE_ADDR="198.51.100.4")
    assert [m.to for m in mail.outbox] == [[people[0].email], [people[1].email]]
    client.post(reverse("password_reset"), {"email": people[2].email}, REMOTE_ADDR="198.51.100.5")
    assert len(mail.outbox) == 3
