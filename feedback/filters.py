import datetime

import django_filters
from django.db.models import Q
from django.utils import timezone

from engagement.filters import PeriodDateFilter
from engagement.models import Customer, Estate, User

from .models import (
    UPHELD_OUTCOMES,
    Complaint,
    ComplaintCategory,
    ComplaintStatus,
    Compliment,
    ComplimentAbout,
    FeedbackChannel,
    Outcome,
    Suggestion,
    SuggestionStatus,
)

UPHELD_OR_PARTLY = "upheld_or_partly"


def _date(field_name: str, lookup: str, label: str) -> django_filters.DateFilter:
    return PeriodDateFilter(field_name=field_name, lookup_expr=lookup, label=label)


class Deadline:
    LATE = "late"
    THIS_WEEK = "this_week"
    EXTENDED = "extended"
    CHOICES = [
        (LATE, "Late: deadline passed"),
        (THIS_WEEK, "Deadline this week"),
        (EXTENDED, "Has an extension"),
    ]


class ComplaintFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_text", label="Reference, customer name or address")
    status = django_filters.ChoiceFilter(choices=ComplaintStatus.choices, empty_label="Any status")
    stage = django_filters.ChoiceFilter(choices=[(1, "Stage 1"), (2, "Stage 2")], empty_label="Any stage")
    category = django_filters.ChoiceFilter(choices=ComplaintCategory.choices, empty_label="Any category")
    outcome = django_filters.ChoiceFilter(
        choices=[*Outcome.choices, (UPHELD_OR_PARTLY, "Upheld or partly upheld")],
        method="filter_outcome",
        label="Outcome (either stage)",
        empty_label="Any outcome",
    )
    deadline = django_filters.ChoiceFilter(
        choices=Deadline.CHOICES, method="filter_deadline", label="Deadline", empty_label="Any"
    )
    handler = django_filters.ModelChoiceFilter(
        queryset=User.objects.officers(), method="filter_handler", label="Handler (either stage)", empty_label="Anyone"
    )
    estate = django_filters.ModelChoiceFilter(queryset=Estate.objects.all(), empty_label="Any estate")
    received_after = _date("received_on", "gte", "Received from")
    received_before = _date("received_on", "lte", "Received to")
    escalated_after = _date("stage2_requested_on", "gte", "Escalated from")
    escalated_before = _date("stage2_requested_on", "lte", "Escalated to")
    stage1_responded_after = _date("stage1_responded_on", "gte", "Stage 1 response from")
    stage1_responded_before = _date("stage1_responded_on", "lte", "Stage 1 response to")
    stage2_responded_after = _date("stage2_responded_on", "gte", "Stage 2 response from")
    stage2_responded_before = _date("stage2_responded_on", "lte", "Stage 2 response to")
    responded_after = PeriodDateFilter(method="filter_responded_after", label="Any response from")
    responded_before = PeriodDateFilter(method="filter_responded_before", label="Any response to")

    class Meta:
        model = Complaint
        fields = []

    def filter_text(self, queryset, name, value):
        value = value.strip()
        number = value.upper().removeprefix("CMP-").lstrip("0")
        query = Q(customer__in=Customer.objects.search(value).values("pk")) | Q(description__icontains=value)
        if number.isdigit():
            query |= Q(pk=int(number))
        return queryset.filter(query)

    def filter_outcome(self, queryset, name, value):
        outcomes = UPHELD_OUTCOMES if value == UPHELD_OR_PARTLY else (value,)
        return queryset.filter(Q(stage1_outcome__in=outcomes) | Q(stage2_outcome__in=outcomes))

    def filter_handler(self, queryset, name, value):
        return queryset.filter(Q(stage1_handler=value) | Q(stage2_handler=value))

    def filter_deadline(self, queryset, name, value):
        today = timezone.localdate()
        if value == Deadline.EXTENDED:
            return queryset.filter(Q(stage1_extended_due_on__isnull=False) | Q(stage2_extended_due_on__isnull=False))
        queryset = queryset.open().with_current_deadline()
        if value == Deadline.LATE:
            return queryset.filter(next_due_on__lt=today)
        week_end = today + datetime.timedelta(days=6 - today.weekday())
        return queryset.filter(next_due_on__gte=today, next_due_on__lte=week_end)

    def filter_responded_after(self, queryset, name, value):
        return queryset.filter(Q(stage1_responded_on__gte=value) | Q(stage2_responded_on__gte=value))

    def filter_responded_before(self, queryset, name, value):
        # Combined with "from": any response inside the range, at either stage.
        after = self.form.cleaned_data.get("responded_after")
        stage1 = Q(stage1_responded_on__lte=value) & (Q(stage1_responded_on__gte=after) if after else Q())
        stage2 = Q(stage2_responded_on__lte=value) & (Q(stage2_responded_on__gte=after) if after else Q())
        return queryset.filter(stage1 | stage2)


class ComplimentFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_text", label="Search what they said, team or customer")
    about = django_filters.ChoiceFilter(choices=ComplimentAbout.choices, empty_label="Anyone or anything")
    staff_member = django_filters.ModelChoiceFilter(
        queryset=User.objects.staff(), label="Member of staff", empty_label="Anyone"
    )
    channel = django_filters.ChoiceFilter(choices=FeedbackChannel.choices, empty_label="Any channel")
    received_after = _date("received_on", "gte", "Received from")
    received_before = _date("received_on", "lte", "Received to")

    class Meta:
        model = Compliment
        fields = []

    def filter_text(self, queryset, name, value):
        return queryset.filter(
            Q(description__icontains=value)
            | Q(team__icontains=value)
            | Q(from_name__icontains=value)
            | Q(customer__in=Customer.objects.search(value).values("pk"))
        )


class SuggestionFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_text", label="Search the suggestion or customer")
    status = django_filters.ChoiceFilter(choices=SuggestionStatus.choices, empty_label="Any status")
    led_to_change = django_filters.BooleanFilter(label="Led to a change", widget=django_filters.widgets.BooleanWidget())
    estate = django_filters.ModelChoiceFilter(queryset=Estate.objects.all(), empty_label="Any estate")
    received_after = _date("received_on", "gte", "Received from")
    received_before = _date("received_on", "lte", "Received to")
    responded_after = _date("responded_on", "gte", "Answered from")
    responded_before = _date("responded_on", "lte", "Answered to")

    class Meta:
        model = Suggestion
        fields = []

    def filter_text(self, queryset, name, value):
        return queryset.filter(
            Q(suggestion__icontains=value)
            | Q(from_name__icontains=value)
            | Q(customer__in=Customer.objects.search(value).values("pk"))
        )
