"""Which app may import which: every app uses the core; the core imports no app; any other
dependency is declared in the app's AppConfig.depends_on (and README's app map)."""

import ast
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import checks

from engagement.checks import app_dependencies_installed

CORE = "engagement"


def _project_apps():
    return {
        config.label: config
        for config in apps.get_app_configs()
        if Path(config.path).is_relative_to(settings.BASE_DIR) and ".venv" not in Path(config.path).parts
    }


def _imported_apps(config, labels) -> set[str]:
    found = set()
    for path in Path(config.path).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            found |= {name.split(".")[0] for name in names} & labels
    return found - {config.label}


def test_the_core_imports_no_app():
    labels = set(_project_apps())
    assert _imported_apps(_project_apps()[CORE], labels) == set()


def test_every_app_imports_only_the_core_and_the_apps_it_declares():
    labels = set(_project_apps())
    undeclared = {}
    for label, config in _project_apps().items():
        extra = _imported_apps(config, labels) - {CORE} - set(getattr(config, "depends_on", ()))
        if extra:
            undeclared[label] = sorted(extra)
    assert undeclared == {}


def test_surveys_declares_that_it_needs_panels_for_estate_champions():
    assert apps.get_app_config("surveys").depends_on == ("panels",)


def test_a_missing_app_that_another_needs_stops_start_up(monkeypatch):
    installed = apps.is_installed
    monkeypatch.setattr(apps, "is_installed", lambda label: label != "panels" and installed(label))
    errors = app_dependencies_installed()
    assert {error.id for error in errors} == {"engagement.E001"}
    # surveys (estate champions) and involvement (panels to join, reviewing panels) both need panels.
    assert sorted(error.msg.split(" app ")[0] for error in errors) == ["The involvement", "The surveys"]
    assert all(isinstance(error, checks.Error) for error in errors)


def test_with_every_app_installed_the_check_is_quiet():
    assert app_dependencies_installed() == []
