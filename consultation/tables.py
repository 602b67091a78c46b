import django_tables2 as tables

from engagement.table_cells import DateColumn

from .models import ClubMember, Consultation, SampleRound


class ClubMemberTable(tables.Table):
    name = tables.Column(accessor="customer__full_name", verbose_name="Member", order_by=("customer__last_name",))
    estate = tables.Column(accessor="customer__estate__name", verbose_name="Estate or scheme")
    survey_way = tables.Column(verbose_name="Surveys")
    interests = tables.Column(accessor="pk", verbose_name="Cares about", orderable=False)
    joined_on = DateColumn(format="j M Y")
    joined_by = tables.Column(verbose_name="Signed up by", default="Themselves")

    class Meta:
        model = ClubMember
        fields = ["name", "estate", "survey_way", "interests", "joined_on", "joined_by"]
        order_by = ("name",)

    def render_interests(self, record):
        if record.any_service:
            return "Any service"
        return ", ".join(service.name for service in record.services.all()) or "—"

    def value_interests(self, record):
        return self.render_interests(record)


class ConsultationTable(tables.Table):
    title = tables.Column(linkify=True)
    opens_on = DateColumn(format="j M Y")
    closes_on = DateColumn(format="j M Y")
    sent = tables.Column(accessor="mailout_id", verbose_name="Survey sent", orderable=False)

    class Meta:
        model = Consultation
        fields = ["title", "service", "team", "opens_on", "closes_on", "sent"]
        order_by = ("opens_on",)

    def render_sent(self, value):
        return "Yes" if value else "Not yet"

    def value_sent(self, value):
        return self.render_sent(value)


class SampleRoundTable(tables.Table):
    quarter = tables.Column(linkify=True)
    drawn_on = DateColumn(format="j M Y")

    class Meta:
        model = SampleRound
        fields = ["quarter", "drawn_on", "population", "wanted", "eligible"]
