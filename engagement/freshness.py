"""Readings kept until what they read changes: dashboard panels, list pages, the overdue board and
the charter quarter's measures.

A dashboard panel's figures depend on three things only: the rows it reads, the person looking and
the day. So a panel worked out once can be shown again, as it is, until one of those changes:

* **A table it read is written.** django-cachalot (its query cache off, see settings) stamps a
  table in the shared cache whenever Django writes to it: save, update, bulk_create, delete, a
  migration or raw SQL, in a web request or in the Celery worker, and inside a transaction at its
  commit. A kept reading's key holds the exact stamps of the tables it read, so a write anywhere
  makes a new key. (Exact values, not "newer than": the web and worker machines' clocks need not
  agree.) Stamps are read before the reading is worked out, so a write that lands meanwhile leaves
  the result under stamps that are already out of date, never under new ones.
* **The person, their role or the day.** All three are in the key.
* **Time passing within the day** ("overdue since this morning", a meeting that has started): a
  reading is kept for at most `FRESH_SECONDS` whatever happens. A local-memory cache is one
  process's own and never sees the worker's writes, so there (development) it is half a minute.

Which tables a reading reads is learned, not declared, so no list can fall out of date: the first
time a process works a reading out, every query it runs is watched (a connection execute wrapper,
including querysets evaluated when the result is pickled) and the tables named in its SQL are
remembered. Nothing is kept until that has happened once. If a later working-out reads a table not
seen before (a branch taken only for some data), that result is not kept and the table is added.
A branch can only be taken differently because data the reading read has changed (new stamps), or
the person or the day (a new key), so every key's tables are complete.

Aggregates that several panels share through `registry.batch_cached` hand the tables they read on
to every reading that uses them (`tables_note`). Drawn HTML holding a form's CSRF token is never
kept (the token belongs to one browser's session): forms are drawn live around what is kept.
"""

from __future__ import annotations

import contextlib
import contextvars
import hashlib
import logging
import pickle
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.cache import cache as default_cache
from django.db import DEFAULT_DB_ALIAS, connection

logger = logging.getLogger(__name__)

FRESH_SECONDS = 5 * 60
LOCAL_FRESH_SECONDS = 30
# Change when what a kept reading holds changes shape in a way its template cannot read.
KEPT_FORMAT = "1"

_WATCHING: contextvars.ContextVar[tuple[set, ...]] = contextvars.ContextVar("tables_read", default=())
_LEARNED: dict[str, frozenset[str]] = {}
_QUOTED = re.compile(r'"([^"]+)"')
CSRF_FIELD = b"csrfmiddlewaretoken"


@dataclass(frozen=True)
class Reading:
    """One thing to work out: `name` says what (a panel's template), `scope` for whom and when."""

    name: str
    scope: tuple
    work: Callable[[], Any]


@cache
def _model_tables() -> frozenset[str]:
    return frozenset(model._meta.db_table for model in apps.get_models(include_auto_created=True))


def _watch(execute, sql, params, many, context):
    tables_note(_model_tables().intersection(_QUOTED.findall(sql)))
    return execute(sql, params, many, context)


@contextlib.contextmanager
def tables_read() -> Iterator[set[str]]:
    """Collects the tables every query run inside it names (nested watches all see them)."""
    read: set[str] = set()
    outer = _WATCHING.get()
    token = _WATCHING.set((*outer, read))
    try:
        if outer:
            yield read
        else:
            with connection.execute_wrapper(_watch):
                yield read
    finally:
        _WATCHING.reset(token)


def tables_note(tables) -> None:
    """Tell every watch in progress that these tables were read (e.g. by a shared aggregate)."""
    for read in _WATCHING.get():
        read.update(tables)


def table_stamps(tables) -> dict[str, float]:
    """Each table's last-write stamp; a table with none yet (a fresh cache) is left out."""
    from cachalot.cache import cachalot_caches
    from cachalot.settings import cachalot_settings

    keygen = cachalot_settings.CACHALOT_TABLE_KEYGEN
    keys = {keygen(DEFAULT_DB_ALIAS, table): table for table in tables}
    if not keys:
        return {}
    # The transaction-aware cache: a write earlier in this transaction counts.
    found = cachalot_caches.get_cache(db_alias=DEFAULT_DB_ALIAS).get_many(list(keys))
    return {keys[key]: stamp for key, stamp in found.items()}


def _stamp_missing(tables) -> None:
    """Give tables with no stamp one, so the next request can key on them."""
    from cachalot.api import invalidate

    invalidate(*tables, db_alias=DEFAULT_DB_ALIAS)


def cache_is_shared() -> bool:
    """Whether every process sees the same default cache (Redis), not each its own memory."""
    return not settings.CACHES["default"]["BACKEND"].endswith("LocMemCache")


def _fresh_seconds() -> int:
    return FRESH_SECONDS if cache_is_shared() else LOCAL_FRESH_SECONDS


def _key(reading: Reading, tables: frozenset[str], stamps: dict[str, float]) -> str:
    parts = (KEPT_FORMAT, reading.name, reading.scope, tuple((table, stamps[table]) for table in sorted(tables)))
    return "reading:" + hashlib.sha256(repr(parts).encode()).hexdigest()


def readings_kept(readings: Sequence[Reading]) -> list:
    """Each reading's value: kept from an earlier request if nothing it read has changed since,
    else worked out now (and kept when it can be). Two cache round trips for the lot."""
    learned = [_LEARNED.get(reading.name) for reading in readings]
    wanted = set().union(*(tables for tables in learned if tables))
    stamps = table_stamps(wanted)
    keys: list[str | None] = [
        _key(reading, tables, stamps) if tables is not None and tables <= stamps.keys() else None
        for reading, tables in zip(readings, learned, strict=True)
    ]
    found = default_cache.get_many([key for key in keys if key]) if any(keys) else {}

    values, to_keep = [], {}
    for reading, tables, key in zip(readings, learned, keys, strict=True):
        if key in found:
            try:
                values.append(pickle.loads(found[key]))
                continue
            except Exception:  # noqa: BLE001  (kept by an older release, its classes since changed: work it out)
                logger.warning("Reading %s kept earlier could not be read back; worked out again", reading.name)
        with tables_read() as read:
            value = reading.work()
            try:
                # Inside the watch: pickling evaluates any lazy queryset the value holds.
                kept = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            except (pickle.PicklingError, TypeError, AttributeError):
                logger.warning("Reading %s cannot be kept (its value does not pickle)", reading.name)
                kept = None
        if kept is not None and CSRF_FIELD in kept:
            # A form's token belongs to one browser's session: drawn HTML holding one is never kept.
            logger.warning("Reading %s cannot be kept (it holds a form's CSRF token)", reading.name)
            kept = None
        _LEARNED[reading.name] = frozenset(read | (tables or set()))
        if key is not None and kept is not None and read <= tables:
            to_keep[key] = kept
        values.append(value)
    if to_keep:
        default_cache.set_many(to_keep, _fresh_seconds())
    if unstamped := wanted - stamps.keys():
        _stamp_missing(unstamped)
    return values
