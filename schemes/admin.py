from django.contrib import admin

from .models import InformalFeedback, Leaver, Obligation, ObligationTemplate, SchemeSettings


@admin.register(ObligationTemplate)
class ObligationTemplateAdmin(admin.ModelAdmin):
    list_display = ["title", "service_area", "kind", "every_months", "in_months", "scheme_setting", "is_active"]
    list_filter = ["service_area", "is_active"]


@admin.register(SchemeSettings)
class SchemeSettingsAdmin(admin.ModelAdmin):
    list_display = ["scheme", "ihmo", "meeting_every_months", "sense_check_every_months"]
    list_select_related = ["scheme", "ihmo"]


@admin.register(Obligation)
class ObligationAdmin(admin.ModelAdmin):
    list_display = ["scheme", "template", "period_start", "due_on", "met_on", "owner"]
    list_filter = ["template__service_area", "template__kind"]
    list_select_related = ["scheme", "template", "owner"]
    raw_id_fields = ["leaver"]


admin.site.register(Leaver)
admin.site.register(InformalFeedback)
