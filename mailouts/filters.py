import django_filters

from .models import Delivery, DeliveryStatus, How, Kind, MailOut


class MailOutFilter(django_filters.FilterSet):
    kind = django_filters.ModelChoiceFilter(queryset=Kind.objects.all())
    subject = django_filters.CharFilter(lookup_expr="icontains", label="Subject contains")

    class Meta:
        model = MailOut
        fields = ["kind", "subject"]


class DeliveryFilter(django_filters.FilterSet):
    channel = django_filters.ChoiceFilter(choices=How.choices, label="How")
    status = django_filters.ChoiceFilter(choices=DeliveryStatus.choices)
    name = django_filters.CharFilter(lookup_expr="icontains", label="Name contains")

    class Meta:
        model = Delivery
        fields = ["channel", "status", "name"]
