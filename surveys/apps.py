from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "surveys"
    # Estate champions are members of the Estate Champions panel, and the panels app owns
    # memberships: surveys reads "which estates does this customer champion" from
    # panels.selectors (through surveys.selectors.champion_estates only); its demo and tests
    # make champions with panels' models and factories. Checked at start-up (engagement.checks)
    # and by tests/test_app_dependencies.py.
    depends_on = ("panels",)

    def ready(self):
        from auditlog.registry import auditlog

        from .models import ChampionIssue, Survey

        # Who closed an issue (and why) or changed a survey's audience is worth a trail.
        auditlog.register(ChampionIssue)
        auditlog.register(Survey)
