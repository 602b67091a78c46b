from django.contrib import admin

from .models import (
    Booking,
    Group,
    GroupOfficer,
    GroupSupport,
    InvolvementLevel,
    Opportunity,
    ProgrammeCourse,
    ReviewComment,
    ReviewDocument,
    TrainingProgramme,
)


class OpportunityInline(admin.StackedInline):
    model = Opportunity
    extra = 0
    fields = ["position", "title", "involves", "time_needed", "clocks", "panel"]


@admin.register(InvolvementLevel)
class InvolvementLevelAdmin(admin.ModelAdmin):
    """The landlord's menu of involvement, shown on the public Get involved page."""

    list_display = ["position", "title", "key"]
    list_display_links = ["title"]
    inlines = [OpportunityInline]


class OfficerInline(admin.TabularInline):
    model = GroupOfficer
    extra = 0
    raw_id_fields = ["customer"]


class SupportInline(admin.TabularInline):
    model = GroupSupport
    extra = 0
    exclude = ["recorded_by"]


@admin.register(Group)
class GroupAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "patch", "officer", "renewal_due_on", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "area"]
    filter_horizontal = ["estates"]
    inlines = [OfficerInline, SupportInline]


class CommentInline(admin.TabularInline):
    model = ReviewComment
    extra = 0
    readonly_fields = ["author", "version", "created_at"]


@admin.register(ReviewDocument)
class ReviewDocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "panel", "status", "submitted_on", "decided_on"]
    list_filter = ["status", "kind", "panel"]
    readonly_fields = ["decided_by", "decided_on", "status"]
    inlines = [CommentInline]


class CourseInline(admin.StackedInline):
    model = ProgrammeCourse
    extra = 0


@admin.register(TrainingProgramme)
class TrainingProgrammeAdmin(admin.ModelAdmin):
    list_display = ["title", "starts_on", "ends_on", "published"]
    inlines = [CourseInline]


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    list_display = ["customer", "course", "booked_at", "attended"]
    raw_id_fields = ["customer", "training_record"]
    readonly_fields = ["course"]
