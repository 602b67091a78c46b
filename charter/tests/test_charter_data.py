"""The charter ships as data: seven commitments and every line of "How we'll measure it"."""

import pytest

from charter.models import Commitment, Measure, Source

pytestmark = pytest.mark.django_db


def test_the_seven_commitments_are_in_the_charters_order():
    assert list(Commitment.objects.values_list("name", flat=True)) == [
        "Customer Voice",
        "Fairness & Respect",
        "Communication",
        "Safety",
        "Your Services",
        "Resolution",
        "Accountability",
    ]


def test_every_measure_has_a_unit_a_direction_a_source_and_the_charters_wording():
    measures = Measure.objects.all()
    assert measures.count() >= 50
    for measure in measures:
        assert measure.unit and measure.direction and measure.source and measure.how_measured, measure.code
        assert measure.target is not None, measure.code
        assert (measure.source == Source.COMPUTED) == bool(measure.computed_key), measure.code


@pytest.mark.parametrize(
    ("wording", "key"),
    [
        ("take your views into account", "tsm.TP06"),
        ("treated with fairness and respect", "tsm.TP08"),
        ("satisfied you are with our communication", "tsm.TP07"),
        ("safety within your home", "tsm.TP05"),
        ("percentage of complaints upheld", "complaints.upheld_pct"),
        ("how we handle complaints", "tsm.TP09"),
        ("complaints dealt with on time", "complaints.on_time_pct"),
        ("pieces of scrutiny work", "scrutiny.completed"),
    ],
)
def test_a_charter_line_the_portal_can_count_names_its_computed_measure(wording, key):
    assert Measure.objects.filter(how_measured__icontains=wording, computed_key=key).exists()


@pytest.mark.parametrize(
    "wording",
    [
        "privacy statement",
        "annual customer voice report",
        "Value for Money report",
        "within 24 hours",
        "Wellbeing Checks",
        "Social Value report",
        "procurement framework",
    ],
)
def test_publications_and_figures_kept_elsewhere_are_entered_by_hand(wording):
    measures = Measure.objects.filter(how_measured__icontains=wording)
    assert measures.exists() and all(m.source == Source.MANUAL for m in measures)


def test_every_seed_line_of_how_we_measure_it_is_shipped():
    lines = [
        "Through our Customer Engagement Framework",
        "RSH and Consumer standards audits",
        "KPI and performance monitoring",
        "knowledge of our staff",
        "treated equally",
        "home-safety guidance",
        "KPI's showing performance within safety",
        "how to use our customer portal",
        "directory of partners",
        "upturns in trends",
        "publicising compliments",
        "complaints policy",
        "compensation policy",
        "publishing our scrutiny work",
        "forming action plans",
        "when changes are made",
    ]
    missing = [line for line in lines if not Measure.objects.filter(how_measured__icontains=line).exists()]
    assert missing == []


def test_a_manual_measure_listed_twice_is_entered_once():
    second = Measure.objects.get(code="3.3")
    assert second.mirror_of.code == "1.7" and not second.accepts_manual_entry
    assert second.figure_measure_id == second.mirror_of_id
