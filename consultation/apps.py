from django.apps import AppConfig


class ConsultationConfig(AppConfig):
    name = "consultation"
    verbose_name = "Consultation club"
    # Club surveys and the quarterly sample's invitations go out as mail-outs (each member by the
    # way they chose), and the club offers its members as a mail-out audience. Checked at
    # start-up (engagement.checks) and by tests/test_app_dependencies.py.
    depends_on = ("mailouts",)

    def ready(self):
        from auditlog.registry import auditlog

        from .models import ClubMember, SampleRound

        auditlog.register(ClubMember)
        auditlog.register(SampleRound)
