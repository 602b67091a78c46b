"""Scopes, checked per view: a token without one of the view's scopes gets 403 (DRF's JSON form)."""

from __future__ import annotations

from rest_framework.permissions import BasePermission

from engagement.access import user_passes_policy

from .models import ApiClient, Scope


def client_of(request) -> ApiClient | None:
    return request.auth if isinstance(request.auth, ApiClient) else None


def reads_personal(request) -> bool:
    """Names, contact details and free text: a personal:read token, or a customer token (its own records)."""
    client = client_of(request)
    return client is not None and (client.has_scope(Scope.PERSONAL) or client.has_scope(Scope.CUSTOMER_SELF))


def bound_customer(request):
    """The customer a "customer:self" token is tied to (its records only), else None."""
    client = client_of(request)
    if client is not None and client.has_scope(Scope.CUSTOMER_SELF):
        return client.customer
    return None


class HasScope(BasePermission):
    """The token has at least one of the view's `required_scopes`."""

    message = "This token does not have the scope this endpoint needs."

    def has_permission(self, request, view) -> bool:
        client = client_of(request)
        if client is None:
            return False
        wanted = getattr(view, "required_scopes", ())
        missing = not any(client.has_scope(scope) for scope in wanted)
        if missing:
            self.message = f"This endpoint needs one of these scopes: {', '.join(wanted)}."
        return not missing


class ManagerSessionOrToken(BasePermission):
    """The schema: any valid token (its client's developers read it) or a manager/admin logged in."""

    def has_permission(self, request, view) -> bool:
        if client_of(request) is not None:
            return True
        return user_passes_policy(request.user, "manager")
