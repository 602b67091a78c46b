"""Project-wide pytest fixtures: people in every role, logged-in clients, fast test settings,
and a real Celery worker on Redis for the integration tests."""

import os
import uuid

import pytest

from engagement.celery import app as celery_app

XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")

# Unit and view tests run tasks inline; the integration tests start a real worker instead.
celery_app.conf.task_always_eager = True
celery_app.conf.task_eager_propagates = True
if XDIST_WORKER:
    # A queue per pytest-xdist process (set before Celery caches its queues): a task sent against one
    # process's database is never taken by another process's worker, which would miss its rows.
    celery_app.conf.task_default_queue = f"celery-{XDIST_WORKER}"


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # Throttles and upload quotas count in the (shared Redis) cache: a fresh namespace per test.
    settings.COUNTER_NAMESPACE = f"test-{uuid.uuid4().hex}:"
    # A cache of its own too: nothing one test caches (the landlord's settings, the dashboard's reach
    # figures) reaches another, in this process or another pytest-xdist process sharing the Redis.
    prefix = f"test-{uuid.uuid4().hex}"
    settings.CACHES = {name: {**cache, "KEY_PREFIX": prefix} for name, cache in settings.CACHES.items()}
    # Hand-worked cases pin "now" days after the fixture logged in; the 12-hour session lifetime
    # (Django checks it against timezone.now) would log them out. Idle expiry uses the wall clock.
    settings.SESSION_COOKIE_AGE = 10 * 365 * 24 * 60 * 60


@pytest.fixture
def officer(db):
    from engagement.factories import OfficerFactory

    return OfficerFactory(username="officer", first_name="Olivia", last_name="Officer")


@pytest.fixture
def other_officer(db):
    from engagement.factories import OfficerFactory

    return OfficerFactory(username="other.officer", first_name="Owen", last_name="Other")


@pytest.fixture
def manager(db):
    from engagement.factories import ManagerFactory

    return ManagerFactory(username="manager", first_name="Mina", last_name="Manager")


@pytest.fixture
def customer(db):
    """An involved customer: a Customer record with a portal login."""
    from engagement.factories import InvolvedCustomerFactory

    return InvolvedCustomerFactory(user__username="customer", first_name="Cora", last_name="Customer")


@pytest.fixture
def other_customer(db):
    from engagement.factories import InvolvedCustomerFactory

    return InvolvedCustomerFactory(user__username="other.customer")


def _client_for(client_class, user):
    client = client_class()
    client.force_login(user)
    return client


@pytest.fixture
def officer_client(officer):
    from django.test import Client

    return _client_for(Client, officer)


@pytest.fixture
def manager_client(manager):
    from django.test import Client

    return _client_for(Client, manager)


@pytest.fixture
def customer_client(customer):
    from django.test import Client

    return _client_for(Client, customer.user)


@pytest.fixture
def redis_url():
    """REDIS_URL if a Redis server answers there; skip otherwise, or fail when REQUIRE_REDIS=1 (CI)."""
    import redis

    from tests.support import require

    url = os.environ.get("REDIS_URL", "")
    available = False
    if url:
        try:
            available = redis.Redis.from_url(url, socket_connect_timeout=2).ping()
        except redis.exceptions.ConnectionError:
            available = False
    require("REQUIRE_REDIS", available, "No Redis server at REDIS_URL")
    return url


WORKER_SETTINGS = (
    "broker_url",
    "task_always_eager",
    "broker_transport_options",
    "worker_hijack_root_logger",
)


@pytest.fixture
def real_worker(redis_url):
    """A real Celery worker (in a thread) consuming from Redis; tasks are no longer run eagerly.

    Use with django_db(transaction=True) so the worker's own connection sees committed rows."""
    from celery.contrib.testing.worker import start_worker

    broker = os.environ.get("CELERY_BROKER_URL", "")
    if not broker.startswith("redis://"):
        broker = redis_url
    saved = {key: celery_app.conf.get(key) for key in WORKER_SETTINGS}
    celery_app.conf.update(
        broker_url=broker,
        task_always_eager=False,
        broker_transport_options={},
        worker_hijack_root_logger=False,
    )
    try:
        with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            yield celery_app
    finally:
        celery_app.conf.update(saved)
