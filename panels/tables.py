import django_tables2 as tables
from django.utils import timezone
from django.utils.html import format_html

from engagement.models import Action
from engagement.table_cells import DateColumn

from .models import (
    EoiStatus,
    EstateWalk,
    ExpenseClaim,
    ExpressionOfInterest,
    Meeting,
    Membership,
    Panel,
    ScrutinyProject,
    TrainingRecord,
)


def _due_badge(due, done: bool):
    """The due date with a badge people can read without colour: 'overdue' / 'due today'."""
    if due is None:
        return "—"
    text = f"{due:%-d %b %Y}"
    if done:
        return text
    today = timezone.localdate()
    if due < today:
        return format_html('{} <span class="badge badge-overdue">overdue</span>', text)
    if due == today:
        return format_html('{} <span class="badge badge-due">due today</span>', text)
    return text


class PanelTable(tables.Table):
    name = tables.Column(linkify=True)
    officer = tables.Column(verbose_name="Supporting officer", order_by=("officer__first_name", "officer__last_name"))
    meets_every_months = tables.Column(verbose_name="Meets every (months)", default="Ad hoc")
    member_count = tables.Column(verbose_name="Current members")
    last_held_on = DateColumn(verbose_name="Last met", format="j M Y", default="Not yet")

    class Meta:
        model = Panel
        fields = ["name", "kind", "officer", "meets_every_months", "member_count", "last_held_on", "recruiting"]
        order_by = ("name",)


class MembershipTable(tables.Table):
    customer = tables.Column(
        accessor="customer__full_name",
        verbose_name="Member",
        linkify=lambda record: record.get_absolute_url(),
        order_by=("customer__last_name", "customer__first_name"),
    )
    reference = tables.Column(accessor="customer__reference", verbose_name="Tenancy reference")
    panel = tables.Column(order_by=("panel__name",))

    class Meta:
        model = Membership
        fields = ["customer", "reference", "panel", "role", "starts_on", "ends_on"]
        order_by = ("panel", "customer")


class EoiTable(tables.Table):
    customer = tables.Column(
        accessor="customer__full_name",
        verbose_name="Customer",
        linkify=lambda record: record.get_absolute_url(),
        order_by=("customer__last_name", "customer__first_name"),
    )
    panel = tables.Column(order_by=("panel__name",))
    answer_due_on = tables.Column(verbose_name="Answer due")
    recorded_by = tables.Column(verbose_name="Taken by", default="Customer online")

    class Meta:
        model = ExpressionOfInterest
        fields = ["customer", "panel", "submitted_on", "answer_due_on", "status", "answered_on", "recorded_by"]
        order_by = ("answer_due_on",)

    def render_answer_due_on(self, value, record):
        return _due_badge(value, record.status != EoiStatus.AWAITING)


class MeetingTable(tables.Table):
    meeting = tables.Column(
        accessor="meets_on", verbose_name="Meeting", linkify=lambda record: record.get_absolute_url()
    )
    panel = tables.Column(order_by=("panel__name",))
    minutes_due_on = tables.Column(verbose_name="Minutes due")
    minutes_published_on = DateColumn(verbose_name="Minutes published", format="j M Y", default="Not yet")

    class Meta:
        model = Meeting
        fields = ["meeting", "panel", "venue", "status", "minutes_due_on", "minutes_published_on"]
        order_by = ("-meeting",)

    def render_meeting(self, value):
        return f"{value:%-d %b %Y}"

    def render_minutes_due_on(self, value, record):
        return _due_badge(value, record.minutes_published_on is not None)


class ScrutinyTable(tables.Table):
    topic = tables.Column(linkify=True)
    panel = tables.Column(order_by=("panel__name",))
    lead_officer = tables.Column(order_by=("lead_officer__first_name", "lead_officer__last_name"))
    open_actions = tables.Column(verbose_name="Open actions")

    class Meta:
        model = ScrutinyProject
        fields = ["topic", "panel", "lead_officer", "status", "started_on", "report_delivered_on", "open_actions"]
        order_by = ("-started_on",)


class ScrutinyActionTable(tables.Table):
    we_will = tables.Column(verbose_name="We will", linkify=True)
    project = tables.Column(accessor="source", verbose_name="Scrutiny project", orderable=False)
    owner = tables.Column(order_by=("owner__first_name", "owner__last_name"))
    due_on = tables.Column(verbose_name="Due")

    class Meta:
        model = Action
        fields = ["we_will", "project", "owner", "due_on", "status", "done_on"]
        order_by = ("due_on",)

    def render_due_on(self, value, record):
        return _due_badge(value, record.status not in ("open", "in_progress"))

    def render_we_will(self, value):
        return value if len(value) <= 90 else value[:88] + "…"


class WalkTable(tables.Table):
    walk = tables.Column(accessor="walks_on", verbose_name="Date", linkify=lambda record: record.get_absolute_url())
    estate = tables.Column(order_by=("estate__name",))
    lead_officer = tables.Column(order_by=("lead_officer__first_name", "lead_officer__last_name"))
    issue_count = tables.Column(verbose_name="Issues found")
    actions_sent_on = DateColumn(verbose_name="Actions sent", format="j M Y", default="Not yet")

    class Meta:
        model = EstateWalk
        fields = ["walk", "kind", "estate", "area", "lead_officer", "status", "issue_count", "actions_sent_on"]
        order_by = ("-walk",)

    def render_walk(self, value):
        return f"{value:%-d %b %Y}"


class TrainingTable(tables.Table):
    customer = tables.Column(
        accessor="customer__full_name",
        verbose_name="Customer",
        order_by=("customer__last_name", "customer__first_name"),
    )
    course = tables.Column(accessor="course_name", verbose_name="Course", order_by=("course", "title"))

    class Meta:
        model = TrainingRecord
        fields = ["customer", "course", "provider", "held_on", "completed"]
        order_by = ("-held_on",)


class ExpenseTable(tables.Table):
    claim = tables.Column(
        accessor="description", verbose_name="Claim", linkify=lambda record: record.get_absolute_url()
    )
    customer = tables.Column(accessor="customer__full_name", verbose_name="Claimant", order_by=("customer__last_name",))
    amount = tables.Column(verbose_name="Amount (£)")
    # A plain column: receipts are private files with no public URL.
    receipt = tables.Column(default="None")

    class Meta:
        model = ExpenseClaim
        fields = ["claim", "customer", "kind", "incurred_on", "amount", "receipt", "status", "submitted_at"]
        order_by = ("-submitted_at",)

    def render_receipt(self, value):
        return "Attached" if value else "None"
