"""Rate limit per token (DRF throttling). Counts live in the default cache: Redis in production
(REDIS_URL), so every web process shares them; the rate is REST_FRAMEWORK's "api_token"."""

from __future__ import annotations

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from .permissions import client_of


class TokenRateThrottle(SimpleRateThrottle):
    scope = "api_token"

    def get_cache_key(self, request, view):
        client = client_of(request)
        if client is None:
            return None  # refused before this point (401); nothing to count
        return f"{settings.COUNTER_NAMESPACE}throttle:{self.scope}:{client.pk}"
