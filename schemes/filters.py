import django_filters

from engagement.models import Estate

from .models import FeedbackKind, InformalFeedback, ReviewStatus, Service


class InformalFeedbackFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=ReviewStatus.choices, empty_label="Any status")
    kind = django_filters.ChoiceFilter(choices=FeedbackKind.choices, empty_label="Any kind", label="What")
    service = django_filters.ChoiceFilter(choices=Service.choices, empty_label="Any service")
    estate = django_filters.ModelChoiceFilter(queryset=Estate.objects.only("pk", "name"), label="Estate or scheme")

    class Meta:
        model = InformalFeedback
        fields = ["status", "kind", "service", "estate"]
