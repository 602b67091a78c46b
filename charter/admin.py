from django.contrib import admin

from .models import BoardReport, Commitment, Measure, MeasureValue


class MeasureInline(admin.TabularInline):
    model = Measure
    fields = ["code", "name", "unit", "target", "direction", "amber_tolerance", "source", "computed_key", "is_active"]
    extra = 0
    show_change_link = True


@admin.register(Commitment)
class CommitmentAdmin(admin.ModelAdmin):
    list_display = ["number", "name"]
    search_fields = ["name", "promise"]
    inlines = [MeasureInline]


@admin.register(Measure)
class MeasureAdmin(admin.ModelAdmin):
    list_display = [
        "code",
        "name",
        "commitment",
        "unit",
        "target",
        "direction",
        "amber_tolerance",
        "source",
        "computed_key",
        "is_active",
    ]
    list_filter = ["commitment", "source", "unit", "direction", "is_active"]
    search_fields = ["code", "name", "how_measured", "computed_key"]
    list_select_related = ["commitment"]


@admin.register(MeasureValue)
class MeasureValueAdmin(admin.ModelAdmin):
    list_display = ["measure", "year", "quarter", "value", "rag", "source", "entered_by", "computed_at", "updated_at"]
    list_filter = ["year", "quarter", "rag", "source", "measure__commitment"]
    search_fields = ["measure__code", "measure__name", "note", "evidence"]
    list_select_related = ["measure", "entered_by"]
    raw_id_fields = ["measure", "entered_by"]


@admin.register(BoardReport)
class BoardReportAdmin(admin.ModelAdmin):
    list_display = [
        "period_label",
        "kind",
        "version",
        "status",
        "progress",
        "requested_by",
        "scheduled",
        "created_at",
        "built_at",
    ]
    list_filter = ["kind", "status", "scheduled"]
    search_fields = ["period_label", "requested_by__username", "requested_by__last_name"]
    list_select_related = ["requested_by"]
    readonly_fields = ["request_token", "created_at", "started_at", "built_at"]
