"""Benchmark the daily activity-report chase on 100,000 activities, 5,000 of them overdue.

Usage:
    DATABASE_URL=postgres://portal:portal@127.0.0.1:5432/portal_activities \
        .venv/bin/python benchmarks/chase_overdue.py [--activities 100000] [--overdue 5000] [--today 2026-11-24]

It never touches the database named in DATABASE_URL: it creates (or recreates) a dedicated
database next to it, `<name>_chase_bench`, migrates it, seeds it with bulk_create, times the chase
job, and runs it a second time to show that nothing is sent twice. Emails are queued to an
in-memory Celery broker, so the figures are the job's own work (queries, claims, notifications).
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import sys
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _bench_database(url: str) -> str:
    parsed = urlparse(url)
    if not parsed.scheme.startswith("postgres"):
        raise SystemExit("DATABASE_URL must point at PostgreSQL (postgres://user:pass@host:port/name).")
    name = parsed.path.lstrip("/") or "portal"
    bench_name = f"{name}_chase_bench"
    import psycopg

    admin_url = urlunparse(parsed._replace(path="/postgres", scheme="postgresql"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{bench_name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{bench_name}"')
    return urlunparse(parsed._replace(path=f"/{bench_name}"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=100_000)
    parser.add_argument("--overdue", type=int, default=5_000)
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date(2026, 11, 24))
    args = parser.parse_args()

    source = os.environ.get("DATABASE_URL", "")
    if not source:
        raise SystemExit("Set DATABASE_URL to a PostgreSQL server (the benchmark creates its own database there).")
    os.environ["DATABASE_URL"] = _bench_database(source)
    os.environ["CELERY_BROKER_URL"] = "memory://"
    os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "engagement.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    print(f"Database: {connection.settings_dict['NAME']} (fresh, migrated)")
    call_command("migrate", verbosity=0)

    started = time.perf_counter()
    _seed(args.activities, args.overdue, args.today)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"Seeded {args.activities:,} activities ({args.overdue:,} overdue) in {time.perf_counter() - started:.1f} s")

    from activities.services import activity_reports_chase, chase_candidates

    plan = chase_candidates(today=args.today).explain()
    print("Candidate query plan:")
    for line in plan.splitlines():
        print(f"    {line}")

    from engagement.models import Notification

    for run in (1, 2):
        before = Notification.objects.count()
        started = time.perf_counter()
        sent = activity_reports_chase(today=args.today)
        elapsed = time.perf_counter() - started
        notices = sum(sent.values())
        print(
            f"Run {run}: {notices:,} new notices {dict(sent)} "
            f"({Notification.objects.count() - before:,} in-app notifications) in {elapsed:.2f} s"
        )


def _seed(total: int, overdue: int, today: datetime.date) -> None:
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from activities.models import ActivityStatus, ActivityType, EngagementActivity, report_due_for
    from engagement.models import Estate, EstateType, Patch, Role, User

    rng = random.Random(20261124)
    password = make_password("benchmark-only")
    officers = User.objects.bulk_create(
        [
            User(username=f"officer{n}", first_name="Officer", last_name=str(n), role=Role.OFFICER, password=password)
            for n in range(40)
        ]
    )
    User.objects.create(username="manager", first_name="Mina", last_name="Manager", role=Role.MANAGER)
    patches = Patch.objects.bulk_create(
        [Patch(name=f"Patch {n}", code=f"P{n}", officer=officers[n]) for n in range(10)]
    )
    estates = Estate.objects.bulk_create(
        [
            Estate(
                name=f"Estate {n}",
                patch=patches[n % 10],
                estate_type=EstateType.GENERAL_NEEDS,
                homes=200,
                officer=officers[n % 40],
            )
            for n in range(200)
        ]
    )
    types = [t for t in ActivityType.values if t not in ("lifestyle", "breakfast_club", "informal_chat")]

    def activity(n: int, starts_at, status) -> EngagementActivity:
        estate = estates[n % len(estates)]
        reported = status in (ActivityStatus.REPORTED, ActivityStatus.VERIFIED)
        return EngagementActivity(
            activity_type=rng.choice(types),
            title=f"Activity {n}",
            purpose="Benchmark",
            estate=estate,
            patch_id=estate.patch_id,
            starts_at=starts_at,
            lead_officer=officers[n % len(officers)],
            customers_engaged=rng.randint(1, 40),
            status=status,
            report_due_on=report_due_for(starts_at),
            reported_at=starts_at + datetime.timedelta(days=3) if reported else None,
        )

    def moment(days_ago: int):
        return timezone.make_aware(
            datetime.datetime.combine(today - datetime.timedelta(days=days_ago), datetime.time(10))
        )

    batch = []
    for n in range(total):
        if n < overdue:
            # Held, report owed and late: due 1 to 40 days ago (overdue notices and escalations of every week).
            row = activity(n, moment(8 + n % 40), ActivityStatus.HELD)
        elif n % 20 == 0:
            row = activity(n, timezone.now() + datetime.timedelta(days=rng.randint(10, 60)), ActivityStatus.PLANNED)
        elif n % 20 == 1:
            row = activity(n, moment(rng.randint(0, 4)), ActivityStatus.HELD)  # report due in 3+ days
        else:
            status = ActivityStatus.VERIFIED if n % 3 else ActivityStatus.REPORTED
            row = activity(n, moment(rng.randint(10, 730)), status)
        batch.append(row)
        if len(batch) == 5_000:
            EngagementActivity.objects.bulk_create(batch)
            batch = []
    EngagementActivity.objects.bulk_create(batch)


if __name__ == "__main__":
    main()
