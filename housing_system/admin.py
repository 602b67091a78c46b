from django.contrib import admin

from .models import ColumnMapping, ImportRun


@admin.register(ColumnMapping)
class ColumnMappingAdmin(admin.ModelAdmin):
    list_display = ("source_system", "record_type", "updated_by", "updated_at")


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = ("file_name", "record_type", "trigger", "status", "created_at", "added", "changed", "ended")
    list_filter = ("record_type", "trigger", "status")
    readonly_fields = [field.name for field in ImportRun._meta.fields]

    def has_add_permission(self, request):
        return False  # runs are the audit trail: made by an import, never by hand
