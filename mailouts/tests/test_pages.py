"""The mail-out pages: write it, check who gets it and how (with those left out counted) before
anything is sent, send it once however often the button is pressed, and see every copy."""

import pytest

from engagement.factories import CustomerFactory, EstateFactory
from engagement.models import Channel
from mailouts.audiences import Audience
from mailouts.models import Kind, MailOut, PrintBatch
from mailouts.services import mailout_create, mailout_deliver

pytestmark = pytest.mark.django_db


@pytest.fixture
def estate():
    estate = EstateFactory(name="Castle Vale")
    CustomerFactory(estate=estate, last_name="Emailer", preferred_channel=Channel.EMAIL)
    CustomerFactory(estate=estate, last_name="Texter", preferred_channel=Channel.SMS, phone="07700 900123")
    CustomerFactory(estate=estate, last_name="Writer", preferred_channel=Channel.LETTER, large_print=True)
    CustomerFactory(estate=estate, last_name="Private", consent_to_contact=False)
    return estate


def _form(estate, **extra):
    return {
        "kind": Kind.objects.get(slug="minutes").pk,
        "subject": "Minutes of the residents' meeting",
        "body": "Thank you for coming.",
        "estates": [estate.pk],
        "form_token": "0b8f3c2e-7a51-4c0e-9d3e-2f1a6b5c4d3e",
        **extra,
    }


def test_the_preview_shows_counts_by_channel_and_who_is_left_out_before_anything_is_sent(officer_client, estate):
    page = officer_client.post("/mailouts/new/", _form(estate, confirm="preview")).content.decode()
    assert "Check before you send" in page
    for label in ('<th scope="row">E-mail</th><td class="text-end">1</td>', "Text message", "Letter"):
        assert label in page
    assert "1 customer left out" in page and "Send to 3 customers" in page
    assert "1 will be printed in large print" in page
    assert not MailOut.objects.exists()


def test_pressing_send_twice_makes_one_mail_out(officer_client, estate, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = officer_client.post("/mailouts/new/", _form(estate, confirm="send"))
        again = officer_client.post("/mailouts/new/", _form(estate, confirm="send"))
    mailout = MailOut.objects.get()
    assert first.url == again.url == f"/mailouts/{mailout.pk}/"
    assert mailout.deliveries.count() == 4 and mailout.audience == "Estates and schemes: Castle Vale"
    assert dict(mailout.deliveries.values_list("channel", "status")) == {
        "email": "sent",
        "sms": "sent",
        "letter": "sent",
        "none": "left_out",
    }


def test_without_an_audience_the_form_says_what_is_missing_and_keeps_the_text(officer_client):
    page = officer_client.post(
        "/mailouts/new/", {"kind": Kind.objects.get(slug="minutes").pk, "subject": "Kept", "body": "Also kept"}
    ).content.decode()
    assert "There is a problem" in page and "Choose who it goes to" in page
    assert 'value="Kept"' in page and "Also kept" in page


def test_staff_see_who_got_it_and_how_and_can_download_the_letters(officer_client, estate, officer):

    mailout, _ = mailout_create(
        kind=Kind.objects.get(slug="minutes"),
        subject="Minutes",
        body="Text",
        by=officer,
        audience=Audience(estates=[estate.pk]),
    )
    mailout_deliver(mailout_id=mailout.pk)
    detail = officer_client.get(f"/mailouts/{mailout.pk}/").content.decode()
    assert "Download the letters (PDF)" in detail and "Left out: <strong>1</strong>" in detail
    listing = officer_client.get(f"/mailouts/{mailout.pk}/deliveries/").content.decode()
    for name in ("Emailer", "Texter", "Writer", "Private", "No consent to contact", "large print"):
        assert name in listing
    csv = b"".join(officer_client.get(f"/mailouts/{mailout.pk}/deliveries/?_export=csv").streaming_content).decode()
    assert "Writer" in csv and "large print" in csv
    pdf = officer_client.get(f"/mailouts/{mailout.pk}/letters.pdf")
    assert pdf.status_code == 200 and b"".join(pdf.streaming_content).startswith(b"%PDF")
    officer_client.post(f"/mailouts/{mailout.pk}/letters/posted/")
    assert PrintBatch.objects.get(mailout=mailout).posted_on is not None


def test_a_customer_sees_no_mail_out_page(customer_client):
    assert customer_client.get("/mailouts/").status_code == 403


def test_the_lists_read_a_fixed_number_of_queries_however_many_copies(officer_client, django_assert_max_num_queries):
    from mailouts.factories import DeliveryFactory, MailOutFactory

    mailout = MailOutFactory()
    DeliveryFactory.create_batch(3, mailout=mailout)
    with django_assert_max_num_queries(25) as few:
        officer_client.get(f"/mailouts/{mailout.pk}/deliveries/")
        officer_client.get("/mailouts/")
    DeliveryFactory.create_batch(20, mailout=mailout)
    MailOutFactory.create_batch(5)
    with django_assert_max_num_queries(len(few.captured_queries)):
        officer_client.get(f"/mailouts/{mailout.pk}/deliveries/")
        officer_client.get("/mailouts/")
