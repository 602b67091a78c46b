"""Protections every page shares: who the client really is behind the proxy, the Content-Security-Policy,
`no-store` for logged-in pages, idle session expiry and throttled password-reset e-mails.

Client address. In production the portal sits behind a TLS proxy, so REMOTE_ADDR is the proxy's and the
visitor's address is in X-Forwarded-For — which anyone can also send. The header is believed only when
the request came from a proxy listed in TRUSTED_PROXIES (addresses or networks), and then only as far as
the chain of trusted proxies goes: the first address from the right that is not a trusted proxy is the
client. Without TRUSTED_PROXIES the header is ignored. django-axes (AXES_CLIENT_IP_CALLABLE) and the
password-reset throttle both key on this address, so nobody can lock another person out by sending a
made-up header, and everyone behind the proxy is not one address.
"""

from __future__ import annotations

import hashlib
import ipaddress
import time
from functools import lru_cache

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.core.cache import cache
from django.utils.cache import add_never_cache_headers

# Scripts only from our own static files: no inline script, no eval. Bootstrap's CSS draws its
# icons (menu button, select arrow) as data: SVGs, hence img-src data:.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


@lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]):
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)


def _is_trusted(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return False
    return any(ip in network for network in _networks(tuple(settings.TRUSTED_PROXIES)))


def client_ip(request) -> str | None:
    """The visitor's address: X-Forwarded-For only behind a trusted proxy (see the module docstring)."""
    remote = request.META.get("REMOTE_ADDR") or None
    if not remote or not _is_trusted(remote):
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    for address in reversed(forwarded):
        if not _is_trusted(address):
            try:
                return str(ipaddress.ip_address(address))
            except ValueError:
                return remote  # a garbled header: keep the proxy's address rather than believe it
    return forwarded[0] if forwarded else remote


def counter_add(scope: str, key: str, amount: int = 1, *, seconds: int) -> int:
    """Add `amount` to the counter for (scope, key) in the current window of `seconds`; the new total.

    Cache-based (Redis in production), so every web process shares the count. Keys are hashed
    (e-mail addresses are not kept in the cache) and prefixed with COUNTER_NAMESPACE (tests use a
    fresh one each, so counts never leak from one test or run into the next)."""
    digest = hashlib.sha256(f"{scope}:{key}".lower().encode()).hexdigest()[:32]
    cache_key = f"{settings.COUNTER_NAMESPACE}counter:{scope}:{digest}:{int(time.time() // seconds)}"
    cache.add(cache_key, 0, timeout=seconds)
    try:
        return cache.incr(cache_key, amount)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, amount, timeout=seconds)
        return amount


def throttle_hit(scope: str, key: str, *, limit: int, seconds: int) -> bool:
    """Count one attempt for (scope, key); True while within `limit` per `seconds` window."""
    return counter_add(scope, key, seconds=seconds) <= limit


def idle_limit_seconds(user) -> int:
    """Staff see many people's details: 30 minutes. Customers fill in surveys slowly on a phone: 2 hours."""
    if getattr(user, "is_engagement_staff", False) or user.is_staff:
        return settings.SESSION_IDLE_STAFF_SECONDS
    return settings.SESSION_IDLE_CUSTOMER_SECONDS


IDLE_KEY = "last_seen"
# Touching the session on every request would write it every time; once a minute is precise enough.
TOUCH_EVERY_SECONDS = 60


def start_idle_clock(sender, request, user, **kwargs):
    """user_logged_in receiver: the clock starts at log-in, saved with the new session, so the
    pages that follow do not each write the session just to start it."""
    if request is not None and hasattr(request, "session"):
        request.session[IDLE_KEY] = int(time.time())


class SecurityHeadersMiddleware:
    """CSP on every response, `no-store` on every response to a logged-in user, idle logout.

    Goes after AuthenticationMiddleware and MessageMiddleware (it needs the user and messages)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        self._expire_idle_session(request)
        response = self.get_response(request)
        # A private file sets its own, stricter sandbox policy.
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        if getattr(request, "user", None) is not None and request.user.is_authenticated:
            if "no-store" not in response.get("Cache-Control", ""):
                add_never_cache_headers(response)
        return response

    def _expire_idle_session(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return
        now = int(time.time())
        last_seen = request.session.get(IDLE_KEY)
        if last_seen is not None and now - last_seen > idle_limit_seconds(user):
            minutes = idle_limit_seconds(user) // 60
            logout(request)  # flushes the session: the next page asks for the password again
            messages.info(
                request, f"You were logged out after {minutes} minutes without activity. Please log in again."
            )
            return
        if last_seen is None or now - last_seen >= TOUCH_EVERY_SECONDS:
            request.session[IDLE_KEY] = now
