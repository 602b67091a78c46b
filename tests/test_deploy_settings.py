"""Production settings pass Django's deployment checklist, and refuse to run without a secret."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS"}}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_reports_nothing_under_production_settings():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY="x7#Qm2!pL9vR4sT8wZ1yB6nC3dF5gH0jK-production-like-secret-key",
        ALLOWED_HOSTS="portal.trident.example",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = _manage("check", DEBUG="0", ALLOWED_HOSTS="portal.trident.example")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_static_files_collect_and_compress_under_production_settings(tmp_path):
    result = _manage(
        "collectstatic",
        "--noinput",
        DEBUG="0",
        SECRET_KEY="build-only-collectstatic-key-not-used-at-runtime-0123456789",
        ALLOWED_HOSTS="localhost",
        STATIC_ROOT=str(tmp_path / "static"),
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "static" / "staticfiles.json").exists()
    assert list((tmp_path / "static" / "vendor" / "bootstrap").glob("bootstrap.min.*.css.gz"))
