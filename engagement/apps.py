from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in
from django.core import checks
from django.db.models.signals import post_migrate
from django.utils.module_loading import autodiscover_modules


class EngagementConfig(AppConfig):
    name = "engagement"
    verbose_name = "Engagement portal core"

    def ready(self):
        from auditlog.registry import auditlog

        from . import outbox  # noqa: F401  (connects the signal that forgets finished tasks)
        from .checks import app_dependencies_installed
        from .models import Action, Customer
        from .registry import install_periodic_jobs
        from .security import start_idle_clock

        checks.register(app_dependencies_installed)
        user_logged_in.connect(start_idle_clock, dispatch_uid="engagement.start_idle_clock")

        from .table_cells import install as remember_cell_signatures

        remember_cell_signatures()  # django-tables2 re-reads each cell function's signature per cell

        # Audit trails are registered in each app's AppConfig.ready(), the one kind of place for them.
        # Who changed an action or a customer's preferences, and when.
        auditlog.register(Action, exclude_fields=["form_token"])  # the token is plumbing, not a change
        auditlog.register(Customer)

        # Each app registers its navigation links, dashboard panels and beat jobs in portal.py.
        autodiscover_modules("portal")
        post_migrate.connect(install_periodic_jobs, dispatch_uid="engagement.install_periodic_jobs")
