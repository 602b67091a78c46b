import django_filters

from engagement.filters import PeriodDateFilter
from engagement.models import Estate, Patch, Tenure

from .models import (
    ChampionIssue,
    ChampionSurvey,
    IssueStatus,
    Rating,
    Response,
    ResponseChannel,
    Survey,
    SurveyKind,
    Topic,
)


class ChampionSurveyFilter(django_filters.FilterSet):
    estate = django_filters.ModelChoiceFilter(queryset=Estate.objects.all(), empty_label="Any estate")
    estate__patch = django_filters.ModelChoiceFilter(
        queryset=Patch.objects.all(), label="Patch", empty_label="Any patch"
    )
    visited_after = PeriodDateFilter(field_name="visited_on", lookup_expr="gte", label="Visited on or after")
    visited_before = PeriodDateFilter(field_name="visited_on", lookup_expr="lte", label="Visited on or before")
    any_poor = django_filters.BooleanFilter(
        method="filter_any_poor", label="Any poor rating", widget=django_filters.widgets.BooleanWidget()
    )

    class Meta:
        model = ChampionSurvey
        fields = ["estate", "estate__patch", "visited_after", "visited_before", "any_poor"]

    def filter_any_poor(self, queryset, name, value):
        from django.db.models import Q

        poor = (
            Q(grounds_rating=Rating.POOR)
            | Q(cleaning_rating=Rating.POOR)
            | Q(repairs_rating=Rating.POOR)
            | Q(asb_rating=Rating.POOR)
        )
        if value is None:
            return queryset
        return queryset.filter(poor) if value else queryset.exclude(poor)


class ChampionIssueFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=IssueStatus.choices, empty_label="Any status")
    estate = django_filters.ModelChoiceFilter(queryset=Estate.objects.all(), empty_label="Any estate")
    estate__patch = django_filters.ModelChoiceFilter(
        queryset=Patch.objects.all(), label="Patch", empty_label="Any patch"
    )
    topic = django_filters.ChoiceFilter(choices=Topic.choices, empty_label="Any topic")
    raised_after = PeriodDateFilter(field_name="raised_on", lookup_expr="gte", label="Raised on or after")
    raised_before = PeriodDateFilter(field_name="raised_on", lookup_expr="lte", label="Raised on or before")

    class Meta:
        model = ChampionIssue
        fields = ["status", "estate", "estate__patch", "topic", "raised_after", "raised_before"]


class SurveyFilter(django_filters.FilterSet):
    title = django_filters.CharFilter(lookup_expr="icontains", label="Title")
    kind = django_filters.ChoiceFilter(choices=SurveyKind.choices, empty_label="Any type", label="Type")

    class Meta:
        model = Survey
        fields = ["title", "kind"]


class ResponseFilter(django_filters.FilterSet):
    survey = django_filters.ModelChoiceFilter(queryset=Survey.objects.all(), empty_label="Any survey")
    survey__kind = django_filters.ChoiceFilter(choices=SurveyKind.choices, empty_label="Any type", label="Survey type")
    estate = django_filters.ModelChoiceFilter(queryset=Estate.objects.all(), empty_label="Any estate")
    tenure = django_filters.ChoiceFilter(choices=Tenure.choices, empty_label="Any tenure")
    channel = django_filters.ChoiceFilter(choices=ResponseChannel.choices, empty_label="Any way", label="How")
    responded_after = PeriodDateFilter(field_name="responded_on", lookup_expr="gte", label="Answered on or after")
    responded_before = PeriodDateFilter(field_name="responded_on", lookup_expr="lte", label="Answered on or before")

    class Meta:
        model = Response
        fields = ["survey", "survey__kind", "estate", "tenure", "channel", "responded_after", "responded_before"]
