"""The charter's URLs for the access-matrix test: staff read the charter, only the manager changes it
and only the manager sees board reports."""

import importlib

from django.apps import apps
from django.core.files.base import ContentFile

from engagement.quarters import Quarter
from tests.access import MANAGER_ONLY, POST_ONLY, STAFF

from .factories import MeasureValueFactory, ReadyBoardReportFactory
from .models import Measure

QUARTER = Quarter(2026, 2)

MATRIX = {
    "charter:index": (STAFF, None),
    "charter:quarter": (STAFF, lambda w: [QUARTER.code]),
    "charter:quarter_recompute": (POST_ONLY, lambda w: [QUARTER.code]),
    "charter:value_enter": (MANAGER_ONLY, lambda w: [QUARTER.code, w["charter_manual_measure"].pk]),
    "charter:measure_detail": (STAFF, lambda w: [w["charter_manual_measure"].pk]),
    "charter:value_evidence": (STAFF, lambda w: [w["charter_value"].pk]),
    "charter:report_list": (MANAGER_ONLY, None),
    # A GET (a bookmarked or refreshed form address) goes back to the board reports page, never a bare 405.
    "charter:report_request": ("302 403 403 302", None),
    "charter:report_detail": (MANAGER_ONLY, lambda w: [w["charter_report"].pk]),
    "charter:report_status": (MANAGER_ONLY, lambda w: [w["charter_report"].pk]),
    "charter:report_download": (MANAGER_ONLY, lambda w: [w["charter_report"].pk]),
}


def build_world(world):
    if not Measure.objects.filter(code="4.3").exists():
        # A transactional test earlier in the run flushed the shipped charter: load it again.
        importlib.import_module("charter.migrations.0002_the_customer_charter").load_charter(apps, None)
    measure = Measure.objects.get(code="4.3")  # wellbeing checks: entered by hand
    world["charter_manual_measure"] = measure
    world["charter_value"] = MeasureValueFactory(
        measure=measure,
        year=QUARTER.year,
        quarter=QUARTER.number,
        value=120,
        evidence_file=ContentFile(b"%PDF-1.4\n% evidence\n", name="wellbeing-checks.pdf"),
        entered_by=world["manager"],
    )
    world["charter_report"] = ReadyBoardReportFactory(requested_by=world["manager"])
