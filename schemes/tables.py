import django_tables2 as tables

from .models import InformalFeedback


class InformalFeedbackTable(tables.Table):
    stack_lead = ("noted_on", "kind", "status")  # first on a phone's card
    what_happened = tables.Column(linkify=True, verbose_name="What was said or happened")
    estate = tables.Column(default="Not about one place", verbose_name="Estate or scheme")
    noted_by = tables.Column(order_by=("noted_by__first_name", "noted_by__last_name"))

    class Meta:
        model = InformalFeedback
        fields = ["noted_on", "kind", "what_happened", "estate", "service", "noted_by", "status"]
        order_by = ("-noted_on",)

    def render_what_happened(self, value):
        return value if len(value) <= 90 else value[:88] + "…"
