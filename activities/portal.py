"""The activities app's navigation links, dashboard panels, deadline kind and charter measures."""

from django.utils import timezone

from engagement.models import Role
from engagement.quarters import Quarter
from engagement.registry import dashboard_panel, register_nav

from . import deadlines, selectors  # noqa: F401  (deadlines registers the activity report deadline)

register_nav("Activities", "activities:mine", "staff", order=20)


@dashboard_panel("activities/panels/officer.html", roles={Role.OFFICER}, order=10)
def officer_panel(request) -> dict:
    today = timezone.localdate()
    return {"today": today, **selectors.officer_report_summary(officer=request.user, today=today)}


@dashboard_panel("activities/panels/manager.html", roles={Role.MANAGER, Role.ADMIN}, order=10)
def manager_panel(request) -> dict:
    today = timezone.localdate()
    quarter = Quarter.containing(today)  # the financial quarter, as in the charter and board report
    start, end = quarter.start, quarter.end
    return {
        "today": today,
        "overdue_by_officer": list(selectors.overdue_by_officer(today=today)),
        "to_verify": selectors.reports_to_verify_count(),
        "quarter_start": start,
        "quarter_end": end,
        "figures": selectors.engagement_figures(start=start, end=end),
        "mine": selectors.officer_report_summary(officer=request.user, today=today),
    }


from . import measures  # noqa: E402,F401  (registers the activities charter measures)
