"""The register of tenants' and residents' associations and forums.

Rules (involvement/services/groups.py, deadlines.py): one current chair, secretary and treasurer:
a new one means the last stands down the day before; an officer is a customer or a named person;
grant funding is recorded with its amount; a renewal at the AGM sets the next one 12 months on
(worked: renewed 31 January 2027 -> due 31 January 2028; renewed 29 February 2028 -> due 28 February
2029, the month being shorter); an open renewal is a deadline on /deadlines/ owed by the supporting
officer."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from engagement.dates import date_parts_data
from engagement.factories import CustomerFactory, pdf_bytes
from engagement.registry import DEADLINE_KINDS
from involvement import services
from involvement.factories import GroupFactory
from involvement.models import GroupOfficer, OfficerRole, SupportKind

pytestmark = pytest.mark.django_db
D = datetime.date


def test_a_new_chair_ends_the_last_ones_term_the_day_before():
    group = GroupFactory()
    first = services.group_officer_appoint(
        group=group, role=OfficerRole.CHAIR, customer=CustomerFactory(), since=D(2025, 5, 1)
    )
    second = services.group_officer_appoint(
        group=group, role=OfficerRole.CHAIR, name="Pat Okonjo", since=D(2026, 5, 14)
    )
    first.refresh_from_db()
    assert first.until == D(2026, 5, 13) and second.until is None and second.person == "Pat Okonjo"
    assert [o.person for o in group.current_officers()] == ["Pat Okonjo"]


def test_an_officer_is_a_customer_or_a_named_person():
    with pytest.raises(ValidationError):
        services.group_officer_appoint(group=GroupFactory(), role=OfficerRole.TREASURER, since=D(2026, 1, 5), name="  ")


def test_grant_funding_needs_its_amount_and_other_support_does_not(officer):
    group = GroupFactory()
    with pytest.raises(ValidationError) as refused:
        services.group_support_record(group=group, kind=SupportKind.GRANT, given_on=D(2026, 3, 2), by=officer)
    assert "amount" in refused.value.message_dict
    grant = services.group_support_record(
        group=group, kind=SupportKind.GRANT, given_on=D(2026, 3, 2), by=officer, amount=Decimal("450.00")
    )
    bank = services.group_support_record(group=group, kind=SupportKind.BANK_ACCOUNT, given_on=D(2026, 1, 9), by=officer)
    assert grant.amount == Decimal("450.00") and bank.amount is None


@pytest.mark.parametrize(
    ("renewed_on", "next_due"), [(D(2027, 1, 31), D(2028, 1, 31)), (D(2028, 2, 29), D(2029, 2, 28))]
)
def test_a_renewal_sets_the_next_one_twelve_months_on(renewed_on, next_due):
    group = services.group_renew(group=GroupFactory(), renewed_on=renewed_on)
    assert group.renewal_due_on == next_due


def test_an_open_renewal_is_a_deadline_owed_by_the_supporting_officer(officer):
    group = GroupFactory(officer=officer, renewal_due_on=D(2026, 11, 2))
    GroupFactory(officer=officer, renewal_due_on=D(2026, 11, 2), is_active=False)
    deadlines = list(DEADLINE_KINDS["group_renewal"].open_deadlines(due_by=D(2026, 11, 30)))
    assert [(d.object_id, d.due_on, d.owner) for d in deadlines] == [(group.pk, D(2026, 11, 2), officer)]


def test_the_deadline_board_lists_an_overdue_renewal(officer_client, officer):
    GroupFactory(name="Elm Court TRA", officer=officer, renewal_due_on=D(2020, 1, 6))
    assert "Renewal: Elm Court TRA" in officer_client.get(reverse("deadline_board")).text


def test_a_constitution_is_checked_stored_privately_and_downloaded_safely(officer_client):
    group = GroupFactory()
    url = reverse("involvement:group_constitution", args=[group.pk])
    refused = officer_client.post(url, {"constitution": SimpleUploadedFile("c.pdf", b"<html>not a pdf</html>")})
    assert refused.status_code == 200 and "is not a PDF" in refused.text
    done = officer_client.post(
        url, {"constitution": SimpleUploadedFile("c.pdf", pdf_bytes()), **date_parts_data("adopted_on", D(2025, 6, 3))}
    )
    assert done.status_code == 302
    group.refresh_from_db()
    assert group.constitution_adopted_on == D(2025, 6, 3)
    response = officer_client.get(reverse("involvement:constitution_download", args=[group.pk]))
    assert response["Content-Type"] == "application/pdf" and response["X-Content-Type-Options"] == "nosniff"
    assert "attachment" in response["Content-Disposition"]


def test_the_group_page_shows_officers_support_and_grants_total(officer_client, officer):
    group = GroupFactory(name="Druids Heath TRA")
    services.group_officer_appoint(group=group, role=OfficerRole.SECRETARY, name="Pat Okonjo", since=D(2026, 2, 1))
    for amount in ("450.00", "300.00"):
        services.group_support_record(
            group=group, kind=SupportKind.GRANT, given_on=D(2026, 3, 2), by=officer, amount=Decimal(amount)
        )
    page = officer_client.get(group.get_absolute_url()).text
    assert "Pat Okonjo" in page and "Grant funding so far: £750.00" in page
    assert GroupOfficer.objects.count() == 1
