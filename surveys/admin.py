from django.contrib import admin

from .models import Answer, ChampionIssue, ChampionPhoto, ChampionSurvey, Invitation, Question, Response, Survey


class ChampionPhotoInline(admin.TabularInline):
    model = ChampionPhoto
    extra = 0
    fields = ["original_name", "content_type", "size", "uploaded_at"]
    readonly_fields = fields


class ChampionIssueInline(admin.TabularInline):
    model = ChampionIssue
    extra = 0
    fields = ["topic", "rating", "comment", "status", "action", "closed_reason"]
    readonly_fields = ["topic", "rating", "comment"]
    raw_id_fields = ["action"]


@admin.register(ChampionSurvey)
class ChampionSurveyAdmin(admin.ModelAdmin):
    list_display = [
        "visited_on",
        "estate",
        "customer",
        "grounds_rating",
        "cleaning_rating",
        "repairs_rating",
        "asb_rating",
        "submitted_at",
    ]
    list_filter = ["estate__patch", "grounds_rating", "cleaning_rating", "repairs_rating", "asb_rating"]
    search_fields = ["estate__name", "customer__last_name", "customer__reference", "anything_else"]
    date_hierarchy = "visited_on"
    raw_id_fields = ["customer"]
    readonly_fields = ["form_token", "submitted_at"]
    inlines = [ChampionIssueInline, ChampionPhotoInline]


@admin.register(ChampionPhoto)
class ChampionPhotoAdmin(admin.ModelAdmin):
    list_display = ["original_name", "customer", "survey", "content_type", "size", "uploaded_at"]
    list_filter = ["content_type"]
    search_fields = ["original_name", "customer__last_name"]
    raw_id_fields = ["customer", "survey"]


@admin.register(ChampionIssue)
class ChampionIssueAdmin(admin.ModelAdmin):
    list_display = ["raised_on", "estate", "topic", "rating", "status", "action", "triaged_by"]
    list_filter = ["status", "topic", "rating", "estate__patch"]
    search_fields = ["comment", "estate__name", "closed_reason"]
    raw_id_fields = ["survey", "action"]


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 0
    fields = [
        "position",
        "code",
        "text",
        "scale",
        "allow_dont_know",
        "required",
        "eligibility",
        "screens_for",
        "renters_only",
    ]


@admin.register(Survey)
class SurveyAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "opens_on", "closes_on", "population_basis", "population_override"]
    list_filter = ["kind", "population_basis"]
    search_fields = ["title", "purpose"]
    filter_horizontal = ["estates"]
    inlines = [QuestionInline]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["survey", "position", "code", "scale", "eligibility", "allow_dont_know"]
    list_filter = ["scale", "eligibility", "survey__kind"]
    search_fields = ["code", "text", "survey__title"]


class AnswerInline(admin.TabularInline):
    model = Answer
    extra = 0
    fields = ["question", "value", "text", "positive"]
    raw_id_fields = ["question"]


@admin.register(Response)
class ResponseAdmin(admin.ModelAdmin):
    list_display = ["survey", "responded_on", "customer", "estate", "tenure", "channel", "assisted_by"]
    list_filter = ["survey__kind", "channel", "tenure"]
    search_fields = ["survey__title", "customer__reference", "customer__last_name", "external_ref"]
    date_hierarchy = "responded_on"
    raw_id_fields = ["customer", "invitation"]
    inlines = [AnswerInline]


@admin.register(Answer)
class AnswerAdmin(admin.ModelAdmin):
    list_display = ["response", "question", "value", "positive"]
    list_filter = ["question__survey__kind", "positive"]
    search_fields = ["text", "question__code"]
    raw_id_fields = ["response", "question"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["survey", "customer", "created_at", "sent_at", "used_at"]
    list_filter = ["survey"]
    search_fields = ["customer__reference", "customer__last_name", "survey__title"]
    raw_id_fields = ["customer"]
