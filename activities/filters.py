import django_filters
from django.db.models import Q
from django.utils import timezone

from engagement.filters import PeriodDateFilter
from engagement.models import Estate, Patch, User
from engagement.quarters import local_day_bounds

from .models import TOOK_PLACE, ActivityStatus, ActivityType, EngagementActivity


class ReportState:
    DUE = "due"
    OVERDUE = "overdue"
    TO_VERIFY = "to_verify"
    RETURNED = "returned"
    CHOICES = [
        (DUE, "Report owed, not yet late"),
        (OVERDUE, "Report overdue"),
        (TO_VERIFY, "Report waiting to be verified"),
        (RETURNED, "Report returned to the officer"),
    ]


class ActivityFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_text", label="Search title, purpose or place")
    activity_type = django_filters.ChoiceFilter(choices=ActivityType.choices, label="Type", empty_label="Any type")
    status = django_filters.ChoiceFilter(choices=ActivityStatus.choices, empty_label="Any status")
    report = django_filters.ChoiceFilter(
        choices=ReportState.CHOICES, method="filter_report", label="Report", empty_label="Any report state"
    )
    patch = django_filters.ModelChoiceFilter(queryset=Patch.objects.all(), empty_label="Any patch")
    estate = django_filters.ModelChoiceFilter(queryset=Estate.objects.all(), empty_label="Any estate")
    lead_officer = django_filters.ModelChoiceFilter(
        queryset=User.objects.officers(), label="Lead officer", empty_label="Anyone"
    )
    from_date = PeriodDateFilter(method="filter_from_date", label="From date")
    to_date = PeriodDateFilter(method="filter_to_date", label="To date")
    took_place = django_filters.BooleanFilter(
        method="filter_took_place",
        label="Took place (held, reported or verified)",
        widget=django_filters.widgets.BooleanWidget(),
    )

    class Meta:
        model = EngagementActivity
        fields = [
            "q",
            "activity_type",
            "status",
            "report",
            "patch",
            "estate",
            "lead_officer",
            "from_date",
            "to_date",
            "took_place",
        ]

    # Local days as aware datetime bounds, so PostgreSQL uses the starts_at index (not starts_at::date).
    def filter_from_date(self, queryset, name, value):
        return queryset.filter(starts_at__gte=local_day_bounds(value, value)[0])

    def filter_to_date(self, queryset, name, value):
        return queryset.filter(starts_at__lt=local_day_bounds(value, value)[1])

    def filter_text(self, queryset, name, value):
        return queryset.filter(
            Q(title__icontains=value)
            | Q(purpose__icontains=value)
            | Q(location__icontains=value)
            | Q(estate__name__icontains=value)
        )

    def filter_report(self, queryset, name, value):
        today = timezone.localdate()
        if value == ReportState.DUE:
            return queryset.reports_owed().filter(report_owed_on__gte=today)
        if value == ReportState.OVERDUE:
            return queryset.reports_owed().filter(report_owed_on__lt=today)
        if value == ReportState.TO_VERIFY:
            return queryset.filter(status=ActivityStatus.REPORTED)
        if value == ReportState.RETURNED:
            return queryset.filter(status=ActivityStatus.RETURNED)
        return queryset

    def filter_took_place(self, queryset, name, value):
        if value is True:
            return queryset.filter(status__in=TOOK_PLACE)
        if value is False:
            return queryset.exclude(status__in=TOOK_PLACE)
        return queryset


class MyActivityFilter(ActivityFilter):
    """The same filters without "lead officer": the list is already yours."""

    class Meta(ActivityFilter.Meta):
        fields = [name for name in ActivityFilter.Meta.fields if name != "lead_officer"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters.pop("lead_officer", None)
