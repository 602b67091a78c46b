from django.apps import AppConfig


class ActivitiesConfig(AppConfig):
    name = "activities"
    verbose_name = "Engagement activities"

    def ready(self):
        from auditlog.registry import auditlog

        from .models import EngagementActivity

        # Who changed an activity or its report, and when (returns and verification included).
        auditlog.register(EngagementActivity, exclude_fields=["updated_at"])
