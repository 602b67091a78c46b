"""The public pages (no login): the Get involved page groups every opportunity by the landlord's
levels, each with what it involves and the time it takes as clocks with a text alternative, and
links to the expression-of-interest form; the training programme lists courses and places left.
Neither shows anything personal (who booked, who sits on a panel)."""

import re

import pytest
from django.urls import reverse

from engagement.factories import InvolvedCustomerFactory
from involvement.factories import InvolvementLevelFactory, OpportunityFactory, ProgrammeCourseFactory
from involvement.models import Booking
from panels.factories import MembershipFactory, PanelFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def menu():
    home = InvolvementLevelFactory(key="at_home", title="Getting involved from home", position=2)
    local = InvolvementLevelFactory(key="local", title="Getting involved in your local area", position=3)
    panel = PanelFactory(name="Block Champions", recruiting=True)
    MembershipFactory(panel=panel, customer=InvolvedCustomerFactory(first_name="Hermione", last_name="Quist"))
    OpportunityFactory(level=home, title="Speakeasy", involves="Answer surveys your way.", time_needed="15 minutes")
    OpportunityFactory(
        level=local,
        title="Block Champions",
        involves="Eyes and ears of the block.",
        time_needed="Monthly",
        clocks=3,
        panel=panel,
    )
    return panel


def test_opportunities_are_grouped_by_level_with_what_they_involve_and_their_time(client, menu):
    page = client.get(reverse("involvement:get_involved")).text
    home, local = page.index('<h2 id="level-at_home"'), page.index('<h2 id="level-local"')
    assert home < page.index("Speakeasy", home) < local < page.index("Block Champions", local)
    assert "Eyes and ears of the block." in page and "Monthly" in page


def test_the_clocks_are_pictures_hidden_from_screen_readers_with_the_time_in_words(client, menu):
    page = client.get(reverse("involvement:get_involved")).text
    block = page[page.index("Block Champions") :]
    block = block[: block.index("</article>")]
    assert block.count('<svg class="clock-icon" aria-hidden="true"') == 3
    assert "(3 of 5 clocks)" in block


def test_a_panel_that_recruits_links_to_the_expression_of_interest_form(client, menu):
    page = client.get(reverse("involvement:get_involved")).text
    assert f"{reverse('panels:eoi_create')}?panel={menu.pk}" in page


def test_the_public_pages_show_nothing_personal(client, menu):
    course = ProgrammeCourseFactory(title="Chairing a meeting")
    Booking.objects.create(course=course, customer=InvolvedCustomerFactory(first_name="Hermione", last_name="Quist"))
    for name in ("involvement:get_involved", "involvement:training_programme"):
        page = client.get(reverse(name)).text
        assert "Hermione" not in page and "Quist" not in page, name
    assert "Chairing a meeting" in client.get(reverse("involvement:training_programme")).text


def test_the_public_pages_use_no_inline_styles_or_scripts(client, menu):
    ProgrammeCourseFactory()
    for name in ("involvement:get_involved", "involvement:training_programme"):
        page = client.get(reverse(name)).text
        assert not re.search(r"\sstyle=", page) and not re.search(r"<script(?![^>]*\ssrc=)", page), name


def test_the_get_involved_page_costs_a_fixed_number_of_queries(client, menu, django_assert_max_num_queries):
    for index in range(10):
        OpportunityFactory(level=menu.opportunities.first().level, title=f"Extra {index}", panel=PanelFactory())
    client.get(reverse("involvement:get_involved"))
    with django_assert_max_num_queries(6):
        client.get(reverse("involvement:get_involved"))


def test_the_menu_bar_links_the_public_pages_for_visitors_and_the_login_page_shows_them(client, menu):
    page = client.get(reverse("login")).text
    assert f'href="{reverse("involvement:get_involved")}"' in page
    assert f'href="{reverse("you_said_we_did")}"' in page
