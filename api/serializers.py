"""What the API returns. Record serializers leave out their `personal_fields` unless the token may
read personal data (personal:read, or a customer token reading its own records)."""

from __future__ import annotations

from rest_framework import serializers

from activities.models import EngagementActivity
from engagement.models import Action
from feedback.models import Complaint

from .permissions import reads_personal

PERSONAL_NOTE = " Only with the personal:read scope (or a customer token, on its own records)."


class _Personal(serializers.ModelSerializer):
    def get_fields(self):
        fields = super().get_fields()
        request = self.context.get("request")
        # drf-spectacular marks the views it describes with swagger_fake_view: the schema lists every field.
        describing = getattr(self.context.get("view"), "swagger_fake_view", False)
        if not describing and (request is None or not reads_personal(request)):
            for name in self.Meta.personal_fields:
                fields.pop(name, None)
        else:  # the schema (no request) documents them, marked
            for name in self.Meta.personal_fields:
                fields[name].help_text = (fields[name].help_text or "") + PERSONAL_NOTE
        return fields


class ActivitySerializer(_Personal):
    estate_name = serializers.CharField(source="estate.name", default=None, read_only=True, allow_null=True)
    lead_officer = serializers.CharField(source="lead_officer.get_full_name", default=None, allow_null=True)

    class Meta:
        model = EngagementActivity
        fields = [
            "id",
            "activity_type",
            "title",
            "estate",
            "estate_name",
            "patch",
            "starts_at",
            "ends_at",
            "status",
            "customers_engaged",
            "customers_assisted",
            "feedback_captured",
            "report_due_on",
            "reported_at",
            "verified_at",
            "lead_officer",
            "purpose",
            "outcome",
            "customers_said",
            "feedback_notes",
        ]
        personal_fields = ["lead_officer", "purpose", "outcome", "customers_said", "feedback_notes"]


class ActionSerializer(_Personal):
    published = serializers.BooleanField(source="is_published", read_only=True)
    public_you_said = serializers.SerializerMethodField(help_text="Approved public wording; null until published.")
    public_we_did = serializers.SerializerMethodField(help_text="Approved public wording; null until published.")
    owner = serializers.CharField(source="owner.get_full_name", default=None, allow_null=True)

    class Meta:
        model = Action
        fields = [
            "id",
            "estate",
            "due_on",
            "status",
            "done_on",
            "published",
            "published_at",
            "public_you_said",
            "public_we_did",
            "owner",
            "you_said",
            "we_will",
            "we_did",
        ]
        personal_fields = ["owner", "you_said", "we_will", "we_did"]

    # Wording nobody has approved yet is a draft, not something said in public.
    def get_public_you_said(self, action) -> str | None:
        return action.public_you_said if action.is_published else None

    def get_public_we_did(self, action) -> str | None:
        return action.public_we_did if action.is_published else None


class ComplaintSerializer(_Personal):
    customer_reference = serializers.CharField(source="customer.reference", default=None, allow_null=True)
    customer_name = serializers.SerializerMethodField()

    class Meta:
        model = Complaint
        fields = [
            "id",
            "received_on",
            "estate",
            "channel",
            "category",
            "stage",
            "status",
            "stage1_ack_due_on",
            "stage1_acknowledged_on",
            "stage1_response_due_on",
            "stage1_extended_due_on",
            "stage1_responded_on",
            "stage1_outcome",
            "stage2_requested_on",
            "stage2_response_due_on",
            "stage2_extended_due_on",
            "stage2_responded_on",
            "stage2_outcome",
            "closed_on",
            "customer_reference",
            "customer_name",
            "description",
            "desired_outcome",
        ]
        personal_fields = ["customer_reference", "customer_name", "description", "desired_outcome"]

    def get_customer_name(self, complaint) -> str | None:
        customer = complaint.customer
        return None if customer is None else f"{customer.first_name} {customer.last_name}".strip()


# --- Figures (plain dicts built from the apps' own selectors) -------------------------------------


class PeriodQuerySerializer(serializers.Serializer):
    start = serializers.DateField(required=False, help_text="First day wanted; its quarter is included.")
    end = serializers.DateField(required=False, help_text="Last day wanted; its quarter is included.")

    def validate(self, data):
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise serializers.ValidationError({"end": "The end is before the start."})
        return data


class _Quarter(serializers.Serializer):
    quarter = serializers.CharField(help_text='A UK financial quarter, e.g. "2026-27-q3" (October to December 2026).')
    label = serializers.CharField()
    start = serializers.DateField()
    end = serializers.DateField()


class StageFiguresSerializer(serializers.Serializer):
    received = serializers.IntegerField()
    per_1000_homes = serializers.FloatField(allow_null=True)
    responded = serializers.IntegerField()
    on_time = serializers.IntegerField(help_text="Responses within the Complaint Handling Code timescale.")
    on_time_pct = serializers.FloatField(allow_null=True)
    upheld = serializers.IntegerField()
    upheld_pct = serializers.FloatField(allow_null=True)
    average_working_days = serializers.FloatField(allow_null=True)


class CategoryCountSerializer(serializers.Serializer):
    category = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()


class ComplaintQuarterSerializer(_Quarter):
    homes = serializers.IntegerField()
    stage1 = StageFiguresSerializer()
    stage2 = StageFiguresSerializer()
    responded = serializers.IntegerField()
    on_time = serializers.IntegerField()
    on_time_pct = serializers.FloatField(allow_null=True, help_text="Within timescale, both stages.")
    upheld_pct = serializers.FloatField(allow_null=True)
    average_working_days = serializers.FloatField(allow_null=True)
    by_category = CategoryCountSerializer(many=True)


class StockSerializer(serializers.Serializer):
    stock = serializers.CharField(help_text='"lcra" (rented) or "lcho" (shared ownership).')
    homes = serializers.IntegerField()
    responses = serializers.IntegerField()
    accuracy_required_pct = serializers.FloatField()
    margin_pct = serializers.FloatField(allow_null=True)
    accuracy_met = serializers.BooleanField()


class TsmCellSerializer(serializers.Serializer):
    stock = serializers.CharField()
    value = serializers.FloatField(allow_null=True)
    numerator = serializers.IntegerField(allow_null=True)
    denominator = serializers.IntegerField(allow_null=True)
    margin_points = serializers.FloatField(allow_null=True)


class TsmMeasureSerializer(serializers.Serializer):
    code = serializers.CharField()
    stage = serializers.IntegerField(allow_null=True)
    label = serializers.CharField()
    cells = TsmCellSerializer(many=True)


class TsmQuarterSerializer(_Quarter):
    stocks = StockSerializer(many=True)
    measures = TsmMeasureSerializer(many=True)
    not_attributed = serializers.DictField(child=serializers.IntegerField())


class CharterMeasureSerializer(serializers.Serializer):
    commitment = serializers.IntegerField()
    code = serializers.CharField()
    name = serializers.CharField()
    unit = serializers.CharField()
    target = serializers.DecimalField(max_digits=9, decimal_places=2, allow_null=True)
    direction = serializers.CharField()
    value = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    numerator = serializers.IntegerField(allow_null=True)
    denominator = serializers.IntegerField(allow_null=True)
    rag = serializers.CharField()
    source = serializers.CharField(allow_null=True, help_text='"computed" or "manual"; null with no figure.')
    detail = serializers.CharField()


class CharterQuarterSerializer(_Quarter):
    measures = CharterMeasureSerializer(many=True)
