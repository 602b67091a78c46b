"""Project-wide pytest fixtures: people in every role, logged-in clients, fast test settings."""

import pytest

from engagement.celery import app as celery_app

# Unit and view tests run tasks inline; the integration tests start a real worker instead.
celery_app.conf.task_always_eager = True
celery_app.conf.task_eager_propagates = True


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


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
