"""Who may open each housing system import URL: the manager (and the admin role), nobody else."""

from tests.access import MANAGER_ONLY, POST_ONLY


def _run(world):
    return [world["housing_system_run"].pk]


MATRIX = {
    "housing_system:run_list": (MANAGER_ONLY, None),
    "housing_system:run_detail": (MANAGER_ONLY, _run),
    "housing_system:run_columns": (MANAGER_ONLY, _run),
    "housing_system:run_commit": (POST_ONLY, _run),  # the manager's POST: tests/test_commit_all_or_nothing.py
}


def build_world(world):
    from django.core.files.base import ContentFile

    from .models import ImportRun

    run = ImportRun(record_type="patches", source_system="test", file_name="patches.csv", file_digest="0" * 64)
    run.file.save("patches.csv", ContentFile(b"id,code,name\nP1,NFD,Northfield\n"), save=False)
    run.save()
    world["housing_system_run"] = run
