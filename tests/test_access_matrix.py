"""Every named URL, for every role, answers with the status we expect.

Each app lists its URLs in `<app>/access_matrix.py` (MATRIX, plus `build_world(world)` to
create the rows its URLs need); the completeness test fails until every URL is listed.
Statuses are given for: anonymous, involved customer, officer, manager. 302 for anonymous
means "sent to the login page"; 403 means the page was refused without showing anything.
"""

import datetime
import importlib

import pytest
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from engagement.factories import ActionFactory, NotificationFactory, PosterPrintFactory, png_claiming
from engagement.models import Landlord

from .access import ANY_LOGGED_IN, MANAGER_ONLY, POST_ONLY, PUBLIC, ROLES, STAFF

APPS_WITH_MATRICES = (
    "activities",
    "feedback",
    "surveys",
    "panels",
    "charter",
    "regulator",
    "voice",
    "schemes",
    "housing_system",
    "api",
    "mailouts",
    "consultation",
    "community",
    "inspection",
    "involvement",
)

CORE_MATRIX = {
    "home": (ANY_LOGGED_IN, None),
    "login": (PUBLIC, None),
    "logout": (POST_ONLY, None),  # POST only
    "password_change": (ANY_LOGGED_IN, None),
    "password_change_done": (ANY_LOGGED_IN, None),
    "password_reset": (PUBLIC, None),
    "password_reset_done": (PUBLIC, None),
    "password_reset_confirm": (PUBLIC, lambda w: ["MQ", "set-password"]),
    "password_reset_complete": (PUBLIC, None),
    "profile": (ANY_LOGGED_IN, None),
    "text_size": (POST_ONLY, None),  # POST only
    "notification_list": (ANY_LOGGED_IN, None),
    "notifications_read": (POST_ONLY, None),  # POST only
    # Opening marks it read: POST only (its owner's POST is tested in engagement/tests/test_notify.py).
    "notification_open": (POST_ONLY, lambda w: [w["officer_notification"].pk]),
    "action_list": (STAFF, None),
    "action_create": (STAFF, None),
    "action_detail": (STAFF, lambda w: [w["action"].pk]),
    # Only the owner (the officer here) or a manager may update an action.
    "action_update": (STAFF, lambda w: [w["action"].pk]),
    "deadline_board": (STAFF, None),
    "deadline_rules": (STAFF, None),
    # The owner (the officer here) or a manager writes and approves a done action's public wording.
    "action_publish": (STAFF, lambda w: [w["done_action"].pk]),
    "action_withdraw": (POST_ONLY, lambda w: [w["done_action"].pk]),
    # "You said, we did" is public: anyone, logged in or not, reads approved wording only.
    "you_said_we_did": (PUBLIC, None),
    "you_said_we_did_estate": (PUBLIC, lambda w: [w["published_action"].estate_id]),
    # Printing a poster (and so logging it for the charter) is staff work.
    "estate_poster": (STAFF, lambda w: [w["published_action"].estate_id]),
    "poster_list": (STAFF, None),
    "poster_pdf": (STAFF, lambda w: [w["poster"].pk]),
    "customer_list": (STAFF, None),
    "customer_detail": (STAFF, lambda w: [w["other_customer"].pk]),
    # GDPR export and erasure: the manager only; each is a confirmation page, then a POST.
    "customer_data_export": (MANAGER_ONLY, lambda w: [w["other_customer"].pk]),
    "customer_erase": (MANAGER_ONLY, lambda w: [w["other_customer"].pk]),
    # The landlord's colours and logo: on every page, the public ones too; nothing personal.
    "landlord_css": (PUBLIC, None),
    "landlord_logo": (PUBLIC, None),
}


def _app_modules():
    for label in APPS_WITH_MATRICES:
        try:
            yield importlib.import_module(f"{label}.access_matrix")
        except ModuleNotFoundError as error:
            if error.name != f"{label}.access_matrix":
                raise


MATRIX = dict(CORE_MATRIX)
for _module in _app_modules():
    MATRIX.update(_module.MATRIX)

# URLs outside the portal's own views: the Django admin guards itself.
IGNORED_PREFIXES = ("admin:",)


def _named_urls(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            prefix = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _named_urls(entry, prefix)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", entry


def test_every_named_url_is_in_the_access_matrix():
    missing = sorted(name for name, _ in _named_urls() if name not in MATRIX and not name.startswith(IGNORED_PREFIXES))
    assert missing == [], f"Add these URLs to tests/test_access_matrix.py: {missing}"


def test_every_portal_view_declares_who_may_see_it():
    undeclared = []
    for name, pattern in _named_urls():
        if name.startswith(IGNORED_PREFIXES):
            continue
        module = getattr(pattern.callback, "__module__", "")
        if module.startswith("django.contrib.auth"):
            continue  # Django's own login, logout and password views
        if not hasattr(pattern.callback, "access_policy"):
            undeclared.append(name)
    assert undeclared == []


@pytest.fixture
def world(officer, manager, customer, other_customer):
    world = {
        "officer": officer,
        "manager": manager,
        "customer": customer,
        "other_customer": other_customer,
        "action": ActionFactory(owner=officer),
        "officer_notification": NotificationFactory(user=officer, url=""),
        "done_action": ActionFactory(owner=officer, status="done", done_on=datetime.date(2026, 3, 2), we_did="Done"),
        "published_action": ActionFactory(owner=officer, published=True),
    }
    world["poster"] = PosterPrintFactory(
        estate=world["published_action"].estate, printed_by=officer, items=[world["published_action"]]
    )
    world["landlord"] = Landlord.objects.create(
        name="Trident Housing", short_name="Trident", logo=ContentFile(png_claiming(8, 8), name="logo.png")
    )
    for module in _app_modules():
        module.build_world(world)
    return world


def _client(client, role, world):
    user = {"customer": world["customer"].user, "officer": world["officer"], "manager": world["manager"]}.get(role)
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_url_answers_each_role_as_expected(client, world, name, role):
    statuses, args = MATRIX[name]
    expected = int(statuses.split()[ROLES.index(role)])
    url = reverse(name, args=args(world) if args else None)
    response = _client(client, role, world).get(url)
    assert response.status_code == expected, f"{role} GET {url}"
    if expected == 302 and role == "anonymous":
        assert response["Location"].startswith(reverse("login"))
