"""`manage.py load_landlord <name>` loads a landlord's configuration (engagement/landlords/*.yaml):
its settings, its levels and opportunities, and the panels they lead to; running it again changes
nothing. Trafford's six levels are those of its strategy (seed 002, "Levels of Involvement"):
information, at home, in your area, advisors, investigators, decision makers; Trident's four
are its strategic areas (seed 000, section 2): Your feedback, Collaborative, People focused,
Accountability."""

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from engagement.landlord import landlord_current
from involvement.models import InvolvementLevel, Opportunity
from panels.models import Panel

pytestmark = pytest.mark.django_db

TRAFFORD_LEVELS = [
    "Getting information",
    "Getting involved from home",
    "Getting involved in your local area",
    "Being an advisor",
    "Being an investigator",
    "Being a decision maker",
]


def _menu():
    return [
        (
            level.title,
            [(o.title, o.clocks, o.time_needed, o.panel.name if o.panel else None) for o in level.opportunities.all()],
        )
        for level in InvolvementLevel.objects.prefetch_related("opportunities__panel")
    ]


def test_trafford_loads_its_six_levels_in_order_with_each_opportunitys_time():
    call_command("load_landlord", "trafford")
    assert [level.title for level in InvolvementLevel.objects.all()] == TRAFFORD_LEVELS
    review_crew = Opportunity.objects.get(title="Review Crew")
    assert review_crew.level.key == "advisors" and review_crew.panel.name == "Review Crew"
    assert Opportunity.objects.get(title="Quality and Insight Panel").clocks == 5
    assert Opportunity.objects.get(title="Pulse newsletter").clocks == 1
    landlord = landlord_current()
    assert landlord.name == "Trafford Housing Trust" and landlord.phone == "0300 777 7777"
    assert landlord.review_panel_name == "Review Crew" and landlord.training_programme_name == "Skills 4 You"


def test_loading_twice_changes_nothing():
    call_command("load_landlord", "trafford")
    menu, panels = _menu(), Panel.objects.count()
    call_command("load_landlord", "trafford")
    assert _menu() == menu and Panel.objects.count() == panels


def test_switching_to_trident_replaces_the_menu_but_keeps_every_panel():
    call_command("load_landlord", "trafford")
    trafford_panels = set(Panel.objects.values_list("name", flat=True))
    call_command("load_landlord", "trident")
    assert [level.title for level in InvolvementLevel.objects.all()] == [
        "Your feedback",
        "Collaborative",
        "People focused",
        "Accountability",
    ]
    assert not Opportunity.objects.filter(title="Review Crew").exists()
    assert trafford_panels <= set(Panel.objects.values_list("name", flat=True))
    assert landlord_current().name == "Trident Housing"


def test_the_public_page_shows_the_loaded_landlords_name_and_menu(client):
    call_command("load_landlord", "trafford")
    page = client.get(reverse("involvement:get_involved")).text
    assert "Get involved with Trafford Housing Trust" in page and "Trident" not in page
    positions = [page.index(title) for title in TRAFFORD_LEVELS]
    assert positions == sorted(positions)
    assert "Contact the Community and Partnerships Team" in page and "0300 777 7777" in page


def test_an_unknown_landlord_is_an_error_naming_the_ones_there_are():
    with pytest.raises(CommandError, match="trafford, trident"):
        call_command("load_landlord", "nowhere")
    with pytest.raises(CommandError):
        call_command("load_landlord", "../settings")
