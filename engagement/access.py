"""Who may see what. Every portal view declares one of these policies.

Anonymous visitors are sent to the login page; a logged-in user without the right role gets
403 and never the page. The declared policy is kept on the view (`access_policy`) so the
access-matrix test can check that no URL was left without one.
"""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from .models import Role

POLICIES = {
    "public": None,  # anyone, logged in or not (login page, signed survey links)
    "authenticated": set(Role.values),
    "staff": {Role.OFFICER, Role.MANAGER, Role.ADMIN},
    "manager": {Role.MANAGER, Role.ADMIN},
    "customer": {Role.CUSTOMER},
}


def user_passes_policy(user, policy: str) -> bool:
    roles = POLICIES[policy]
    if roles is None:
        return True
    return user.is_authenticated and user.is_active and user.role in roles


def _check(request, policy: str):
    if POLICIES[policy] is None:
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not user_passes_policy(request.user, policy):
        raise PermissionDenied("This page is not available to your role.")
    return None


def access(policy: str):
    """Decorator for function views: @access("staff")."""
    if policy not in POLICIES:
        raise ValueError(f"Unknown access policy {policy!r}")

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            denied = _check(request, policy)
            if denied is not None:
                return denied
            return view(request, *args, **kwargs)

        wrapped.access_policy = policy
        return wrapped

    return decorator


class AccessMixin:
    """For class-based views: set `access_policy = "staff"` (required)."""

    access_policy: str = ""

    @classmethod
    def as_view(cls, **initkwargs):
        if cls.access_policy not in POLICIES:
            raise ValueError(f"{cls.__name__} must declare an access_policy")
        view = super().as_view(**initkwargs)
        view.access_policy = cls.access_policy
        return view

    def dispatch(self, request, *args, **kwargs):
        denied = _check(request, self.access_policy)
        if denied is not None:
            return denied
        return super().dispatch(request, *args, **kwargs)


def customer_of(user):
    """The Customer record behind an involved customer's login, or 403."""
    customer = getattr(user, "customer", None)
    if customer is None:
        raise PermissionDenied("Your login is not linked to a customer record.")
    return customer
