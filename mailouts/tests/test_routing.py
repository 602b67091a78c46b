"""Each customer gets a mail-out the way their record says (mailouts/routing.py).

Rule (seed 000 section 5: the customer's choice, language, accessibility, digital exclusion):
no consent → left out and counted; braille, easy read or another language → a letter flagged
for that version; digitally excluded → a letter; e-mail or text wanted and held → that;
anything else → a letter (large print when asked). A club member's chosen way overrides the
preferred channel. Cases worked by hand from the rule, one customer each.
"""

import pytest

from engagement.factories import CustomerFactory
from engagement.models import Channel
from mailouts.models import How
from mailouts.services import mailout_plan

pytestmark = pytest.mark.django_db


def _route(**record):
    customer = CustomerFactory(**record)
    (delivery,) = mailout_plan(customers=[customer]).deliveries
    return delivery


def test_an_email_customer_gets_an_email():
    delivery = _route(preferred_channel=Channel.EMAIL, email="ann@example.org")
    assert (delivery.channel, delivery.email, delivery.reason) == (How.EMAIL, "ann@example.org", "")


def test_a_customer_who_asked_for_texts_gets_a_text_to_their_number():
    delivery = _route(preferred_channel=Channel.SMS, phone="07700 900123")
    assert (delivery.channel, delivery.phone) == (How.SMS, "07700 900123")


def test_a_text_customer_without_a_number_gets_a_letter_and_the_reason():
    delivery = _route(preferred_channel=Channel.SMS, phone="")
    assert (delivery.channel, delivery.reason) == (How.LETTER, "No mobile number held")


def test_a_letter_only_customer_gets_a_letter_even_with_an_email_address():
    delivery = _route(preferred_channel=Channel.LETTER, email="has@example.org")
    assert (delivery.channel, delivery.email) == (How.LETTER, "")


def test_large_print_is_a_letter_in_large_print():
    delivery = _route(preferred_channel=Channel.LETTER, large_print=True)
    assert delivery.channel == How.LETTER and delivery.large_print and delivery.format_needs == []


def test_a_customer_without_consent_is_left_out_and_counted():
    customers = [
        CustomerFactory(consent_to_contact=False),
        CustomerFactory(),
        CustomerFactory(consent_to_contact=False),
    ]
    plan = mailout_plan(customers=customers)
    assert plan.left_out == 2 and plan.to_send == 1
    assert {d.reason for d in plan.deliveries if d.channel == How.NONE} == {"No consent to contact"}


def test_another_language_is_a_letter_flagged_for_translation_whatever_the_channel():
    delivery = _route(preferred_channel=Channel.EMAIL, language="Polish")
    assert delivery.channel == How.LETTER and delivery.language == "Polish"
    assert delivery.format_needs == ["translate into Polish"]


def test_english_in_any_case_is_not_a_translation():
    assert _route(language="english").language == ""


def test_braille_and_easy_read_are_letters_to_produce_first():
    delivery = _route(preferred_channel=Channel.SMS, phone="07700 900123", braille=True, easy_read=True)
    assert delivery.channel == How.LETTER and delivery.format_needs == ["braille", "easy read"]


def test_a_digitally_excluded_customer_gets_a_letter():
    assert _route(preferred_channel=Channel.EMAIL, digitally_excluded=True).channel == How.LETTER


def test_a_phone_call_or_in_person_preference_gets_a_letter_for_a_mail_out():
    assert _route(preferred_channel=Channel.PHONE, phone="0121 496 0000").channel == How.LETTER
    assert _route(preferred_channel=Channel.IN_PERSON).channel == How.LETTER


def test_a_club_members_chosen_way_overrides_the_preferred_channel():
    customer = CustomerFactory(preferred_channel=Channel.LETTER, phone="07700 900456", email="b@example.org")
    (text,) = mailout_plan(customers=[customer], wanted={customer.pk: How.SMS}).deliveries
    (call,) = mailout_plan(customers=[customer], wanted={customer.pk: How.PHONE}).deliveries
    assert (text.channel, call.channel, call.phone) == (How.SMS, How.PHONE, "07700 900456")


def test_a_chosen_way_never_overrides_missing_consent():
    customer = CustomerFactory(consent_to_contact=False)
    (delivery,) = mailout_plan(customers=[customer], wanted={customer.pk: How.EMAIL}).deliveries
    assert delivery.channel == How.NONE
