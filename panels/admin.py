from django.contrib import admin

from .models import Membership, Panel


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["customer"]
    filter_horizontal = ["estates"]


@admin.register(Panel)
class PanelAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "officer", "meets_every_months", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "purpose"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["customer", "panel", "role", "starts_on", "ends_on"]
    list_filter = ["panel", "role"]
    search_fields = ["customer__first_name", "customer__last_name", "panel__name"]
    autocomplete_fields = ["customer"]
    filter_horizontal = ["estates"]
