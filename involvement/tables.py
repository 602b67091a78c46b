import django_tables2 as tables
from django.utils import timezone
from django.utils.html import format_html

from engagement.table_cells import DateColumn

from .models import Group, ReviewDocument


class GroupTable(tables.Table):
    name = tables.Column(linkify=True)
    kind = tables.Column(verbose_name="Kind")
    patch = tables.Column(verbose_name="Patch", default="—")
    area = tables.Column(default="—")
    officer = tables.Column(verbose_name="Supporting officer", default="—", order_by=("officer__first_name",))
    renewal_due_on = tables.Column(verbose_name="Next renewal", default="—")

    class Meta:
        model = Group
        fields = ["name", "kind", "patch", "area", "officer", "renewal_due_on"]
        attrs = {"class": "table table-hover align-middle"}

    def render_renewal_due_on(self, value):
        if value < timezone.localdate():
            return format_html('{} <span class="badge badge-overdue">overdue</span>', f"{value:%-d %b %Y}")
        return f"{value:%-d %b %Y}"


class DocumentTable(tables.Table):
    title = tables.Column(linkify=True)
    kind = tables.Column(verbose_name="What")
    panel = tables.Column(verbose_name="Reviewing panel")
    submitted_on = DateColumn(verbose_name="Sent", format="j M Y")
    status = tables.Column()
    decided_on = DateColumn(verbose_name="Decided", format="j M Y", default="—")

    class Meta:
        model = ReviewDocument
        fields = ["title", "kind", "panel", "submitted_on", "status", "decided_on"]
        attrs = {"class": "table table-hover align-middle"}

    def render_status(self, record, value):
        return record.stamp or value
