"""The voice app's links, dashboard panel, report sections and personal data registration."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone

from engagement.models import Role
from engagement.registry import (
    dashboard_panel,
    register_nav,
    register_page_link,
    register_personal_data,
    report_section,
)

from . import gdpr

register_nav("Who we hear from", "voice:profile", "staff", order=76, more=True)
register_nav("About you", "voice:my_equality", "customer", order=80)

register_page_link(
    "survey",
    label="Who responded: representativeness against our customers",
    policy="staff",
    url=lambda survey: reverse("voice:survey", args=[survey.pk]),
)
register_page_link(
    "survey",
    label="Weighting",
    policy="manager",
    url=lambda survey: reverse("voice:survey_weighting", args=[survey.pk]),
)
register_page_link(
    "panel",
    label="Who the members are: representativeness against our customers",
    policy="staff",
    url=lambda panel: reverse("voice:panel", args=[panel.pk]),
)
register_page_link(
    "tsm",
    label="Who responded to the perception survey this year: representativeness",
    policy="manager",
    url=lambda year: reverse("voice:tsm", args=[int(year)]),
)
register_page_link(
    "customer",
    label="Record equality questions with the customer (with their consent)",
    policy="staff",
    url=lambda customer: None if customer.erased_at else reverse("voice:customer_record", args=[customer.pk]),
)
register_page_link(
    "customer",
    label="Their equality information (manager only; each look is logged)",
    policy="manager",
    url=lambda customer: reverse("voice:customer_equality", args=[customer.pk]),
)
register_page_link(
    "profile",
    label="About you: optional equality questions",
    policy="customer",
    url=lambda _obj: reverse("voice:my_equality"),
)


def _survey_step(invitation):
    from .views import survey_step_url

    return survey_step_url(invitation)


register_page_link(
    "survey_thanks",
    label="One more optional step: tell us a little about yourself, so we can check we hear from everyone",
    policy="public",
    url=_survey_step,
)


@dashboard_panel("voice/_dashboard_panel.html", roles={Role.MANAGER, Role.ADMIN}, order=60)
def reach_panel(request):
    from .reach import REACH_CACHE_SECONDS, reach_recent

    found, worked_out_at = reach_recent(today=timezone.localdate())
    return {"reach": found, "worked_out_at": worked_out_at, "refresh_minutes": REACH_CACHE_SECONDS // 60}


def _weighting_statements(start: datetime.date, end: datetime.date) -> list[str]:
    from surveys.models import Survey, SurveyKind

    from .weighting import scheme_results

    statements = []
    for survey in Survey.objects.filter(kind=SurveyKind.TSM, opens_on__lte=end, closes_on__gte=start).order_by(
        "opens_on"
    ):
        result = scheme_results(survey)
        statements.append(result.statement if result else f"{survey}: not weighted; the figures are as answered.")
    return statements


@report_section("voice.weighting", reports={"tsm_return", "board_pack"}, template="voice/report/weighting.html")
def weighting_section(*, report, start, end):
    return {"statements": _weighting_statements(start, end), "report": report}


@report_section("voice.heard_from", reports={"annual_report"}, template="voice/report/heard_from.html", order=40)
def heard_from_section(*, report, start, end):
    from .selectors import year_heard_from

    return {**year_heard_from(start=start, end=end), "statements": _weighting_statements(start, end)}


# Equality answers are personal data: in the manager's export for the customer, deleted on erasure.
register_personal_data("voice", label="Equality information", export=gdpr.export, erase=gdpr.erase, order=80)
