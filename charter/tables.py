import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html

from engagement.table_cells import DateTimeColumn

from .models import BoardReport, ReportStatus


class BoardReportTable(tables.Table):
    period_label = tables.Column("Period", linkify=lambda record: record.get_absolute_url())
    kind = tables.Column("Report")
    version = tables.Column("Version")
    status = tables.Column("Status")
    requested_by = tables.Column("Asked for by", default="Quarter-end job", order_by=("requested_by__last_name",))
    created_at = DateTimeColumn(verbose_name="Asked for", format="j M Y H:i")
    built_at = DateTimeColumn(verbose_name="Built", format="j M Y H:i", default="—")
    page_count = tables.Column("Pages", default="—")
    download = tables.Column("Download", empty_values=(), orderable=False, exclude_from_export=True)

    class Meta:
        model = BoardReport
        fields = ["period_label", "kind", "version", "status", "requested_by", "created_at", "built_at", "page_count"]
        order_by = ("-created_at",)

    def render_status(self, record, value):
        css = {ReportStatus.READY: "badge-ok", ReportStatus.FAILED: "badge-overdue"}.get(record.status, "badge-due")
        progress = f" ({record.progress}%)" if record.status == ReportStatus.BUILDING else ""
        return format_html('<span class="badge {}">{}{}</span>', css, value, progress)

    def render_download(self, record):
        if record.status != ReportStatus.READY:
            return "—"
        return format_html(
            '<a href="{}">PDF<span class="visually-hidden"> of {} version {}</span></a>',
            reverse("charter:report_download", args=[record.pk]),
            record.period_label,
            record.version,
        )
