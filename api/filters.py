"""Date range and estate filters for the record endpoints (django-filter): ?start=&end=&estate=."""

from __future__ import annotations

import django_filters

from activities.models import EngagementActivity
from engagement.models import Action, Estate, Patch
from engagement.quarters import local_day_bounds
from feedback.models import Complaint


class _PlaceFilters(django_filters.FilterSet):
    estate = django_filters.ModelChoiceFilter(queryset=Estate.objects.all(), help_text="An estate or scheme's id.")


class ActivityFilter(_PlaceFilters):
    start = django_filters.DateFilter(method="starts_from", help_text="Activities on or after this date.")
    end = django_filters.DateFilter(method="starts_until", help_text="Activities on or before this date.")
    patch = django_filters.ModelChoiceFilter(queryset=Patch.objects.all(), help_text="A patch's id.")

    class Meta:
        model = EngagementActivity
        fields = ["start", "end", "estate", "patch", "activity_type", "status"]

    # On the indexed column itself (local midnight bounds), not on a date cast of every row.
    def starts_from(self, queryset, name, value):
        return queryset.filter(starts_at__gte=local_day_bounds(value, value)[0])

    def starts_until(self, queryset, name, value):
        return queryset.filter(starts_at__lt=local_day_bounds(value, value)[1])


class ActionFilter(_PlaceFilters):
    start = django_filters.DateFilter(field_name="due_on", lookup_expr="gte", help_text="Due on or after this date.")
    end = django_filters.DateFilter(field_name="due_on", lookup_expr="lte", help_text="Due on or before this date.")

    class Meta:
        model = Action
        fields = ["start", "end", "estate", "status"]


class ComplaintFilter(_PlaceFilters):
    start = django_filters.DateFilter(
        field_name="received_on", lookup_expr="gte", help_text="Received on or after this date."
    )
    end = django_filters.DateFilter(
        field_name="received_on", lookup_expr="lte", help_text="Received on or before this date."
    )

    class Meta:
        model = Complaint
        fields = ["start", "end", "estate", "stage", "status", "category"]
