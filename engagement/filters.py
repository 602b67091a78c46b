import django_filters
from django.db.models import Q
from django.utils import timezone

from .dates import PeriodDateField, PeriodDateInput
from .models import Action, ActionStatus, Customer, Estate, Patch, Tenure, User


class PeriodDateFilter(django_filters.DateFilter):
    """A date in a filter: one text box, day first or ISO, within the dates the portal holds."""

    field_class = PeriodDateField


class PeriodRangeField(django_filters.fields.DateRangeField):
    widget = django_filters.widgets.DateRangeWidget

    def __init__(self, *args, **kwargs):
        django_filters.fields.RangeField.__init__(self, (PeriodDateField(), PeriodDateField()), *args, **kwargs)


class PeriodRangeWidget(django_filters.widgets.DateRangeWidget):
    def __init__(self, attrs=None):
        django_filters.widgets.SuffixedMultiWidget.__init__(self, (PeriodDateInput, PeriodDateInput), attrs)


class PeriodRangeFilter(django_filters.DateFromToRangeFilter):
    """From and to dates (`<name>_after`, `<name>_before`) in one filter, each a PeriodDateField."""

    field_class = PeriodRangeField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", PeriodRangeWidget())
        super().__init__(*args, **kwargs)


class ActionFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_text", label="Search")
    status = django_filters.ChoiceFilter(choices=ActionStatus.choices, empty_label="Any status")
    owner = django_filters.ModelChoiceFilter(queryset=User.objects.officers(), empty_label="Anyone")
    estate__patch = django_filters.ModelChoiceFilter(
        queryset=Patch.objects.all(), label="Patch", empty_label="Any patch"
    )
    estate = django_filters.ModelChoiceFilter(queryset=Estate.objects.all(), empty_label="Any estate")
    overdue = django_filters.BooleanFilter(
        method="filter_overdue", label="Overdue only", widget=django_filters.widgets.BooleanWidget()
    )
    publish = django_filters.BooleanFilter(
        label='Put forward for "You said, we did"', widget=django_filters.widgets.BooleanWidget()
    )

    class Meta:
        model = Action
        fields = ["q", "status", "owner", "estate__patch", "estate", "overdue", "publish"]

    def filter_text(self, queryset, name, value):
        return queryset.filter(Q(you_said__icontains=value) | Q(we_will__icontains=value))

    def filter_overdue(self, queryset, name, value):
        if value:
            return queryset.overdue(timezone.localdate())
        return queryset


class CustomerFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_text", label="Name, address, postcode or reference")
    estate__patch = django_filters.ModelChoiceFilter(
        queryset=Patch.objects.all(), label="Patch", empty_label="Any patch"
    )
    estate = django_filters.ModelChoiceFilter(queryset=Estate.objects.all(), empty_label="Any estate")
    tenure = django_filters.ChoiceFilter(choices=Tenure.choices, empty_label="Any tenure")
    needs_assistance = django_filters.BooleanFilter(widget=django_filters.widgets.BooleanWidget())
    digitally_excluded = django_filters.BooleanFilter(widget=django_filters.widgets.BooleanWidget())

    class Meta:
        model = Customer
        fields = ["q", "estate__patch", "estate", "tenure", "needs_assistance", "digitally_excluded"]

    def filter_text(self, queryset, name, value):
        return queryset.search(value)


class PublicActionFilter(django_filters.FilterSet):
    """The public "You said, we did" page: by estate or scheme, or by patch. Changes made for all
    our homes show under every estate and patch."""

    estate = django_filters.ModelChoiceFilter(
        queryset=Estate.objects.all(),
        method="filter_place",
        label="Estate or scheme",
        empty_label="All estates and schemes",
    )
    patch = django_filters.ModelChoiceFilter(
        queryset=Patch.objects.all(), method="filter_place", label="Patch", empty_label="All patches"
    )

    class Meta:
        model = Action
        fields = ["estate", "patch"]

    def filter_place(self, queryset, name, value):
        return queryset.for_place(**{name: value}) if value else queryset
