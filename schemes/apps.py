from django.apps import AppConfig


class SchemesConfig(AppConfig):
    name = "schemes"
    verbose_name = "Scheme obligations and informal feedback"
    # Obligations are met by records other apps own: a scheme's residents' meeting (panels), a
    # satisfaction or Sense Check survey and the exit-interview answers (surveys), and a box
    # suggestion answered on the complaints-and-suggestions register (feedback). Checked at
    # start-up (engagement.checks) and by tests/test_app_dependencies.py.
    depends_on = ("panels", "surveys", "feedback")

    def ready(self):
        from auditlog.registry import auditlog

        from .models import InformalFeedback, Obligation, SchemeSettings

        # Who marked an obligation met (or changed who runs a scheme's meetings) is audit evidence.
        auditlog.register(Obligation)
        auditlog.register(SchemeSettings)
        auditlog.register(InformalFeedback, exclude_fields=["form_token"])
