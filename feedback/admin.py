from django.contrib import admin

from .models import Complaint, Compliment, LessonsLearned, Suggestion


class LessonsLearnedInline(admin.StackedInline):
    model = LessonsLearned
    extra = 0
    autocomplete_fields = ["owner"]


@admin.register(Complaint)
class ComplaintAdmin(admin.ModelAdmin):
    list_display = ["id", "received_on", "customer", "category", "stage", "status", "stage1_handler", "stage2_handler"]
    list_filter = ["status", "stage", "category", "channel", "stage1_outcome", "stage2_outcome"]
    search_fields = ["id", "description", "customer__last_name", "customer__reference", "customer__address"]
    date_hierarchy = "received_on"
    raw_id_fields = ["customer"]
    autocomplete_fields = ["stage1_handler", "stage2_handler"]
    inlines = [LessonsLearnedInline]


@admin.register(LessonsLearned)
class LessonsLearnedAdmin(admin.ModelAdmin):
    list_display = ["complaint", "owner", "learned_on"]
    list_filter = ["learned_on"]
    search_fields = ["what_went_wrong", "root_cause", "what_we_changed"]
    raw_id_fields = ["complaint"]


@admin.register(Compliment)
class ComplimentAdmin(admin.ModelAdmin):
    list_display = ["received_on", "about", "staff_member", "team", "customer", "channel", "passed_on_at"]
    list_filter = ["about", "channel", "received_on"]
    search_fields = ["description", "team", "from_name", "customer__last_name"]
    raw_id_fields = ["customer"]


@admin.register(Suggestion)
class SuggestionAdmin(admin.ModelAdmin):
    list_display = ["received_on", "suggestion", "customer", "estate", "status", "led_to_change"]
    list_filter = ["status", "led_to_change", "channel"]
    search_fields = ["suggestion", "response", "from_name", "customer__last_name"]
    raw_id_fields = ["customer"]
