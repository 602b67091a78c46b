"""The charter's navigation link, manager dashboard panel and daily job."""

from django.utils import timezone

from engagement.models import Role
from engagement.quarters import Quarter
from engagement.registry import dashboard_panel, register_nav, register_periodic

register_nav("Charter", "charter:index", "staff", order=70)
register_nav("Board reports", "charter:report_list", "manager", order=72, more=True)
# Early morning: refreshes the figures and, after a quarter (or, in January, a year) closes, builds its report.
register_periodic("Charter figures and quarter-end board report", "charter.tasks.charter_daily", hour=5, minute=30)


@dashboard_panel("charter/_dashboard_panel.html", roles={Role.MANAGER, Role.ADMIN}, order=30)
def charter_panel(request):
    from .selectors import charter_rows, latest_ready_report, rag_summary

    quarter = Quarter.last_closed(timezone.localdate())
    rows_by_commitment = charter_rows(quarter=quarter, figures_only=True)
    return {
        "quarter": quarter,
        "summary": rag_summary(rows_by_commitment),
        "report": latest_ready_report(),
        "trends": dashboard_trends(rows_by_commitment),
    }


# The manager's trend charts: activity and reach, reports on time, complaints on time, overall satisfaction.
DASHBOARD_TRENDS = (
    "activities.held",
    "activities.customers_engaged",
    "activities.reports_on_time_pct",
    "complaints.on_time_pct",
    "tsm.TP01",
)


def dashboard_trends(rows_by_commitment) -> list:
    """The charter rows behind the dashboard's charts (the same chart as the charter page and the PDF)."""
    by_key = {}
    for _commitment, rows in rows_by_commitment:
        for row in rows:
            if row.measure.computed_key and not row.measure.mirror_of_id:
                by_key.setdefault(row.measure.computed_key, row)
    return [by_key[key] for key in DASHBOARD_TRENDS if key in by_key]


# Every two minutes: a report whose task never reached a worker, or whose worker died, is sent again.
register_periodic("Board reports: restart lost builds", "charter.tasks.sweep_board_reports", hour="*", minute="*/2")
