from django.contrib import admin

from .models import ColumnMapping, ImportRun


@admin.register(ColumnMapping)
class ColumnMappingAdmin(admin.ModelAdmin):
    list_display = ("source_system", "record_type", "updated_by", "updated_at")


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = ("file_name", "record_type", "trigger", "status", "created_at", "added", "changed", "ended")
    list_filter = ("record_type", "trigger", "status")
    # The file is private (no URL, so Django's read-only link would be a 500): named, not linked.
    readonly_fields = [field.name if field.name != "file" else "file_kept" for field in ImportRun._meta.fields]

    @admin.display(description="file")
    def file_kept(self, run):
        return f"{run.file.name} (a private file, kept as the import's evidence)" if run.file else "—"

    def has_add_permission(self, request):
        return False  # runs are the audit trail: made by an import, never by hand
