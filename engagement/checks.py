"""System checks for how the apps fit together."""

from django.apps import apps
from django.core import checks


def app_dependencies_installed(app_configs=None, **kwargs) -> list[checks.Error]:
    """An app that needs another says so in its AppConfig (`depends_on = ("panels",)`); fail at
    start-up, not on some page later, when the app it needs is not installed."""
    errors = []
    for config in apps.get_app_configs():
        for label in getattr(config, "depends_on", ()):
            if not apps.is_installed(label):
                errors.append(
                    checks.Error(
                        f"The {config.label} app needs the {label} app, which is not in INSTALLED_APPS.",
                        hint=f"Add {label!r} to INSTALLED_APPS or remove {config.label!r}.",
                        obj=config,
                        id="engagement.E001",
                    )
                )
    return errors
