"""No container engine runs here, so check the production stack's description instead."""

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_the_stack_has_web_worker_beat_postgres_and_redis():
    assert set(_compose()["services"]) == {"web", "worker", "beat", "postgres", "redis"}


def test_web_runs_gunicorn_after_migrating_and_worker_and_beat_run_celery():
    services = _compose()["services"]
    assert "gunicorn engagement.wsgi:application" in services["web"]["command"]
    assert "migrate" in services["web"]["command"]
    assert services["worker"]["command"].startswith("celery -A engagement worker")
    assert services["beat"]["command"].startswith("celery -A engagement beat")
    assert "DatabaseScheduler" in services["beat"]["command"]


def test_the_portal_services_point_at_postgres_and_redis_in_production_mode():
    for name in ("web", "worker", "beat"):
        env = _compose()["services"][name]["environment"]
        assert env["DEBUG"] == "0"
        assert env["DATABASE_URL"].startswith("postgres://")
        assert env["CELERY_BROKER_URL"].startswith("redis://redis:")


def test_every_long_running_service_has_a_healthcheck_and_data_lives_in_volumes():
    compose = _compose()
    for name in ("web", "worker", "postgres", "redis"):
        assert "healthcheck" in compose["services"][name], name
    assert {"pgdata", "redisdata", "media"} <= set(compose["volumes"])
    assert compose["services"]["web"]["depends_on"]["postgres"]["condition"] == "service_healthy"


def test_the_dockerfile_serves_with_gunicorn_and_collects_static_files():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "FROM python:3.11" in dockerfile
    assert "collectstatic" in dockerfile
    assert "gunicorn" in dockerfile


def test_the_image_installs_the_production_lock_only_and_leaves_the_dev_venv_and_secrets_out():
    dockerfile = (ROOT / "Dockerfile").read_text()
    installs = [line for line in dockerfile.splitlines() if "pip install" in line]
    assert installs == ["RUN pip install --no-cache-dir --require-hashes -r requirements.lock"]
    assert "requirements-dev" not in dockerfile
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".venv", ".env", "var"} <= set(ignored)


def test_gunicorn_preloads_the_portal_in_the_image_and_the_stack():
    import runpy

    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    assert config["preload_app"] is True
    assert "--config gunicorn.conf.py" in _compose()["services"]["web"]["command"]
    assert '"--config", "gunicorn.conf.py"' in (ROOT / "Dockerfile").read_text()
