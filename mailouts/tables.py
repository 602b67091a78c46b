import django_tables2 as tables

from engagement.table_cells import DateTimeColumn

from .models import Delivery, MailOut


class MailOutTable(tables.Table):
    subject = tables.Column(linkify=True)
    created_at = DateTimeColumn(verbose_name="Made", format="j M Y, H:i")
    created_by = tables.Column(verbose_name="By", order_by=("created_by__first_name", "created_by__last_name"))
    copies = tables.Column(verbose_name="Copies")
    left_out = tables.Column(verbose_name="Left out")

    class Meta:
        model = MailOut
        fields = ["subject", "kind", "audience", "created_at", "created_by", "copies", "left_out"]
        order_by = ("-created_at",)


class DeliveryTable(tables.Table):
    name = tables.Column(verbose_name="Customer")
    channel = tables.Column(verbose_name="How")
    formats = tables.Column(verbose_name="Format", accessor="pk", orderable=False)
    sent_at = DateTimeColumn(verbose_name="Sent", format="j M Y, H:i", default="—")
    reason = tables.Column(verbose_name="Note", default="")

    class Meta:
        model = Delivery
        fields = ["name", "postcode", "channel", "formats", "status", "sent_at", "reason"]
        order_by = ("name",)

    def render_formats(self, record):
        needs = (["large print"] if record.large_print else []) + record.format_needs
        return ", ".join(needs) or "—"

    def value_formats(self, record):
        return self.render_formats(record)
