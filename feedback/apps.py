from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "feedback"

    def ready(self):
        from auditlog.registry import auditlog

        from .models import Complaint, ComplaintExtension, Compliment, LessonsLearned, Suggestion

        # Who changed what, when (django-auditlog); shown on the complaint's timeline.
        auditlog.register(Complaint, exclude_fields=["updated_at", "form_token"])
        auditlog.register(LessonsLearned, exclude_fields=["updated_at"])
        auditlog.register(ComplaintExtension)
        auditlog.register(Compliment, exclude_fields=["form_token"])
        auditlog.register(Suggestion, exclude_fields=["form_token"])
