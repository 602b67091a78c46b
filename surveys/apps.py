from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "surveys"

    def ready(self):
        from auditlog.registry import auditlog

        from .models import ChampionIssue, Survey

        # Who closed an issue (and why) or changed a survey's audience is worth a trail.
        auditlog.register(ChampionIssue)
        auditlog.register(Survey)
