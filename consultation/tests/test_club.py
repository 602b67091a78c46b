"""The consultation club (seed 002, Speakeasy): customers join themselves or are signed up by
staff, choose how they want surveys (post, phone, e-mail, online, text) and which services they
care about; staff target a consultation's survey to members by interest and way, delivered as
a mail-out with each member reached the way they chose."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from consultation import services
from consultation.models import ClubMember, Consultation, Service, SurveyWay
from engagement.factories import CustomerFactory
from engagement.models import Channel
from mailouts.models import How, MailOut

pytestmark = pytest.mark.django_db


@pytest.fixture
def repairs():
    return Service.objects.get(name="Repairs and maintenance")


@pytest.fixture
def asb():
    return Service.objects.get(name="Anti-social behaviour")


def test_a_customer_joins_themselves_and_agrees_to_be_contacted(customer_client, customer, repairs):
    customer.consent_to_contact = False
    customer.save()
    response = customer_client.post(
        "/consultation/join/", {"survey_way": "text", "services": [repairs.pk], "consent": "on"}
    )
    assert response.status_code == 302
    member = ClubMember.objects.get(customer=customer)
    assert member.survey_way == SurveyWay.TEXT and list(member.services.all()) == [repairs]
    assert member.joined_by is None
    customer.refresh_from_db()
    assert customer.consent_to_contact


def test_joining_needs_a_service_or_any_service_and_consent(customer_client):
    page = customer_client.post("/consultation/join/", {"survey_way": "post"}).content.decode()
    assert "There is a problem" in page and "Choose the services you care about" in page
    assert "Agree to be contacted with surveys" in page and not ClubMember.objects.exists()


def test_staff_sign_a_customer_up_on_their_behalf(officer_client, officer):
    person = CustomerFactory(reference="T0120034")
    officer_client.post(
        "/consultation/club/new/",
        {"reference": "t0120034", "survey_way": "phone", "any_service": "on", "consent": "on"},
    )
    member = ClubMember.objects.get(customer=person)
    assert member.any_service and member.joined_by == officer
    assert person.full_name in officer_client.get("/consultation/club/").content.decode()


def test_joining_twice_changes_the_choices_of_one_membership(customer, repairs, asb):
    services.club_join(customer=customer, survey_way="post", services=[repairs], any_service=False)
    member, created = services.club_join(customer=customer, survey_way="email", services=[asb], any_service=False)
    assert not created and ClubMember.objects.count() == 1 and list(member.services.all()) == [asb]


def test_a_member_who_left_is_not_targeted(customer, repairs):
    member, _ = services.club_join(customer=customer, survey_way="post", services=[repairs], any_service=False)
    services.club_leave(member=member)
    assert not services.target_members(services=[repairs], ways=SurveyWay.values).exists()


def test_a_survey_goes_to_members_by_interest_and_way_each_the_way_they_chose(officer, repairs, asb):
    def member(name, way, services_, any_service=False, **record):
        customer = CustomerFactory(last_name=name, phone="07700 900111", preferred_channel=Channel.LETTER, **record)
        services.club_join(customer=customer, survey_way=way, services=services_, any_service=any_service)
        return customer

    by_post = member("Post", "post", [repairs])
    by_text = member("Text", "text", [repairs])
    by_phone = member("Phone", "phone", [], any_service=True)
    online = member("Online", "online", [repairs])
    member("Asb", "email", [asb])  # cares about something else
    consultation = Consultation.objects.create(
        title="Repairs appointments",
        service=repairs,
        team="Repairs",
        opens_on=datetime.date(2026, 6, 1),
        closes_on=datetime.date(2026, 6, 30),
        created_by=officer,
    )
    mailout = services.consultation_survey_send(
        consultation=consultation,
        services=[repairs],
        ways=["post", "text", "phone", "online"],
        subject="Have your say",
        body="Survey link",
        by=officer,
    )
    routes = dict(mailout.deliveries.values_list("customer_id", "channel"))
    assert routes == {by_post.pk: How.LETTER, by_text.pk: How.SMS, by_phone.pk: How.PHONE, online.pk: How.EMAIL}
    consultation.refresh_from_db()
    assert consultation.mailout == mailout

    narrower = services.target_plan(services=[repairs], ways=["text"])
    assert [d.customer for d in narrower.deliveries] == [by_text]


def test_sending_a_consultation_survey_twice_with_one_form_makes_one_mail_out(officer_client, officer, repairs):
    customer = CustomerFactory()
    services.club_join(customer=customer, survey_way="email", services=[repairs], any_service=False)
    consultation = Consultation.objects.create(
        title="Repairs",
        service=repairs,
        team="Repairs",
        opens_on=datetime.date(2026, 6, 1),
        closes_on=datetime.date(2026, 6, 30),
        created_by=officer,
    )
    form = {
        "services": [repairs.pk],
        "ways": ["email"],
        "subject": "Have your say",
        "body": "Link",
        "form_token": "6f1d2c3b-4a59-4e8f-9a7b-1c2d3e4f5a6b",
    }
    preview = officer_client.post(f"/consultation/programme/{consultation.pk}/", {**form, "confirm": "preview"})
    assert "E-mail: <strong>1</strong>" in preview.content.decode() and not MailOut.objects.exists()
    officer_client.post(f"/consultation/programme/{consultation.pk}/", {**form, "confirm": "send"})
    officer_client.post(f"/consultation/programme/{consultation.pk}/", {**form, "confirm": "send"})
    assert MailOut.objects.count() == 1


def test_a_consultation_cannot_close_before_it_opens(officer):
    with pytest.raises(ValidationError):
        services.consultation_plan(
            by=officer, title="x", team="y", opens_on=datetime.date(2026, 6, 2), closes_on=datetime.date(2026, 6, 1)
        )


def test_the_club_offers_its_members_as_a_mail_out_audience(customer, repairs):
    from mailouts.audiences import Audience

    services.club_join(customer=customer, survey_way="post", services=[repairs], any_service=False)
    assert list(Audience(groups={"club": [repairs.pk]}).customers()) == [customer]
    assert list(Audience(groups={"club": [0]}).customers()) == [customer]


def test_the_members_list_reads_a_fixed_number_of_queries(officer_client, repairs, django_assert_max_num_queries):
    def join(n):
        for _ in range(n):
            services.club_join(customer=CustomerFactory(), survey_way="post", services=[repairs], any_service=False)

    join(2)
    with django_assert_max_num_queries(25) as few:
        officer_client.get("/consultation/club/")
    join(15)
    with django_assert_max_num_queries(len(few.captured_queries)):
        officer_client.get("/consultation/club/")
