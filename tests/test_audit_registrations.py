"""Audit trails (django-auditlog) are registered in one kind of place: each app's AppConfig.ready()."""

import re
from pathlib import Path

import pytest
from auditlog.registry import auditlog
from django.apps import apps
from django.conf import settings


def test_every_auditlog_registration_is_in_an_apps_py():
    elsewhere = []
    for app in apps.get_app_configs():
        folder = Path(app.path)
        if not folder.is_relative_to(settings.BASE_DIR) or ".venv" in folder.parts:
            continue  # third-party apps (the virtualenv may live inside the project)
        for path in folder.rglob("*.py"):
            relative = str(path.relative_to(settings.BASE_DIR))
            if path.name == "apps.py" or "tests" in path.parts:
                continue
            if re.search(r"auditlog\.register\(", path.read_text()):
                elsewhere.append(relative)
    assert elsewhere == []


@pytest.mark.parametrize(
    "label",
    [
        "engagement.Action",
        "engagement.Customer",
        "activities.EngagementActivity",
        "feedback.Complaint",
        "feedback.LessonsLearned",
        "feedback.Compliment",
        "feedback.Suggestion",
        "surveys.ChampionIssue",
        "surveys.Survey",
        "charter.Measure",
        "charter.MeasureValue",
        "panels.Panel",
        "panels.Membership",
        "panels.Meeting",
        "panels.ScrutinyProject",
        "panels.Recommendation",
        "panels.ExpenseClaim",
        "panels.ExpressionOfInterest",
    ],
)
def test_the_audited_models_are_registered(label):
    assert auditlog.contains(apps.get_model(label))
