"""The feedback app's navigation links, dashboard panels, deadline kinds and charter measures."""

from django.utils import timezone

from engagement.models import Role
from engagement.registry import dashboard_panel, register_nav, register_personal_data

from . import deadlines, gdpr, selectors  # noqa: F401  (deadlines registers the Code deadlines)

# One link: the complaints list leads to compliments, suggestions and figures through its own tabs.
register_nav("Feedback", "feedback:complaints", "staff", order=30)


@dashboard_panel("feedback/panels/officer.html", roles={Role.OFFICER, Role.MANAGER}, order=20)
def officer_panel(request) -> dict:
    return selectors.officer_complaint_summary(officer=request.user, today=timezone.localdate())


@dashboard_panel("feedback/panels/manager.html", roles={Role.MANAGER, Role.ADMIN}, order=21)
def manager_panel(request) -> dict:
    today = timezone.localdate()
    return {"today": today, "counts": selectors.manager_complaint_counts(today=today)}


from . import measures  # noqa: E402,F401  (registers the feedback charter measures)

# What this app holds about a customer, for the manager's GDPR export and erasure (engagement/gdpr.py).
register_personal_data(
    "feedback", label="Complaints, compliments and suggestions", export=gdpr.export, erase=gdpr.erase, order=20
)
