"""Benchmark the charter: compute every measure for a quarter and build the board report PDF on
100,000 engagement activities, 20,000 complaints and 50,000 survey responses in PostgreSQL.

Usage:
    DATABASE_URL=postgres://portal:portal@127.0.0.1:5432/portal_charter \
        .venv/bin/python benchmarks/board_report.py [--activities 100000] [--complaints 20000] \
        [--responses 50000] [--today 2026-11-23]

It never touches the database named in DATABASE_URL: it creates (or recreates) a dedicated database
next to it, `<name>_charter_bench`, migrates it and loads the demo data (`seed_demo`), so every app's
rows are realistic and valid. It then grows the activities, complaints and survey responses (with their
answers) to the requested sizes by copying the demo rows through the apps' own models, moving each copy
back in time by up to 18 months (all of a row's dates together, so its own deadlines stay consistent).
An app whose models are not there yet is reported and skipped. Figures printed: time and query count to
compute every measure for the last closed quarter (before and after growing the data: the query count
must not change), which measures were computed and which are entered by hand, and the time to build
the PDF.
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

from benchmarks._support import bench_database, grow  # noqa: E402

# (label, app label, model name, child relations copied with each row)
GROWN = [
    ("activities", "activities", "EngagementActivity", []),
    ("complaints", "feedback", "Complaint", []),
    ("responses", "surveys", "Response", ["answers"]),
]


def _compute_all(quarter):
    from django.db import connection

    from charter.services import charter_quarter_compute

    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        started = time.perf_counter()
        outcome = charter_quarter_compute(quarter=quarter)
        elapsed = time.perf_counter() - started
    return elapsed, len(queries), outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=100_000)
    parser.add_argument("--complaints", type=int, default=20_000)
    parser.add_argument("--responses", type=int, default=50_000)
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date(2026, 11, 23))
    args = parser.parse_args()

    source = os.environ.get("DATABASE_URL", "")
    if not source:
        raise SystemExit("Set DATABASE_URL to a PostgreSQL server (the benchmark creates its own database there).")
    os.environ["DATABASE_URL"] = bench_database(source, "charter_bench")
    os.environ["CELERY_BROKER_URL"] = "memory://"
    os.environ["CELERY_TASK_ALWAYS_EAGER"] = "0"
    os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "engagement.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ.setdefault("MEDIA_ROOT", str(ROOT / "var" / "bench-media"))

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import transaction

    from charter.models import BoardReport, Measure
    from charter.services import board_report_build
    from engagement.quarters import Period, Quarter
    from engagement.registry import COMPUTED_MEASURES

    print(f"Database: {os.environ['DATABASE_URL'].rsplit('@', 1)[-1]}")
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    try:
        call_command("seed_demo", "--today", args.today.isoformat(), verbosity=0)
        print(f"Demo data loaded in {time.perf_counter() - started:.1f} s")
    except Exception as error:  # an app mid-build must not stop the charter's own figures
        print(f"Demo data incomplete ({type(error).__name__}: {error}); continuing with what was loaded")

    quarter = Quarter.last_closed(args.today)
    base_time, base_queries, _ = _compute_all(quarter)

    rng = random.Random(20261123)
    targets = {"activities": args.activities, "complaints": args.complaints, "responses": args.responses}
    for label, app_label, model_name, children in GROWN:
        try:
            print(grow(label, app_label, model_name, children, targets[label], rng, args.today))
        except Exception as error:
            print(f"{label}: could not be grown ({type(error).__name__}: {error})")
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    elapsed, queries, outcome = _compute_all(quarter)
    print()
    print(f"Compute every measure for {quarter.label}:")
    print(f"  demo data only:  {base_time * 1000:8.0f} ms, {base_queries} queries")
    print(f"  grown data:      {elapsed * 1000:8.0f} ms, {queries} queries")
    print(f"  stored {outcome['stored']} figures; failed: {', '.join(outcome['failed']) or 'none'}")

    measures = list(Measure.objects.active().select_related("mirror_of").order_by("commitment__number", "order"))
    computed = [m.code for m in measures if m.is_computable]
    manual = [m.code for m in measures if not m.is_computable]
    missing_keys = sorted({m.computed_key for m in measures if m.source == "computed" and not m.is_computable})
    print(f"  {len(computed)} measures computed: {', '.join(computed)}")
    print(f"  {len(manual)} entered by hand: {', '.join(manual)}")
    if missing_keys:
        print(f"  keys not registered yet (entered by hand until they are): {', '.join(missing_keys)}")
    print(f"  registered computed measures in the portal: {len(COMPUTED_MEASURES)}")

    period = Period.for_quarter(quarter)
    with transaction.atomic():
        report = BoardReport.objects.create(
            kind=period.kind, period_start=period.start, period_end=period.end, period_label=period.label
        )
    started = time.perf_counter()
    board_report_build(report_id=report.pk)
    elapsed = time.perf_counter() - started
    report.refresh_from_db()
    print()
    print(
        f"Board report PDF for {quarter.label}: {report.status}, {report.page_count} pages, "
        f"{elapsed:.1f} s (includes recomputing the quarter's figures){' – ' + report.error if report.error else ''}"
    )

    year = Period.for_year(args.today.year - 1)
    with transaction.atomic():
        annual = BoardReport.objects.create(
            kind=year.kind, period_start=year.start, period_end=year.end, period_label=year.label
        )
    started = time.perf_counter()
    board_report_build(report_id=annual.pk)
    annual.refresh_from_db()
    print(
        f"Annual customer voice report {args.today.year - 1}: {annual.status}, {annual.page_count} pages, "
        f"{time.perf_counter() - started:.1f} s (four quarters recomputed plus the year's figures)"
    )


if __name__ == "__main__":
    main()
