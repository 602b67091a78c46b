from django.apps import AppConfig


class InvolvementConfig(AppConfig):
    name = "involvement"
    verbose_name = "Menu of involvement"
    # Opportunities link to the panel a customer can ask to join (panels owns panels and the
    # expression-of-interest form), review documents go to a panel's members, and courses attended
    # become panels' training records.
    depends_on = ("panels",)

    def ready(self):
        from auditlog.registry import auditlog

        from .models import Booking, Group, GroupSupport, ReviewDocument

        # Who approved a document as jargon-free, who recorded a grant or marked a course attended.
        for model in (Group, GroupSupport, ReviewDocument, Booking):
            auditlog.register(model)
