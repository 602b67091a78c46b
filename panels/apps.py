from django.apps import AppConfig


class PanelsConfig(AppConfig):
    name = "panels"

    def ready(self):
        from auditlog.registry import auditlog

        from .models import (
            ExpenseClaim,
            ExpressionOfInterest,
            Meeting,
            Membership,
            Panel,
            Recommendation,
            ScrutinyProject,
        )

        # Who changed a meeting's minutes, a scrutiny project or an expense decision, and when.
        for model in (Panel, Membership, Meeting, ScrutinyProject, Recommendation, ExpressionOfInterest):
            auditlog.register(model)
        auditlog.register(ExpenseClaim, exclude_fields=["form_token"])  # the token is plumbing, not a change
