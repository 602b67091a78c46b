from django.apps import AppConfig


class HousingSystemConfig(AppConfig):
    name = "housing_system"
    verbose_name = "Housing management system import and nightly sync"
    # Patches, estates and customers are the core's models: this app only keeps them in step with
    # the landlord's housing management system (engagement.Customer/Estate/Patch.source_reference).
    depends_on = ()

    def ready(self):
        from auditlog.registry import auditlog

        from .models import ColumnMapping

        # Who changed how a file's columns are read (the nightly sync reads files the same way).
        auditlog.register(ColumnMapping)
