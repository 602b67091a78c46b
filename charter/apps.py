from django.apps import AppConfig


class CharterConfig(AppConfig):
    name = "charter"
    verbose_name = "Customer charter"
    # The board pack's Tenant Satisfaction Measures page shows the regulator app's LCRA/LCHO figures
    # (regulator.selectors.tsm_report) rather than working them out a second time.
    depends_on = ("regulator",)

    def ready(self):
        from auditlog.registry import auditlog

        from .models import Measure, MeasureValue

        # Who changed a target or a quarter's figure, and when: the board relies on these.
        auditlog.register(Measure)
        auditlog.register(MeasureValue, exclude_fields=["updated_at", "computed_at"])
