from django.contrib import admin

from .models import ActivityAttachment, EngagementActivity


class AttachmentInline(admin.TabularInline):
    model = ActivityAttachment
    fields = ["file", "kind", "original_name", "content_type", "size", "uploaded_by", "uploaded_at"]
    readonly_fields = ["original_name", "content_type", "size", "uploaded_by", "uploaded_at"]
    extra = 0


@admin.register(EngagementActivity)
class EngagementActivityAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "activity_type",
        "starts_at",
        "estate",
        "patch",
        "lead_officer",
        "customers_engaged",
        "status",
        "report_due_on",
        "resubmit_due_on",
        "reported_at",
    ]
    list_filter = ["status", "activity_type", "patch", "feedback_captured"]
    search_fields = ["title", "purpose", "location", "estate__name", "outcome", "customers_said"]
    list_select_related = ["estate", "patch", "lead_officer"]
    date_hierarchy = "starts_at"
    raw_id_fields = ["estate", "lead_officer", "reported_by", "verified_by", "returned_by", "created_by"]
    readonly_fields = ["report_due_on", "patch", "created_at", "updated_at"]
    inlines = [AttachmentInline]


@admin.register(ActivityAttachment)
class ActivityAttachmentAdmin(admin.ModelAdmin):
    list_display = ["original_name", "activity", "kind", "content_type", "size", "uploaded_by", "uploaded_at"]
    list_filter = ["kind", "content_type"]
    search_fields = ["original_name", "activity__title"]
    list_select_related = ["activity", "uploaded_by"]
    raw_id_fields = ["activity", "uploaded_by"]
