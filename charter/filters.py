import django_filters

from .models import BoardReport, ReportKind, ReportStatus


class BoardReportFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(label="Report", choices=ReportKind.choices)
    status = django_filters.ChoiceFilter(choices=ReportStatus.choices)
    period_label = django_filters.CharFilter(label="Period contains", lookup_expr="icontains")

    class Meta:
        model = BoardReport
        fields = ["kind", "status", "period_label"]
