from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "API for the landlord's other systems"
    # The API only reads: activities and complaints are read through their apps' models, and every
    # figure comes from the function the app's own page uses (feedback.selectors.complaint_figures,
    # regulator.selectors.tsm_report, charter.selectors.charter_rows), so the two never disagree.
    depends_on = ("activities", "feedback", "regulator", "charter")

    def ready(self):
        from auditlog.registry import auditlog

        from .models import ApiClient

        # Who issued or revoked a token, and what it may read. The hash is never worth logging.
        auditlog.register(ApiClient, exclude_fields=["token_hash", "last_used_at"])
