"""What every benchmark script shares: a fresh PostgreSQL database of its own, next to the one
DATABASE_URL names, so a benchmark never touches real data."""

from __future__ import annotations

from urllib.parse import urlparse, urlunparse


def bench_database(url: str, suffix: str) -> str:
    """Drop and create `<name>_<suffix>` on the server of `url`; returns its URL."""
    parsed = urlparse(url)
    if not parsed.scheme.startswith("postgres"):
        raise SystemExit("DATABASE_URL must point at PostgreSQL (postgres://user:pass@host:port/name).")
    name = parsed.path.lstrip("/") or "portal"
    bench_name = f"{name}_{suffix}"
    import psycopg

    admin_url = urlunparse(parsed._replace(path="/postgres", scheme="postgresql"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{bench_name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{bench_name}"')
    return urlunparse(parsed._replace(path=f"/{bench_name}"))
