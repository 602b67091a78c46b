from django.apps import AppConfig


class PanelsConfig(AppConfig):
    name = "panels"
    # Estate-walk actions go to attendees as a mail-out (the one way customers are written to by
    # their channel and format), and panels offer their members as a mail-out audience.
    depends_on = ("mailouts",)

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
