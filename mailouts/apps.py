from django.apps import AppConfig


class MailoutsConfig(AppConfig):
    name = "mailouts"
    verbose_name = "Mail-outs"

    def ready(self):
        from auditlog.registry import auditlog

        from .models import MailOut, PrintBatch

        # Who sent what to whom, and who marked a print batch posted.
        auditlog.register(MailOut, exclude_fields=["form_token"])
        auditlog.register(PrintBatch)
