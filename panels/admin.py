from django.contrib import admin

from .models import (
    Attendance,
    EstateWalk,
    Evidence,
    ExpenseClaim,
    ExpressionOfInterest,
    InductionItem,
    Letter,
    Meeting,
    MeetingPaper,
    Membership,
    Panel,
    Recommendation,
    ScrutinyProject,
    TrainingRecord,
    WalkAttendee,
    WalkIssue,
)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["customer"]
    filter_horizontal = ["estates"]


@admin.register(Panel)
class PanelAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "officer", "meets_every_months", "recruiting", "is_active"]
    list_filter = ["kind", "is_active", "recruiting"]
    search_fields = ["name", "purpose"]
    inlines = [MembershipInline]


class InductionInline(admin.TabularInline):
    model = InductionItem
    extra = 0


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["customer", "panel", "role", "starts_on", "ends_on"]
    list_filter = ["panel", "role"]
    search_fields = ["customer__first_name", "customer__last_name", "panel__name"]
    autocomplete_fields = ["customer"]
    filter_horizontal = ["estates"]
    inlines = [InductionInline]


@admin.register(InductionItem)
class InductionItemAdmin(admin.ModelAdmin):
    list_display = ["title", "membership", "done_on", "done_by"]
    list_filter = ["done_on"]
    search_fields = ["title", "membership__customer__last_name"]
    list_select_related = ["membership__customer", "membership__panel", "done_by"]


@admin.register(ExpressionOfInterest)
class ExpressionOfInterestAdmin(admin.ModelAdmin):
    list_display = ["customer", "panel", "submitted_on", "answer_due_on", "status", "answered_on"]
    list_filter = ["status", "panel"]
    search_fields = ["customer__first_name", "customer__last_name", "customer__reference"]
    autocomplete_fields = ["customer"]
    list_select_related = ["customer", "panel"]


@admin.register(TrainingRecord)
class TrainingRecordAdmin(admin.ModelAdmin):
    list_display = ["customer", "course", "title", "held_on", "completed", "provider"]
    list_filter = ["course", "completed"]
    search_fields = ["customer__first_name", "customer__last_name", "title", "provider"]
    autocomplete_fields = ["customer"]


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0
    autocomplete_fields = ["customer"]


class PaperInline(admin.TabularInline):
    model = MeetingPaper
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["panel", "meets_on", "status", "minutes_due_on", "minutes_published_on"]
    list_filter = ["status", "panel"]
    search_fields = ["panel__name", "agenda", "minutes"]
    date_hierarchy = "meets_on"
    inlines = [AttendanceInline, PaperInline]


@admin.register(MeetingPaper)
class MeetingPaperAdmin(admin.ModelAdmin):
    list_display = ["title", "meeting", "kind", "uploaded_at"]
    list_filter = ["kind"]
    search_fields = ["title", "meeting__panel__name"]


@admin.register(Attendance)
class AttendanceAdmin(admin.ModelAdmin):
    list_display = ["meeting", "customer", "status"]
    list_filter = ["status"]
    search_fields = ["customer__last_name", "meeting__panel__name"]


class EvidenceInline(admin.TabularInline):
    model = Evidence
    extra = 0


class RecommendationInline(admin.TabularInline):
    model = Recommendation
    extra = 0


@admin.register(ScrutinyProject)
class ScrutinyProjectAdmin(admin.ModelAdmin):
    list_display = ["topic", "panel", "lead_officer", "status", "started_on", "report_delivered_on"]
    list_filter = ["status", "panel"]
    search_fields = ["topic", "scope", "findings"]
    inlines = [EvidenceInline, RecommendationInline]


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ["title", "project", "kind", "gathered_on"]
    list_filter = ["kind"]
    search_fields = ["title", "notes", "project__topic"]


@admin.register(Recommendation)
class RecommendationAdmin(admin.ModelAdmin):
    list_display = ["project", "number", "decision", "responded_on"]
    list_filter = ["decision"]
    search_fields = ["text", "response", "project__topic"]


class AttendeeInline(admin.TabularInline):
    model = WalkAttendee
    extra = 0
    autocomplete_fields = ["customer"]


class IssueInline(admin.TabularInline):
    model = WalkIssue
    extra = 0
    raw_id_fields = ["action"]


@admin.register(EstateWalk)
class EstateWalkAdmin(admin.ModelAdmin):
    list_display = ["walks_on", "kind", "estate", "area", "lead_officer", "status", "actions_sent_on"]
    list_filter = ["kind", "status", "estate__patch"]
    search_fields = ["estate__name", "area", "route"]
    inlines = [AttendeeInline, IssueInline]


@admin.register(WalkAttendee)
class WalkAttendeeAdmin(admin.ModelAdmin):
    list_display = ["walk", "kind", "customer", "user", "organisation", "actions_sent_on"]
    list_filter = ["kind"]
    search_fields = ["customer__last_name", "name", "organisation"]


@admin.register(WalkIssue)
class WalkIssueAdmin(admin.ModelAdmin):
    list_display = ["walk", "location", "action"]
    list_filter = ["walk__kind"]
    search_fields = ["description", "location"]
    raw_id_fields = ["action"]


@admin.register(Letter)
class LetterAdmin(admin.ModelAdmin):
    list_display = ["title", "recipient", "created_at", "printed_on"]
    list_filter = ["printed_on"]
    search_fields = ["recipient", "title", "key"]


@admin.register(ExpenseClaim)
class ExpenseClaimAdmin(admin.ModelAdmin):
    list_display = ["customer", "kind", "incurred_on", "amount", "status", "decided_by"]
    list_filter = ["status", "kind"]
    search_fields = ["customer__first_name", "customer__last_name", "description"]
    autocomplete_fields = ["customer"]
