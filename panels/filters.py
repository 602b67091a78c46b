import django_filters
from django.db.models import Q
from django.utils import timezone

from engagement.filters import PeriodDateFilter, PeriodRangeFilter
from engagement.models import ActionStatus, Estate, User

from .models import (
    Course,
    EoiStatus,
    EstateWalk,
    ExpenseClaim,
    ExpenseKind,
    ExpenseStatus,
    ExpressionOfInterest,
    Meeting,
    MeetingStatus,
    Membership,
    MembershipRole,
    Panel,
    PanelKind,
    ScrutinyProject,
    ScrutinyStatus,
    TrainingRecord,
    WalkKind,
    WalkStatus,
)

YES_NO = django_filters.widgets.BooleanWidget


def _dates(label):
    return PeriodRangeFilter(label=label)


def _customer_search(queryset, name, value):
    for word in value.split():
        queryset = queryset.filter(
            Q(customer__first_name__icontains=word)
            | Q(customer__last_name__icontains=word)
            | Q(customer__reference__iexact=word)
        )
    return queryset


class PanelFilter(django_filters.FilterSet):
    name = django_filters.CharFilter(lookup_expr="icontains", label="Name")
    kind = django_filters.ChoiceFilter(choices=PanelKind.choices, empty_label="Any kind")
    officer = django_filters.ModelChoiceFilter(queryset=User.objects.officers(), empty_label="Anyone")
    is_active = django_filters.BooleanFilter(label="Active", widget=YES_NO())

    class Meta:
        model = Panel
        fields = ["name", "kind", "officer", "is_active"]


class MembershipFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method=lambda qs, name, value: _customer_search(qs, name, value), label="Name or reference"
    )
    panel = django_filters.ModelChoiceFilter(queryset=Panel.objects.all(), empty_label="Any panel")
    role = django_filters.ChoiceFilter(choices=MembershipRole.choices, empty_label="Any role")
    current_on = PeriodDateFilter(method="filter_current_on", label="Current on")

    class Meta:
        model = Membership
        fields = ["q", "panel", "role", "current_on"]

    def filter_current_on(self, queryset, name, value):
        return queryset.current(value)


class EoiFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method=lambda qs, name, value: _customer_search(qs, name, value), label="Name or reference"
    )
    panel = django_filters.ModelChoiceFilter(queryset=Panel.objects.all(), empty_label="Any panel")
    status = django_filters.ChoiceFilter(choices=EoiStatus.choices, empty_label="Any status")
    overdue = django_filters.BooleanFilter(method="filter_overdue", label="Answer overdue", widget=YES_NO())
    answer_due_on = _dates("Answer due between")

    class Meta:
        model = ExpressionOfInterest
        fields = ["q", "panel", "status", "overdue", "answer_due_on"]

    def filter_overdue(self, queryset, name, value):
        return queryset.overdue(timezone.localdate()) if value else queryset


class MeetingFilter(django_filters.FilterSet):
    panel = django_filters.ModelChoiceFilter(queryset=Panel.objects.all(), empty_label="Any panel")
    status = django_filters.ChoiceFilter(choices=MeetingStatus.choices, empty_label="Any status")
    minutes_outstanding = django_filters.BooleanFilter(
        method="filter_outstanding", label="Minutes not yet published", widget=YES_NO()
    )
    meets_on = _dates("Meeting between")
    minutes_due_on = _dates("Minutes due between")

    class Meta:
        model = Meeting
        fields = ["panel", "status", "minutes_outstanding", "meets_on", "minutes_due_on"]

    def filter_outstanding(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.minutes_outstanding() if value else queryset.filter(minutes_published_on__isnull=False)


class ScrutinyFilter(django_filters.FilterSet):
    topic = django_filters.CharFilter(lookup_expr="icontains")
    status = django_filters.ChoiceFilter(choices=ScrutinyStatus.choices, empty_label="Any stage")
    lead_officer = django_filters.ModelChoiceFilter(queryset=User.objects.officers(), empty_label="Anyone")
    report_delivered_on = _dates("Report delivered between")

    class Meta:
        model = ScrutinyProject
        fields = ["topic", "status", "lead_officer", "report_delivered_on"]


class ScrutinyActionFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=ActionStatus.choices, empty_label="Any status")
    owner = django_filters.ModelChoiceFilter(queryset=User.objects.officers(), empty_label="Anyone")
    overdue = django_filters.BooleanFilter(method="filter_overdue", label="Overdue only", widget=YES_NO())

    def filter_overdue(self, queryset, name, value):
        return queryset.overdue(timezone.localdate()) if value else queryset


class WalkFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=WalkKind.choices, empty_label="Any kind")
    estate = django_filters.ModelChoiceFilter(queryset=Estate.objects.all(), empty_label="Any estate")
    status = django_filters.ChoiceFilter(choices=WalkStatus.choices, empty_label="Any status")
    walks_on = _dates("Walk between")

    class Meta:
        model = EstateWalk
        fields = ["kind", "estate", "status", "walks_on"]


class TrainingFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method=lambda qs, name, value: _customer_search(qs, name, value), label="Name or reference"
    )
    course = django_filters.ChoiceFilter(choices=Course.choices, empty_label="Any course")
    completed = django_filters.BooleanFilter(widget=YES_NO())
    held_on = _dates("Held between")

    class Meta:
        model = TrainingRecord
        fields = ["q", "course", "completed", "held_on"]


class ExpenseFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method=lambda qs, name, value: _customer_search(qs, name, value), label="Name or reference"
    )
    kind = django_filters.ChoiceFilter(choices=ExpenseKind.choices, empty_label="Any type")
    status = django_filters.ChoiceFilter(choices=ExpenseStatus.choices, empty_label="Any status")
    incurred_on = _dates("Spent between")

    class Meta:
        model = ExpenseClaim
        fields = ["q", "kind", "status", "incurred_on"]
