"""What every benchmark script shares: a fresh PostgreSQL database of its own, next to the one
DATABASE_URL names, so a benchmark never touches real data, and the growing of demo rows to
landlord scale (copies through the apps' own models, moved back in time)."""

from __future__ import annotations

import datetime
import time
from urllib.parse import urlparse, urlunparse


def bench_database(url: str, suffix: str, *, reuse: bool = False) -> str:
    """Drop and create `<name>_<suffix>` on the server of `url`; returns its URL. With `reuse`, a
    database of that name that is already there is kept as it is (the caller checks it is complete)."""
    parsed = urlparse(url)
    if not parsed.scheme.startswith("postgres"):
        raise SystemExit("DATABASE_URL must point at PostgreSQL (postgres://user:pass@host:port/name).")
    name = parsed.path.lstrip("/") or "portal"
    bench_name = f"{name}_{suffix}"
    import psycopg

    admin_url = urlunparse(parsed._replace(path="/postgres", scheme="postgresql"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [bench_name]).fetchone()
        if not (reuse and exists):
            connection.execute(f'DROP DATABASE IF EXISTS "{bench_name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{bench_name}"')
    return urlunparse(parsed._replace(path=f"/{bench_name}"))


def _unique_field_names(model) -> set[str]:
    names = {f.name for f in model._meta.concrete_fields if f.unique and not f.primary_key}
    for constraint in model._meta.constraints:
        names.update(getattr(constraint, "fields", ()) or ())
    for together in model._meta.unique_together:
        names.update(together)
    return names


def _copy(row, *, index: int, shift: datetime.timedelta, unique: set[str], today: datetime.date, overrides=None):
    from django.db import models

    model = type(row)
    values = {}
    for field in model._meta.concrete_fields:
        if field.primary_key:
            continue
        value = getattr(row, field.attname)
        if isinstance(field, models.DateTimeField) and value is not None:
            value = value + shift
        elif isinstance(field, models.DateField) and value is not None:
            value = value + shift
        if field.name in unique and not (overrides and field.attname in overrides):
            # Copies must not collide with the row they were made from.
            if field.null:
                value = None
            elif isinstance(field, models.UUIDField):
                import uuid

                value = uuid.uuid4()
            elif isinstance(field, models.CharField):
                value = "" if field.blank and not field.unique else f"{value}"[: field.max_length - 8] + f"~{index:07x}"
        values[field.attname] = value
    values.update(overrides or {})
    return model(**values)


def grow(label, app_label, model_name, children, target, rng, today) -> str:
    from django.apps import apps
    from django.db import transaction

    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        return f"{label}: {app_label}.{model_name} does not exist yet, not seeded"
    templates = list(model.objects.all().order_by("pk")[:400])
    if not templates:
        return f"{label}: no demo rows to copy, not seeded"
    need = max(target - model.objects.count(), 0)
    unique = _unique_field_names(model)
    made = 0
    started = time.perf_counter()
    while made < need:
        batch = []
        for _ in range(min(5_000, need - made)):
            source = templates[made % len(templates)]
            shift = -datetime.timedelta(days=rng.randint(1, 540))
            batch.append((source, _copy(source, index=made, shift=shift, unique=unique, today=today), shift))
            made += 1
        with transaction.atomic():
            model.objects.bulk_create([copy for _source, copy, _shift in batch], batch_size=2_000)
            for relation in children:
                related = model._meta.get_field(relation)
                child_model, fk = related.related_model, related.field
                child_unique = _unique_field_names(child_model) - {fk.name}
                by_source = {}
                for child in child_model.objects.filter(**{f"{fk.name}__in": {s.pk for s, _c, _h in batch}}):
                    by_source.setdefault(getattr(child, fk.attname), []).append(child)
                copies = [
                    _copy(
                        child, index=i, shift=shift, unique=child_unique, today=today, overrides={fk.attname: copy.pk}
                    )
                    for i, (source, copy, shift) in enumerate(batch)
                    for child in by_source.get(source.pk, [])
                ]
                child_model.objects.bulk_create(copies, batch_size=5_000)
    return f"{label}: {model.objects.count():,} rows ({need:,} added in {time.perf_counter() - started:.1f} s)"
