"""Benchmark the Excel download of the activity list at landlord scale: 100,000 activities, the
manager's "all activities" list with `?_export=xlsx` (and the CSV beside it), time and peak memory.

Usage:
    DATABASE_URL=postgres://portal:portal@127.0.0.1:5432/portal_h2 \
        .venv/bin/python benchmarks/xlsx_export.py [--activities 100000] [--keep]

It never touches the database named in DATABASE_URL: it creates `<name>_xlsx_bench` next to it
(kept with --keep, so a second run skips seeding), seeds it with bulk_create, then runs each download
in a fresh child process through Django's test client (the view, the table, the writer, every byte
read), so each child's peak resident memory is that download's alone. A tenth of the rows (one patch
of ten) is measured too: if memory stays flat, the peak is the same for 10,000 and 100,000 rows.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks._support import bench_database  # noqa: E402


def _setup(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ["CELERY_BROKER_URL"] = "memory://"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "engagement.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(export_format: str, patch: str) -> None:
    """One download, measured in this process: wall and CPU time, bytes, rows, peak RSS."""
    from django.test import Client
    from django.urls import reverse

    from engagement.models import User

    client = Client()
    client.force_login(User.objects.get(username="manager"))
    params = {"_export": export_format}
    if patch:
        params["patch"] = patch
    client.get(reverse("activities:all"), {"patch": patch} if patch else {})  # warm the URL and templates
    before = _rss_mb()
    started, cpu = time.perf_counter(), time.process_time()
    response = client.get(reverse("activities:all"), params)
    first_byte = None
    size = 0
    for block in response.streaming_content:
        if first_byte is None:
            first_byte = time.perf_counter() - started
        size += len(block)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(
        json.dumps(
            {
                "format": export_format,
                "wall": wall,
                "cpu": cpu,
                "first_byte": first_byte,
                "bytes": size,
                "rss_before_mb": before,
                "rss_peak_mb": _rss_mb(),
            }  # fmt: skip
        )
    )


def seed(total: int) -> None:
    from django.utils import timezone

    from activities.models import ActivityStatus, ActivityType, EngagementActivity
    from engagement.models import Estate, EstateType, Patch, Role, User

    officers = User.objects.bulk_create(
        [User(username=f"officer{n}", first_name="Officer", last_name=str(n), role=Role.OFFICER) for n in range(40)]
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
            )  # fmt: skip
            for n in range(200)
        ]
    )
    rng = random.Random(20261124)
    now = timezone.now()
    types = list(ActivityType.values)
    batch = []
    for n in range(total):
        estate = estates[n % 200]
        starts = now - timezone.timedelta(days=rng.randrange(0, 1500), minutes=rng.randrange(0, 1440))
        batch.append(
            EngagementActivity(
                activity_type=rng.choice(types),
                title=f"Residents' meeting {n}" if n % 50 else f'=HYPERLINK("x","{n}")',
                purpose="Hear what residents think of the communal cleaning.",
                estate=estate,
                patch_id=estate.patch_id,
                starts_at=starts,
                lead_officer=officers[n % 40],
                customers_engaged=rng.randrange(0, 60),
                feedback_captured=True,
                feedback_notes="Cleaning is patchy.",
                status=ActivityStatus.VERIFIED,
                report_due_on=(starts + timezone.timedelta(days=7)).date(),
            )
        )
        if len(batch) == 5_000:
            EngagementActivity.objects.bulk_create(batch)
            batch = []
    EngagementActivity.objects.bulk_create(batch)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=100_000)
    parser.add_argument("--keep", action="store_true", help="reuse the benchmark database if it is there")
    parser.add_argument("--child", nargs=2, metavar=("FORMAT", "PATCH"), help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        _setup(os.environ["DATABASE_URL"])
        child(args.child[0], "" if args.child[1] == "-" else args.child[1])
        return

    source = os.environ.get("DATABASE_URL", "")
    if not source:
        raise SystemExit("Set DATABASE_URL to a PostgreSQL server (the benchmark creates its own database there).")
    url = bench_database(source, "xlsx_bench", reuse=args.keep)
    _setup(url)
    from django.core.management import call_command
    from django.db import connection

    from activities.models import EngagementActivity
    from engagement.models import Patch

    call_command("migrate", verbosity=0)
    if EngagementActivity.objects.count() != args.activities:
        EngagementActivity.objects.all().delete()
        started = time.perf_counter()
        seed(args.activities)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        print(f"Seeded {args.activities:,} activities in {time.perf_counter() - started:.1f} s")
    patch = str(Patch.objects.order_by("pk").values_list("pk", flat=True).first())
    tenth = EngagementActivity.objects.filter(patch_id=patch).count()
    connection.close()

    columns = ("rows", "wall s", "CPU s", "1st byte s", "MB sent", "RSS before", "RSS peak")
    widths = (8, 7, 6, 10, 8, 10, 9)
    print(f"{'download':<28} " + " ".join(f"{name:>{width}}" for name, width in zip(columns, widths, strict=True)))
    for export_format in ("xlsx", "csv"):
        for label, rows, patch_arg in (("one patch", tenth, patch), ("all", args.activities, "-")):
            out = (
                subprocess.run(
                    [sys.executable, __file__, "--child", export_format, patch_arg],
                    env={**os.environ, "DATABASE_URL": url},
                    capture_output=True,
                    text=True,
                    check=True,
                )
                .stdout.strip()
                .splitlines()[-1]
            )
            r = json.loads(out)
            print(
                f"{export_format.upper() + ', ' + label:<28} {rows:>8,} {r['wall']:>7.1f} {r['cpu']:>6.1f} "
                f"{r['first_byte']:>10.2f} {r['bytes'] / 1e6:>8.1f} "
                f"{r['rss_before_mb']:>8.0f}MB {r['rss_peak_mb']:>7.0f}MB"
            )


if __name__ == "__main__":
    main()
