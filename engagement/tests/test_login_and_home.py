import re

import pytest
from django.core import mail
from django.urls import reverse

from engagement.factories import ActionFactory

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_an_officer_logs_in_through_the_form_and_sees_the_officer_dashboard(client, officer):
    response = client.post(reverse("login"), {"username": "officer", "password": "correct-horse-battery"}, follow=True)
    assert response.status_code == 200
    assert "engagement/home_officer.html" in [t.name for t in response.templates]
    assert "Hello Olivia" in response.content.decode()


def test_a_wrong_password_says_so_and_keeps_the_username(client, officer):
    response = client.post(reverse("login"), {"username": "officer", "password": "wrong"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "did not match" in body
    assert 'value="officer"' in body


def test_login_is_locked_after_five_failures(client, officer):
    for _ in range(5):
        client.post(reverse("login"), {"username": "officer", "password": "wrong"})
    response = client.post(reverse("login"), {"username": "officer", "password": "correct-horse-battery"})
    assert response.status_code == 429
    assert "Too many failed log-in attempts" in response.content.decode()


def test_the_manager_sees_the_manager_dashboard_with_actions_by_owner(manager_client, officer):
    ActionFactory(owner=officer)
    response = manager_client.get(reverse("home"))
    assert "engagement/home_manager.html" in [t.name for t in response.templates]
    assert "Open actions by owner" in response.content.decode()
    assert "Olivia Officer" in response.content.decode()


def test_an_involved_customer_sees_their_own_home_page_and_no_staff_navigation(customer_client, customer):
    response = customer_client.get(reverse("home"))
    body = response.content.decode()
    assert "engagement/home_customer.html" in [t.name for t in response.templates]
    assert f"improve services at {customer.estate}" in body
    assert reverse("customer_list") not in body
    assert reverse("action_list") not in body


def test_a_customer_opening_a_staff_url_gets_403_and_no_staff_data(customer_client, other_customer):
    response = customer_client.get(reverse("customer_detail", args=[other_customer.pk]))
    assert response.status_code == 403
    assert other_customer.last_name not in response.content.decode()


def test_logging_out_needs_a_post_and_ends_the_session(officer_client):
    response = officer_client.post(reverse("logout"))
    assert response.status_code in (200, 302)
    assert officer_client.get(reverse("home")).status_code == 302


def test_a_user_changes_their_password(officer_client, officer):
    response = officer_client.post(
        reverse("password_change"),
        {
            "old_password": "correct-horse-battery",
            "new_password1": "a-much-longer-passphrase-2026",
            "new_password2": "a-much-longer-passphrase-2026",
        },
    )
    assert response.status_code == 302
    officer.refresh_from_db()
    assert officer.check_password("a-much-longer-passphrase-2026")


def test_a_user_resets_a_forgotten_password_by_email(client, officer):
    response = client.post(reverse("password_reset"), {"email": officer.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/accounts/reset/\S+)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    response = client.post(
        form_page.redirect_chain[-1][0],
        {
            "new_password1": "brand-new-passphrase-77",
            "new_password2": "brand-new-passphrase-77",
        },
    )
    assert response.status_code == 302
    officer.refresh_from_db()
    assert officer.check_password("brand-new-passphrase-77")


def test_an_unknown_email_gets_the_same_answer_and_no_email(client, officer):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_a_customer_updates_their_communication_preferences(customer_client, customer):
    response = customer_client.post(
        reverse("profile"),
        {
            "email": "cora@example.org",
            "phone": "0121 000 0000",
            "preferred_channel": "letter",
            "language": "Polish",
            "large_print": "on",
            "consent_to_contact": "on",
        },
    )
    assert response.status_code == 302
    customer.refresh_from_db()
    assert customer.preferred_channel == "letter"
    assert customer.large_print and customer.language == "Polish"


def test_a_preferences_form_error_keeps_what_the_customer_typed(customer_client):
    response = customer_client.post(
        reverse("profile"),
        {
            "email": "not-an-email",
            "phone": "0121 999",
            "preferred_channel": "letter",
            "language": "Somali",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Enter a valid email address" in body
    assert 'value="not-an-email"' in body and 'value="Somali"' in body


def test_the_large_print_switch_works_without_javascript(client, officer):
    client.force_login(officer)
    client.post(reverse("text_size"), {"next": "/"})
    assert '<html lang="en-GB" class="large-print">' in client.get(reverse("home")).content.decode()
