from django.apps import AppConfig


class RegulatorConfig(AppConfig):
    name = "regulator"
    verbose_name = "Tenant Satisfaction Measures for the Regulator"
    # The TSM figures come from the apps that own them: TP01–TP12 from surveys (the perception
    # survey) and CH01–CH02 from feedback (complaints). This app only puts them side by side, for
    # LCRA and LCHO, for a reporting year or quarter. Checked by tests/test_app_dependencies.py.
    depends_on = ("surveys", "feedback")

    def ready(self):
        from auditlog.registry import auditlog

        from .models import ManualMeasureValue

        # Who entered or corrected a figure the Regulator will see.
        auditlog.register(ManualMeasureValue)
