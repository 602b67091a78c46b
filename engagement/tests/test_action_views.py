import pytest
from django.urls import reverse

from engagement.dates import date_parts_data
from engagement.factories import ActionFactory, CustomerFactory, EstateFactory
from engagement.models import Action

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("rows", [10, 200])
def test_the_action_list_runs_a_fixed_number_of_queries_whatever_the_row_count(
    officer_client, officer, rows, django_assert_max_num_queries
):
    estate = EstateFactory()
    ActionFactory.create_batch(rows, owner=officer, estate=estate)
    with django_assert_max_num_queries(12):
        response = officer_client.get(reverse("action_list"))
    assert response.status_code == 200


@pytest.mark.parametrize("rows", [10, 200])
def test_the_customer_list_runs_a_fixed_number_of_queries(officer_client, rows, django_assert_max_num_queries):
    estate = EstateFactory()
    CustomerFactory.create_batch(rows, estate=estate)
    with django_assert_max_num_queries(12):
        assert officer_client.get(reverse("customer_list") + "?sort=estate").status_code == 200


def test_customers_are_found_by_name_or_address(officer_client):
    CustomerFactory(first_name="Winston", last_name="Campbell", address="12 Castle Road")
    CustomerFactory(first_name="Ewa", last_name="Nowak", address="3 Linden Road")
    body = officer_client.get(reverse("customer_list"), {"q": "castle"}).content.decode()
    assert "Campbell" in body and "Nowak" not in body


def test_the_filtered_action_list_downloads_as_csv(officer_client, officer):
    ActionFactory(owner=officer, we_will="Fix the door entry")
    ActionFactory(owner=officer, we_will="Cut the grass", status="done", done_on="2026-11-01", we_did="Cut")
    response = officer_client.get(reverse("action_list"), {"status": "open", "_export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    body = response.getvalue().decode("utf-8-sig")
    assert "Fix the door entry" in body and "Cut the grass" not in body


def test_an_officer_cannot_update_another_officers_action_but_a_manager_can(
    officer_client, manager_client, other_officer
):
    action = ActionFactory(owner=other_officer)
    assert officer_client.get(reverse("action_update", args=[action.pk])).status_code == 403
    assert manager_client.get(reverse("action_update", args=[action.pk])).status_code == 200


def test_marking_an_action_done_needs_a_date_and_what_we_did(officer_client, officer):
    action = ActionFactory(owner=officer)
    url = reverse("action_update", args=[action.pk])
    response = officer_client.post(url, {"status": "done", **date_parts_data("due_on", action.due_on), "we_did": ""})
    assert response.status_code == 200
    assert "Say what we did" in response.content.decode()
    response = officer_client.post(
        url,
        {
            "status": "done",
            **date_parts_data("due_on", action.due_on),
            **date_parts_data("done_on", "2026-11-20"),
            "we_did": "Replaced the panel",
            "publish": "on",
        },
    )
    assert response.status_code == 302
    action.refresh_from_db()
    # Put forward, not published: nothing is public until staff approve its public wording.
    assert action.status == "done" and action.publish and not action.is_published
    assert Action.objects.awaiting_public_wording().get() == action


def test_creating_an_action_for_someone_else_notifies_them(officer_client, other_officer):
    response = officer_client.post(
        reverse("action_create"),
        {
            "you_said": "Lifts break down often",
            "we_will": "Review the lift contract",
            "owner": other_officer.pk,
            **date_parts_data("due_on", "2027-01-15"),
        },
    )
    assert response.status_code == 302
    assert Action.objects.get().owner == other_officer
    assert other_officer.notifications.filter(title__startswith="New action").exists()


def test_customers_see_only_published_actions_for_their_estate_or_everyone_on_their_home_page(
    customer_client, customer
):
    ActionFactory(estate=customer.estate, published=True, public_you_said="Our estate said this")
    ActionFactory(estate=None, published=True, public_you_said="Everyone said this")
    ActionFactory(published=True, public_you_said="Another estate said this")
    ActionFactory(estate=customer.estate, publish=True, you_said="Not published yet")
    body = customer_client.get(reverse("home")).content.decode()
    assert "Our estate said this" in body and "Everyone said this" in body
    assert "Another estate said this" not in body and "Not published yet" not in body


def test_the_list_says_how_many_rows_the_filter_found_across_all_pages(officer_client, officer):
    ActionFactory.create_batch(30, owner=officer)
    body = officer_client.get(reverse("action_list")).content.decode()
    assert "30 results" in body  # 25 on this page, 30 in all; it used to say "0 results"
    ActionFactory(owner=officer, we_will="Paint the railings")
    body = officer_client.get(reverse("action_list"), {"q": "railings"}).content.decode()
    assert "1 result<" in body
