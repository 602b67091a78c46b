"""Issuing, checking and revoking API tokens, and logging calls."""

from __future__ import annotations

import datetime
import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from engagement.models import Customer, User

from .models import CUSTOMER_BOUND_SCOPES, ApiCall, ApiClient, Scope

# How long the call log is kept: a year and a bit, so a year's use of a token can be looked back on.
CALL_LOG_DAYS = 400
TOKEN_PREFIX = "tep_"  # "Trident engagement portal": recognisable in a leaked config file or a secret scanner
# last_used_at is written at most once a minute per token, not on every call.
LAST_USED_EVERY = datetime.timedelta(minutes=1)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def scopes_check(*, scopes: list[str], customer: Customer | None) -> list[str]:
    """The scopes in a fixed order, or ValidationError: known scopes only; "customer:self" if and only
    if a customer is given; a customer-bound token reads nothing personal about anyone else."""
    known = set(Scope.values)
    unknown = sorted(set(scopes) - known)
    if unknown:
        raise ValidationError(f"Unknown scopes: {', '.join(unknown)}.")
    if not scopes:
        raise ValidationError("Choose at least one scope.")
    if customer is not None and Scope.CUSTOMER_SELF not in scopes:
        raise ValidationError('A token for one customer needs the "customer:self" scope.')
    if Scope.CUSTOMER_SELF in scopes:
        if customer is None:
            raise ValidationError('Choose the customer a "customer:self" token reads.')
        wider = sorted(set(scopes) - CUSTOMER_BOUND_SCOPES)
        if wider:
            raise ValidationError(f"A token for one customer cannot also read {', '.join(wider)}.")
    return [scope for scope in Scope.values if scope in scopes]


@transaction.atomic
def api_client_create(
    *,
    name: str,
    scopes: list[str],
    by: User,
    customer: Customer | None = None,
    expires_at: datetime.datetime | None = None,
) -> tuple[ApiClient, str]:
    """A new client and its token. The token is returned once and only its hash is stored."""
    scopes = scopes_check(scopes=scopes, customer=customer)
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    client = ApiClient.objects.create(
        name=name,
        scopes=" ".join(scopes),
        customer=customer,
        expires_at=expires_at,
        created_by=by,
        token_prefix=token[:10],
        token_hash=token_digest(token),
    )
    return client, token


def api_client_revoke(*, client: ApiClient, by: User, now: datetime.datetime | None = None) -> bool:
    """Revoke a token at once (its next call is refused). False if it was already revoked."""
    now = now or timezone.now()
    changed = ApiClient.objects.filter(pk=client.pk, revoked_at__isnull=True).update(revoked_at=now, revoked_by=by)
    client.refresh_from_db()
    return bool(changed)


class TokenRefused(Exception):
    """Why a token cannot be used, in words safe to send back to its caller."""


def api_client_for_token(token: str, *, now: datetime.datetime | None = None) -> ApiClient:
    """The client a bearer token belongs to, or TokenRefused (unknown, revoked or expired)."""
    now = now or timezone.now()
    try:
        client = ApiClient.objects.select_related("customer").get(token_hash=token_digest(token))
    except ApiClient.DoesNotExist:
        raise TokenRefused("Invalid token.") from None
    if client.revoked_at is not None:
        raise TokenRefused("This token has been revoked.")
    if client.expires_at is not None and client.expires_at <= now:
        raise TokenRefused("This token has expired.")
    if client.last_used_at is None or client.last_used_at < now - LAST_USED_EVERY:
        ApiClient.objects.filter(pk=client.pk).update(last_used_at=now)
        client.last_used_at = now
    return client


def api_call_log(
    *, client: ApiClient | None, method: str, path: str, status: int, duration_ms: int, now=None
) -> ApiCall:
    return ApiCall.objects.create(
        client=client,
        method=method[:10],
        path=path[:300],
        status=status,
        duration_ms=max(0, int(duration_ms)),
        at=now or timezone.now(),
    )


def api_calls_prune(*, now: datetime.datetime | None = None, days: int = CALL_LOG_DAYS) -> int:
    """Delete calls older than `days` (the nightly job); the number deleted. Idempotent."""
    before = (now or timezone.now()) - datetime.timedelta(days=days)
    deleted, _ = ApiCall.objects.filter(at__lt=before).delete()
    return deleted
