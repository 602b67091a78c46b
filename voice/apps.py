from django.apps import AppConfig


class VoiceConfig(AppConfig):
    name = "voice"
    verbose_name = "A representative voice: equality data, representativeness and weighting"
    # Who we heard from is read from the apps that hold it: survey responses and the TSM survey
    # (surveys), panel members (panels) and people engaged at activities (activities). The TSM
    # return (regulator) and the board pack (charter) show this app's statements through
    # engagement.registry.report_sections, so neither imports voice. Checked by
    # tests/test_app_dependencies.py.
    depends_on = ("surveys", "panels", "activities")

    def ready(self):
        from auditlog.registry import auditlog

        from .models import EqualityConsent, EqualityProfile, WeightingScheme

        # Who recorded or changed someone's equality information and when, and each time the manager
        # looked (views.customer_equality) — never the answers themselves, which would put them in the log.
        auditlog.register(EqualityProfile, include_fields=["consent_given_at", "consent_method", "explanation_version"])
        auditlog.register(EqualityConsent)
        auditlog.register(WeightingScheme)
