from django.apps import AppConfig


class InspectionConfig(AppConfig):
    """Customer inspectors and mystery shopping (with the service improvement plan), and customers
    on staff recruitment panels."""

    name = "inspection"
    depends_on = ("panels",)  # the panel that commissions an exercise; expenses go through panels' claims

    def ready(self):
        from auditlog.registry import auditlog

        from .models import CandidateScore, Exercise, RecruitmentPanelist

        for model in (Exercise, RecruitmentPanelist, CandidateScore):
            auditlog.register(model)
