import django_tables2 as tables
from django.utils.html import format_html

from engagement.table_cells import DateColumn

from .models import ChampionIssue, ChampionSurvey, IssueStatus, Rating, Response, Survey

RATING_BADGE = {Rating.GOOD: "badge-ok", Rating.OKAY: "badge-due", Rating.POOR: "badge-overdue"}


# django-tables2 hands a choice column its display label; accept the stored value too.
RATING_OF = {**{r.value: r for r in Rating}, **{r.label: r for r in Rating}}


def rating_badge(value):
    rating = RATING_OF.get(value)
    if rating is None:
        return "—"
    return format_html('<span class="badge {}">{}</span>', RATING_BADGE[rating], rating.label)


class RatingColumn(tables.Column):
    def render(self, value):
        return rating_badge(value)

    def value(self, value):
        rating = RATING_OF.get(value)
        return rating.label if rating else ""


class ChampionSurveyTable(tables.Table):
    visited_on = DateColumn(verbose_name="Visit", linkify=lambda record: record.get_staff_url(), format="j M Y")
    estate = tables.Column(order_by=("estate__name",))
    champion = tables.Column(accessor="customer__full_name", verbose_name="Champion", order_by=("customer__last_name",))
    grounds_rating = RatingColumn(verbose_name="Grounds")
    cleaning_rating = RatingColumn(verbose_name="Cleaning")
    repairs_rating = RatingColumn(verbose_name="Repairs")
    asb_rating = RatingColumn(verbose_name="ASB / graffiti")
    issue_count = tables.Column(verbose_name="Issues raised")
    open_issue_count = tables.Column(verbose_name="Awaiting triage")
    photo_count = tables.Column(verbose_name="Photos")

    class Meta:
        model = ChampionSurvey
        fields = []
        sequence = [
            "visited_on",
            "estate",
            "champion",
            "grounds_rating",
            "cleaning_rating",
            "repairs_rating",
            "asb_rating",
            "issue_count",
            "open_issue_count",
            "photo_count",
        ]
        order_by = ("-visited_on",)


STATUS_BADGE = {IssueStatus.NEW: "badge-due", IssueStatus.ACTIONED: "badge-ok", IssueStatus.CLOSED: "bg-secondary"}


class ChampionIssueTable(tables.Table):
    raised_on = DateColumn(verbose_name="Raised", format="j M Y", linkify=True)
    estate = tables.Column(order_by=("estate__name",))
    topic = tables.Column()
    rating = RatingColumn()
    comment = tables.Column(verbose_name="What they said")
    status = tables.Column()
    action_due = DateColumn(accessor="action__due_on", verbose_name="Action due", format="j M Y")
    owner = tables.Column(
        accessor="action__owner", verbose_name="Action owner", order_by=("action__owner__first_name",)
    )

    class Meta:
        model = ChampionIssue
        fields = []
        sequence = ["raised_on", "estate", "topic", "rating", "comment", "status", "action_due", "owner"]
        order_by = ("raised_on",)

    def render_comment(self, value):
        return value if len(value) <= 90 else value[:88] + "…"

    def render_status(self, record, value):
        return format_html('<span class="badge {}">{}</span>', STATUS_BADGE.get(record.status, ""), value)

    def value_status(self, record):
        return record.get_status_display()


class SurveyTable(tables.Table):
    title = tables.Column(linkify=True)
    kind = tables.Column(verbose_name="Type")
    opens_on = DateColumn(format="j M Y", verbose_name="Opens")
    closes_on = DateColumn(format="j M Y", verbose_name="Closes")
    response_count = tables.Column(verbose_name="Responses")

    class Meta:
        model = Survey
        fields = []
        sequence = ["title", "kind", "opens_on", "closes_on", "response_count"]
        order_by = ("-opens_on",)


class ResponseTable(tables.Table):
    responded_on = DateColumn(format="j M Y", verbose_name="Answered", linkify=True)
    survey = tables.Column(order_by=("survey__title",))
    customer = tables.Column(
        accessor="customer__full_name", verbose_name="Customer", default="Anonymous", order_by=("customer__last_name",)
    )
    estate = tables.Column(order_by=("estate__name",))
    tenure = tables.Column()
    channel = tables.Column(verbose_name="How")
    assisted_by = tables.Column(verbose_name="Assisted by", default="")

    class Meta:
        model = Response
        fields = []
        sequence = ["responded_on", "survey", "customer", "estate", "tenure", "channel", "assisted_by"]
        order_by = ("-responded_on",)
