from django.contrib import admin

from .models import Delivery, Kind, MailOut, PrintBatch


@admin.register(Kind)
class KindAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


class DeliveryInline(admin.TabularInline):
    model = Delivery
    extra = 0
    fields = ["name", "channel", "status", "sent_at", "reason"]
    readonly_fields = fields
    can_delete = False
    show_change_link = False


@admin.register(MailOut)
class MailOutAdmin(admin.ModelAdmin):
    list_display = ["subject", "kind", "created_at", "created_by", "finished_at"]
    list_filter = ["kind"]
    search_fields = ["subject", "audience"]
    readonly_fields = ["created_by", "created_at", "finished_at", "source_key"]
    inlines = [DeliveryInline]


@admin.register(PrintBatch)
class PrintBatchAdmin(admin.ModelAdmin):
    list_display = ["mailout", "built_at", "posted_on"]
    readonly_fields = ["mailout", "built_at"]  # the PDF through the private-file widget (no URL)
