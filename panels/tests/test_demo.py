import datetime
import random

import pytest

from engagement import demo as core_demo
from panels import demo
from panels.factories import PanelFactory
from panels.models import (
    EstateWalk,
    ExpenseClaim,
    ExpressionOfInterest,
    Meeting,
    Membership,
    Panel,
    PanelKind,
    ScrutinyProject,
    ScrutinyStatus,
    TrainingRecord,
    WalkKind,
)

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 23)


def _counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            Panel,
            Membership,
            Meeting,
            ScrutinyProject,
            ExpressionOfInterest,
            TrainingRecord,
            ExpenseClaim,
            EstateWalk,
        )
    }


def test_the_demo_has_every_kind_of_panel_a_year_of_meetings_and_a_project_at_every_stage_and_is_idempotent():
    context = core_demo.seed(random.Random("core"), TODAY)
    # The surveys demo runs first and may already have made the Estate Champions panel.
    PanelFactory(name="Estate Champions", kind=PanelKind.ESTATE_CHAMPIONS, meets_every_months=None)
    demo.seed(random.Random("panels"), TODAY, context)
    counts = _counts()

    assert set(Panel.objects.values_list("kind", flat=True)) == set(PanelKind.values)
    assert Panel.objects.filter(name="Estate Champions").count() == 1
    for panel in Panel.objects.all():
        assert Membership.objects.current(TODAY).filter(panel=panel).exists(), panel
    cvg = Meeting.objects.filter(panel__kind=PanelKind.CUSTOMER_VOICE_GROUP, status="held")
    assert cvg.count() >= 6 and cvg.filter(minutes_published_on__isnull=False).exists()
    assert min(cvg.values_list("meets_on", flat=True)) <= TODAY - datetime.timedelta(days=330)
    assert set(ScrutinyProject.objects.values_list("status", flat=True)) == set(ScrutinyStatus.values)
    assert set(EstateWalk.objects.values_list("kind", flat=True)) == set(WalkKind.values)
    assert ExpressionOfInterest.objects.filter(status="awaiting").exists()
    assert counts["TrainingRecord"] and counts["ExpenseClaim"]

    demo.seed(random.Random("panels"), TODAY, context)
    assert _counts() == counts
