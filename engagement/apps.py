from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.module_loading import autodiscover_modules


class EngagementConfig(AppConfig):
    name = "engagement"
    verbose_name = "Engagement portal core"

    def ready(self):
        from . import signals  # noqa: F401
        from .registry import install_periodic_jobs

        # Each app registers its navigation links, dashboard panels and beat jobs in portal.py.
        autodiscover_modules("portal")
        post_migrate.connect(install_periodic_jobs, dispatch_uid="engagement.install_periodic_jobs")
