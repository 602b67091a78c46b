"""The public "You said, we did" pages: anyone may read them; they show nothing personal.

Rules (seed 2 and 2.4: publish "You Said, We Did" to every customer a change affects, including
on the website; issue #12): `/you-said-we-did/` lists published actions for anyone, logged in
or not, filterable by estate or scheme and by patch (changes for all homes show under every
place), and each estate has its own page. Only the approved public wording, the place and the
month published are shown: never a customer's or a member of staff's name, never the raw text
of the action, never an action that is not published.
"""

import datetime

import pytest
from django.urls import reverse

from engagement.factories import (
    ActionFactory,
    CustomerFactory,
    EstateFactory,
    InvolvedCustomerFactory,
    ManagerFactory,
    OfficerFactory,
    PatchFactory,
)

pytestmark = pytest.mark.django_db
NOV = datetime.datetime(2026, 11, 12, 10, tzinfo=datetime.UTC)

# Distinctive strings that must never reach a public page.
SECRETS = [
    "Philippa",
    "Quarrendon",  # a customer of the estate
    "Ottoline",
    "Vavasour",  # the officer who owns the actions
    "Barnaby",
    "Thistlewood",  # the manager who created and approved them
    "raw-said-zebedee",
    "raw-will-zebedee",
    "raw-did-zebedee",  # the actions' own text
    "draft-wording-zebedee",  # wording drafted but never approved
    "withdrawn-wording-zebedee",
    "open-wording-zebedee",
]


@pytest.fixture
def places():
    north, south = PatchFactory(name="North patch"), PatchFactory(name="South patch")
    return {
        "castle": EstateFactory(name="Castle Vale", patch=north),
        "frankley": EstateFactory(name="Frankley Rise", patch=south),
        "north": north,
        "south": south,
    }


@pytest.fixture
def world(places):
    owner = OfficerFactory(first_name="Ottoline", last_name="Vavasour")
    approver = ManagerFactory(first_name="Barnaby", last_name="Thistlewood")
    castle = places["castle"]
    CustomerFactory(estate=castle, first_name="Philippa", last_name="Quarrendon")
    raw = {"you_said": "raw-said-zebedee", "we_will": "raw-will-zebedee", "we_did": "raw-did-zebedee"}
    common = {"owner": owner, "created_by": approver, **raw}
    ActionFactory(
        published=True,
        estate=castle,
        published_by=approver,
        published_at=NOV,
        public_you_said="The bin store overflowed.",
        public_we_did="We added a Saturday collection.",
        **common,
    )
    ActionFactory(
        published=True,
        estate=places["frankley"],
        public_you_said="The gate was broken.",
        public_we_did="We mended the gate.",
        **common,
    )
    ActionFactory(
        published=True,
        estate=None,
        public_you_said="Letters were hard to read.",
        public_we_did="We made letters available in large print.",
        **common,
    )
    # Done with wording drafted but never approved; withdrawn; still open: none of them public.
    ActionFactory(
        estate=castle,
        status="done",
        done_on=datetime.date(2026, 11, 1),
        publish=True,
        public_you_said="draft-wording-zebedee",
        public_we_did="draft-wording-zebedee",
        **common,
    )
    ActionFactory(
        estate=castle,
        status="done",
        done_on=datetime.date(2026, 11, 1),
        publish=True,
        public_you_said="withdrawn-wording-zebedee",
        public_we_did="withdrawn-wording-zebedee",
        **common,
    )
    ActionFactory(estate=castle, publish=True, public_we_did="open-wording-zebedee", **common)
    return places


def _urls(places):
    castle = places["castle"]
    return [
        reverse("you_said_we_did"),
        f"{reverse('you_said_we_did')}?estate={castle.pk}",
        f"{reverse('you_said_we_did')}?patch={places['north'].pk}",
        reverse("you_said_we_did_estate", args=[castle.pk]),
    ]


def test_anyone_can_read_what_was_published_without_logging_in(client, world):
    body = client.get(reverse("you_said_we_did")).content.decode()
    for text in ("We added a Saturday collection.", "We mended the gate.", "We made letters available in large print."):
        assert text in body
    assert "Castle Vale · November 2026" in body and "All our homes" in body
    assert "For staff" not in body and "Manage" not in body


def test_no_name_raw_text_or_unpublished_action_ever_appears_on_a_public_page(client, customer_client, world):
    for url in _urls(world):
        for who, browser in (("anonymous", client), ("customer", customer_client)):
            response = browser.get(url)
            assert response.status_code == 200
            body = response.content.decode().lower()
            leaked = [secret for secret in SECRETS if secret.lower() in body]
            assert leaked == [], f"{who} saw {leaked} on {url}"


def test_filtering_by_estate_shows_its_changes_and_those_for_all_homes(client, world):
    body = client.get(reverse("you_said_we_did"), {"estate": world["castle"].pk}).content.decode()
    assert "We added a Saturday collection." in body and "We made letters available in large print." in body
    assert "We mended the gate." not in body


def test_filtering_by_patch_shows_the_changes_of_its_estates(client, world):
    body = client.get(reverse("you_said_we_did"), {"patch": world["south"].pk}).content.decode()
    assert "We mended the gate." in body and "We added a Saturday collection." not in body


def test_each_estate_has_its_own_page(client, world):
    body = client.get(reverse("you_said_we_did_estate", args=[world["frankley"].pk])).content.decode()
    assert "You said, we did: Frankley Rise" in body and "We mended the gate." in body
    assert "We added a Saturday collection." not in body
    assert client.get(reverse("you_said_we_did_estate", args=[999999])).status_code == 404


def test_an_estate_with_nothing_published_says_so(client):
    estate = EstateFactory(name="Quiet Court")
    assert (
        "Nothing has been published for Quiet Court yet."
        in client.get(reverse("you_said_we_did_estate", args=[estate.pk])).content.decode()
    )


def test_logged_in_customers_see_the_same_page_with_a_link_to_their_estate(world):
    from django.test import Client

    customer = InvolvedCustomerFactory(estate=world["castle"])
    browser = Client()
    browser.force_login(customer.user)
    body = browser.get(reverse("you_said_we_did")).content.decode()
    assert "We mended the gate." in body  # the same public page, every estate
    assert reverse("you_said_we_did_estate", args=[world["castle"].pk]) in body


def test_staff_see_links_to_manage_and_what_is_waiting_for_public_wording(officer_client, world):
    body = officer_client.get(reverse("you_said_we_did"), {"estate": world["castle"].pk}).content.decode()
    assert "For staff: 2 done actions waiting for public wording" in body
    assert "Manage" in body and reverse("estate_poster", args=[world["castle"].pk]) in body


@pytest.mark.parametrize("rows", [5, 60])
def test_the_public_page_runs_a_fixed_number_of_queries(client, places, rows, django_assert_max_num_queries):
    ActionFactory.create_batch(rows, published=True, estate=places["castle"])
    with django_assert_max_num_queries(8):
        assert client.get(reverse("you_said_we_did"), {"patch": places["north"].pk}).status_code == 200
