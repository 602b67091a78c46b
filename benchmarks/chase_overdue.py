"""Benchmark the one daily chase on 100,000 activities, 5,000 of them overdue, against the
per-notice chase it replaced (baseline), interleaved in one run.

Usage:
    DATABASE_URL=postgres://portal:portal@127.0.0.1:5432/portal_activities \
        .venv/bin/python benchmarks/chase_overdue.py [--activities 100000] [--overdue 5000] [--today 2026-11-24]

It never touches the database named in DATABASE_URL: it creates (or recreates) a dedicated
database next to it, `<name>_chase_bench`, migrates it, seeds it with bulk_create, times the chase
job (and the baseline, on a cleared claim table each time), runs it a second time to show that
nothing is sent twice, and times it with a tenth of the activities to show it grows with what is
overdue, not with the table. Emails are queued to an in-memory Celery broker, so the figures are
the job's own work (queries, claims, notifications, email tasks queued).
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks._support import bench_database  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=100_000)
    parser.add_argument("--overdue", type=int, default=5_000)
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date(2026, 11, 24))
    parser.add_argument("--rounds", type=int, default=2, help="interleaved baseline/engine rounds")
    args = parser.parse_args()

    source = os.environ.get("DATABASE_URL", "")
    if not source:
        raise SystemExit("Set DATABASE_URL to a PostgreSQL server (the benchmark creates its own database there).")
    os.environ["DATABASE_URL"] = bench_database(source, "chase_bench")
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

    # Small first: the same overdue reports among few activities, then the rest added, to show the
    # chase grows with what is overdue, not with the table.
    small = min(args.activities, max(args.overdue * 2, 10_000))
    started = time.perf_counter()
    _seed(small, args.overdue, args.today, first=0)
    _analyze(connection)
    print(f"Seeded {small:,} activities ({args.overdue:,} overdue) in {time.perf_counter() - started:.1f} s")
    at_small = min(_time_engine(args.today) for _ in range(2))  # the first run also warms caches
    started = time.perf_counter()
    _seed(args.activities - small, 0, args.today, first=small)
    _analyze(connection)
    print(f"Added {args.activities - small:,} activities in {time.perf_counter() - started:.1f} s")

    from activities.deadlines import _reports_owed
    from engagement.workdays import next_working_day

    print("Candidate query plan (the chase's one read of activity reports):")
    for line in _reports_owed(due_by=next_working_day(args.today)).explain().splitlines():
        print(f"    {line}")

    print(f"\nThe chase on {args.today} with {args.activities:,} activities, {args.overdue:,} reports overdue:")
    print(f"{'round':>5}  {'baseline: per-notice (before)':>30}  {'engine: batched (after)':>24}  {'notices':>8}")
    for number in range(1, args.rounds + 1):
        _clear()
        before, sent_before = _timed(lambda: _baseline_chase(args.today))
        _clear()
        after, sent_after = _timed(lambda: _engine_chase(args.today))
        assert sent_before == sent_after, (sent_before, sent_after)
        print(f"{number:>5}  {before:>28.2f} s  {after:>22.2f} s  {sent_after:>8,}")
    again, sent_again = _timed(lambda: _engine_chase(args.today))
    print(f"A second run the same day sends {sent_again} notices in {again:.2f} s (each notice once).")
    at_full = min(_time_engine(args.today) for _ in range(2))
    print(
        f"O(overdue): the chase took {at_small:.2f} s with {small:,} activities and {at_full:.2f} s with "
        f"{args.activities:,} (x{at_full / at_small:.2f} for x{args.activities / small:.0f} the rows)."
    )
    print("Goal: under 5 s for the batched chase at this scale; before: 20.7 s measured in the issue.")


def _analyze(connection) -> None:
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _timed(run):
    started = time.perf_counter()
    sent = run()
    return time.perf_counter() - started, sent


def _clear() -> None:
    from engagement.models import ChaseNotice, Notification

    ChaseNotice.objects.all().delete()
    Notification.objects.all().delete()


def _time_engine(today) -> float:
    _clear()
    elapsed, _ = _timed(lambda: _engine_chase(today))
    _clear()
    return elapsed


def _engine_chase(today) -> int:
    from engagement.deadlines.chase import deadlines_chase

    return sum(deadlines_chase(today=today).values())


def _baseline_chase(today) -> int:
    """The chase as it was before the engine (activities.services.activity_reports_chase at
    8c20a7d): the same candidates, then one transaction per notice: claim row, lock and re-check
    the activity, one notify() (one INSERT and one email task) per recipient."""
    from django.db import IntegrityError, transaction

    from activities.deadlines import KIND
    from activities.models import EngagementActivity
    from engagement.deadlines.chase import _due_notices, recipients_for
    from engagement.models import ChaseNotice, User
    from engagement.services import notify

    managers = list(User.objects.managers())
    sent = 0
    for deadline, step, period in _due_notices(KIND, today)[0]:
        try:
            with transaction.atomic():
                ChaseNotice.objects.create(
                    kind=KIND.key, object_id=deadline.object_id, due_on=deadline.due_on, step=step, period=period
                )
                if not EngagementActivity.objects.select_for_update().filter(pk=deadline.object_id).exists():
                    continue
                title, body = KIND.notice(deadline, step, today)
                for person in recipients_for(deadline=deadline, step=step, managers=managers):
                    notify(person, title=title, body=body, url=deadline.url)
                sent += 1
        except IntegrityError:
            continue
    return sent


def _seed(total: int, overdue: int, today: datetime.date, *, first: int) -> None:
    from django.contrib.auth.hashers import make_password

    from activities.deadlines import report_due_for
    from activities.models import ActivityType
    from engagement.models import Estate, Role, User

    rng = random.Random(20261124 + first)
    if first:
        officers = list(User.objects.filter(role=Role.OFFICER).order_by("pk"))
        estates = list(Estate.objects.order_by("pk"))
    else:
        officers, estates = _seed_people_and_places(make_password("benchmark-only"))
    types = [t for t in ActivityType.values if t not in ("lifestyle", "breakfast_club", "informal_chat")]
    _seed_activities(total, overdue, today, first, officers, estates, types, rng, report_due_for)


def _seed_people_and_places(password):
    from engagement.models import Estate, EstateType, Patch, Role, User

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
                homes_lcra=200,
                officer=officers[n % 40],
            )
            for n in range(200)
        ]
    )
    return officers, estates


def _seed_activities(total, overdue, today, first, officers, estates, types, rng, report_due_for):
    from django.utils import timezone

    from activities.models import ActivityStatus, EngagementActivity

    def activity(n: int, starts_at, status) -> EngagementActivity:
        estate = estates[n % len(estates)]
        reported = status in (ActivityStatus.REPORTED, ActivityStatus.VERIFIED)
        return EngagementActivity(
            activity_type=rng.choice(types),
            title=f"Activity {first + n}",
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
