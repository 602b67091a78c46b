import django_filters

from .models import DocumentKind, Group, GroupKind, ReviewDocument, ReviewStatus


class GroupFilter(django_filters.FilterSet):
    name = django_filters.CharFilter(lookup_expr="icontains", label="Name contains")
    kind = django_filters.ChoiceFilter(choices=GroupKind.choices)
    is_active = django_filters.BooleanFilter(label="Active", widget=django_filters.widgets.BooleanWidget)

    class Meta:
        model = Group
        fields = ["name", "kind", "patch", "officer", "is_active"]


class DocumentFilter(django_filters.FilterSet):
    title = django_filters.CharFilter(lookup_expr="icontains", label="Title contains")
    kind = django_filters.ChoiceFilter(choices=DocumentKind.choices, label="What")
    status = django_filters.ChoiceFilter(choices=ReviewStatus.choices)

    class Meta:
        model = ReviewDocument
        fields = ["title", "kind", "panel", "status"]
