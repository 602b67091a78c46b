from django.contrib import admin

from .models import (
    AwardCategory,
    AwardRound,
    CallForAction,
    CommunityBudget,
    FundingApplication,
    FundingPriority,
    Nomination,
)


class PriorityInline(admin.TabularInline):
    model = FundingPriority
    extra = 1


@admin.register(CommunityBudget)
class CommunityBudgetAdmin(admin.ModelAdmin):
    list_display = ("panel", "year", "amount_pence", "awarded_pence")
    readonly_fields = ("awarded_pence",)  # raised only by a panel's decision (community.services)
    inlines = [PriorityInline]


@admin.register(FundingApplication)
class FundingApplicationAdmin(admin.ModelAdmin):
    list_display = ("title", "budget", "status", "requested_pence", "awarded_pence")
    list_filter = ("status", "budget__year")
    # Decisions go through the service that keeps the budget whole; the admin only reads them.
    readonly_fields = ("status", "awarded_pence", "decided_at_meeting", "decided_on", "decided_by", "decision_reason")


class CategoryInline(admin.TabularInline):
    model = AwardCategory
    extra = 1


@admin.register(AwardRound)
class AwardRoundAdmin(admin.ModelAdmin):
    list_display = ("name", "opens_on", "closes_on", "winners_announced")
    inlines = [CategoryInline]


@admin.register(Nomination)
class NominationAdmin(admin.ModelAdmin):
    list_display = ("nominee_name", "category", "status", "consent_recorded_at")
    readonly_fields = ("consent_recorded_at", "consent_recorded_by", "consent_how")


@admin.register(CallForAction)
class CallForActionAdmin(admin.ModelAdmin):
    list_display = ("issue", "panel", "status", "decision_due_on", "told_at")
    readonly_fields = ("status", "decision_reason", "decided_on", "decided_by", "told_at", "told_how")
