import django_tables2 as tables
from django.utils import timezone
from django.utils.html import format_html

from engagement.table_cells import DateColumn, DateTimeColumn

from .models import Complaint, ComplaintStatus, Compliment, Suggestion


def deadline_state(complaint: Complaint, today) -> tuple[str, str]:
    """A short phrase about the current deadline and its badge class (late, due soon, done)."""
    due = complaint.current_due_on
    if due is None:
        if complaint.status == ComplaintStatus.CLOSED:
            return "Closed", "badge-ok"
        return "Responded", "badge-ok"
    step = "Acknowledge" if complaint.status == ComplaintStatus.RECEIVED else "Respond"
    days = (due - today).days
    if days < 0:
        return f"{step}: {-days} day{'s' if days != -1 else ''} late", "badge-overdue"
    if days == 0:
        return f"{step} today", "badge-due"
    return f"{step} by {due:%-d %b}", "badge-due" if days <= 7 else ""


class ComplaintTable(tables.Table):
    stack_lead = ("received_on", "estate", "status", "deadline")  # first on a phone's card
    reference = tables.Column(accessor="pk", verbose_name="Reference", linkify=True)
    received_on = DateColumn(verbose_name="Received", format="j M Y")
    complainant = tables.Column(
        accessor="customer", verbose_name="Customer", order_by=("customer__last_name", "customer__first_name")
    )
    estate = tables.Column(default="—", order_by=("estate__name",))
    category = tables.Column()
    stage = tables.Column()
    status = tables.Column()
    handler = tables.Column(
        accessor="stage1_handler", verbose_name="Handler", order_by=("stage1_handler__first_name",), orderable=False
    )
    deadline = tables.Column(accessor="pk", verbose_name="Next deadline", orderable=False)
    outcome = tables.Column(accessor="stage1_outcome", verbose_name="Outcome", orderable=False)
    on_time = tables.Column(accessor="pk", verbose_name="Responded on time", orderable=False)

    class Meta:
        model = Complaint
        fields = []
        sequence = [
            "reference",
            "received_on",
            "complainant",
            "estate",
            "category",
            "stage",
            "status",
            "handler",
            "deadline",
            "outcome",
            "on_time",
        ]
        order_by = ("-received_on",)
        empty_text = "No complaints match."

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = timezone.localdate()

    def render_reference(self, record):
        return record.reference

    def value_reference(self, record):
        return record.reference

    def render_complainant(self, record):
        return record.complainant

    def value_complainant(self, record):
        return record.complainant

    def render_handler(self, record):
        return str(record.current_handler)

    def value_handler(self, record):
        return str(record.current_handler)

    def render_deadline(self, record):
        text, badge = deadline_state(record, self.today)
        extended = " (extended)" if record.stage_field(record.stage, "extended_due_on") else ""
        if badge:
            return format_html('<span class="badge {}">{}</span>{}', badge, text, extended)
        return f"{text}{extended}"

    def value_deadline(self, record):
        text, _ = deadline_state(record, self.today)
        extended = " (extended)" if record.stage_field(record.stage, "extended_due_on") else ""
        return f"{text}{extended}"

    def render_outcome(self, record):
        return record.final_outcome or "—"

    def value_outcome(self, record):
        return record.final_outcome

    def _on_time(self, record) -> str:
        parts = []
        for stage in (1, 2):
            on_time = record.responded_on_time(stage)
            if on_time is not None:
                parts.append(f"Stage {stage}: {'yes' if on_time else 'no'}")
        return "; ".join(parts)

    def render_on_time(self, record):
        return self._on_time(record) or "—"

    def value_on_time(self, record):
        return self._on_time(record)


class ComplimentTable(tables.Table):
    received_on = DateColumn(verbose_name="Received", format="j M Y", linkify=True)
    about = tables.Column()
    recipient = tables.Column(accessor="team", verbose_name="For", order_by=("staff_member__first_name", "team"))
    giver = tables.Column(accessor="from_name", verbose_name="From", orderable=False)
    channel = tables.Column()
    description = tables.Column(verbose_name="What they said")
    passed_on_at = DateTimeColumn(verbose_name="Passed on", format="j M Y", default="Not yet")

    class Meta:
        model = Compliment
        fields = []
        sequence = ["received_on", "about", "recipient", "giver", "channel", "description", "passed_on_at"]
        order_by = ("-received_on",)
        empty_text = "No compliments match."

    def render_recipient(self, record):
        return record.recipient_label

    def value_recipient(self, record):
        return record.recipient_label

    def render_giver(self, record):
        return record.giver

    def value_giver(self, record):
        return record.giver

    def render_description(self, value):
        return value if len(value) <= 90 else value[:88] + "…"


class SuggestionTable(tables.Table):
    received_on = DateColumn(verbose_name="Received", format="j M Y", linkify=True)
    suggestion = tables.Column()
    giver = tables.Column(accessor="from_name", verbose_name="From", orderable=False)
    estate = tables.Column(default="Everyone", order_by=("estate__name",))
    status = tables.Column()
    responded_on = DateColumn(verbose_name="Answered", format="j M Y", default="—")
    led_to_change = tables.BooleanColumn(verbose_name="Led to a change")

    class Meta:
        model = Suggestion
        fields = []
        sequence = ["received_on", "suggestion", "giver", "estate", "status", "responded_on", "led_to_change"]
        order_by = ("-received_on",)
        empty_text = "No suggestions match."

    def render_suggestion(self, value):
        return value if len(value) <= 90 else value[:88] + "…"

    def render_giver(self, record):
        return record.giver

    def value_giver(self, record):
        return record.giver
