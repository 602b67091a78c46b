import django_tables2 as tables
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.html import format_html

from engagement.deadlines import due_phrase
from engagement.table_cells import DateTimeColumn

from .models import AWAITING_REPORT, EngagementActivity


def report_state(activity: EngagementActivity, today) -> tuple[str, str]:
    """A short phrase about the report and the badge class that goes with it."""
    if activity.status in AWAITING_REPORT and activity.starts_at > timezone.now():
        return "Not yet held", ""
    owed_by = activity.report_owed_by
    if owed_by is not None:
        phrase = due_phrase(owed_by, today)
        prefix = "Returned: " if activity.status == "returned" else ""
        return f"{prefix}{phrase[0].upper()}{phrase[1:]}", "badge-overdue" if owed_by < today else "badge-due"
    if activity.status in ("reported", "verified"):
        return activity.get_status_display(), "badge-ok"
    return activity.get_status_display(), ""


class ActivityTable(tables.Table):
    # On a phone the card reads: title, when, where, status, report due (engagement/_list_table.html).
    stack_lead = ("starts_at", "place", "status", "report_due_on")
    # The CSV reads these columns straight from the database (engagement.csv_export).
    csv_columns = {"place": Coalesce("estate__name", "location"), "report_due_on": F("report_due_on")}
    title = tables.Column(linkify=True)
    activity_type = tables.Column(verbose_name="Type")
    starts_at = DateTimeColumn(verbose_name="When", format="D j M Y, H:i")
    place = tables.Column(accessor="estate", verbose_name="Where", order_by=("estate__name", "location"))
    patch = tables.Column(order_by=("patch__name",), default="—")
    lead_officer = tables.Column(order_by=("lead_officer__first_name", "lead_officer__last_name"))
    customers_engaged = tables.Column(verbose_name="Customers engaged", attrs={"td": {"class": "text-end"}})
    status = tables.Column()
    report_due_on = tables.Column(verbose_name="Report", order_by=("report_owed_on", "pk"))

    class Meta:
        model = EngagementActivity
        fields = [
            "title",
            "activity_type",
            "starts_at",
            "place",
            "patch",
            "lead_officer",
            "customers_engaged",
            "status",
            "report_due_on",
        ]
        order_by = ("-starts_at",)
        empty_text = "No activities match."

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = timezone.localdate()

    def render_place(self, record):
        return record.place or "—"

    def value_place(self, record):
        return record.place

    def render_report_due_on(self, record, value):
        phrase, badge = report_state(record, self.today)
        due = format_html("{}", value.strftime("%-d %b"))
        if badge:
            return format_html('<span class="badge {}">{}</span> <span class="small">due {}</span>', badge, phrase, due)
        return format_html('{} <span class="small">due {}</span>', phrase, due)

    def value_report_due_on(self, record, value):
        return value.isoformat()


class ReportsDueTable(ActivityTable):
    """Reports owed: those a manager returned for changes come first (the officer's to put right
    now), then the rest by the date each is owed."""

    report_due_on = tables.Column(verbose_name="Report", order_by=("returned_last", "report_owed_on", "pk"))
