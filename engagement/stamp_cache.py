"""The cache that holds the tables' write stamps (settings CACHALOT_CACHE = "stamps").

django-cachalot stamps a table when a transaction that wrote to it commits: after the commit, in
the same request. If Redis is down then, the data is already saved, and the request must still
answer as usual, not 500 ("nothing lost", as for the broker). So this cache logs what it could not
do instead of raising. Nothing stale can be shown meanwhile: the kept panels live in the same Redis,
which is down too, and any panel kept from before is dropped within freshness.FRESH_SECONDS.
"""

from __future__ import annotations

import logging

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# What redis-py raises when the server refuses, drops or does not answer the connection.
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)


class ForgivingRedisCache(RedisCache):
    """Django's Redis cache, for stamps: reads that fail find nothing, writes that fail are logged."""

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version=version)
        except UNREACHABLE:
            logger.warning("Table stamps could not be read (Redis unreachable): panels are worked out afresh")
            return {}

    def set_many(self, data, timeout=None, version=None):
        try:
            return super().set_many(data, timeout=timeout, version=version)
        except UNREACHABLE:
            logger.warning("Table stamps could not be written (Redis unreachable): %d tables", len(data))
            return list(data)
