"""Benchmark the charter: compute every measure for a quarter and build the board report PDF on
100,000 engagement activities, 20,000 complaints and 50,000 survey responses in PostgreSQL.

Usage:
    DATABASE_URL=postgres://portal:portal@127.0.0.1:5432/portal_charter \
        .venv/bin/python benchmarks/board_report.py [--activities 100000] [--complaints 20000] \
        [--responses 50000] [--today 2026-11-23] [--keep]

It never touches the database named in DATABASE_URL: it creates (or recreates) a dedicated database
next to it, `<name>_charter_bench`, migrates it and loads the demo data (`seed_demo`), so every app's
rows are realistic and valid. It then grows the activities, complaints and survey responses (with their
answers) to the requested sizes by copying the demo rows through the apps' own models, moving each copy
back in time by up to 18 months (all of a row's dates together, so its own deadlines stay consistent).
An app whose models are not there yet is reported and skipped. Figures printed: time and query count to
compute every measure for the last closed quarter (before and after growing the data: the query count
must not change), which measures were computed and which are entered by hand, and the time to build
the quarterly and the annual PDF, end to end (`board_report_build`, as the worker runs it) and phase by
phase (figures refreshed, pack content with charts, template, WeasyPrint layout, PDF writing), wall
clock and this process's CPU (the rest of the wall time is PostgreSQL, or other load on the machine).
`--keep` reuses the benchmark database of an earlier run instead of seeding it again (minutes).
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
    parser.add_argument("--keep", action="store_true", help="reuse the database an earlier run seeded")
    args = parser.parse_args()

    source = os.environ.get("DATABASE_URL", "")
    if not source:
        raise SystemExit("Set DATABASE_URL to a PostgreSQL server (the benchmark creates its own database there).")
    os.environ["DATABASE_URL"] = bench_database(source, "charter_bench", reuse=args.keep)
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
    from charter.selectors import annual_report_default_year
    from charter.services import board_report_build
    from engagement.quarters import Period, Quarter
    from engagement.registry import COMPUTED_MEASURES

    print(f"Database: {os.environ['DATABASE_URL'].rsplit('@', 1)[-1]}")
    call_command("migrate", verbosity=0)
    quarter = Quarter.last_closed(args.today)
    seeded = args.keep and BoardReport.objects.exists()
    if not seeded:
        started = time.perf_counter()
        try:
            call_command("seed_demo", "--today", args.today.isoformat(), verbosity=0)
            print(f"Demo data loaded in {time.perf_counter() - started:.1f} s")
        except Exception as error:  # an app mid-build must not stop the charter's own figures
            print(f"Demo data incomplete ({type(error).__name__}: {error}); continuing with what was loaded")
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
    else:
        print("Reusing the seeded database (--keep)")

    elapsed, queries, outcome = _compute_all(quarter)
    print()
    print(f"Compute every measure for {quarter.label}:")
    if not seeded:
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

    from django.core.cache import cache

    print()
    for period in (Period.for_quarter(quarter), Period.for_year(annual_report_default_year(today=args.today))):
        cache.clear()  # charts are cached for a day: time them drawn, as a first build would
        with transaction.atomic():
            report = BoardReport.objects.create(
                kind=period.kind,
                period_start=period.start,
                period_end=period.end,
                period_label=period.label,
                version=BoardReport.objects.filter(kind=period.kind, period_start=period.start).count() + 1,
            )
        started, cpu = time.perf_counter(), time.process_time()
        board_report_build(report_id=report.pk)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        report.refresh_from_db()
        name = "Board report" if period.kind == "quarter" else "Annual customer voice report"
        print(
            f"{name} PDF for {period.label}: {report.status}, {report.page_count} pages, {elapsed:.1f} s "
            f"({cpu:.1f} s CPU in this process){' – ' + report.error if report.error else ''}"
        )
        cache.clear()
        print("  " + _phases(report))


def _phases(report) -> str:
    """The same build, phase by phase: where the time goes (wall clock / this process's CPU)."""
    from django.template.loader import render_to_string
    from django.utils import timezone
    from weasyprint import HTML

    from charter.pack import board_pack_context
    from charter.services import _quarters_to_refresh, charter_quarter_compute
    from engagement.registry import measure_batch

    marks = [(time.perf_counter(), time.process_time())]
    with measure_batch():
        for quarter in _quarters_to_refresh(report, now=timezone.now()):
            charter_quarter_compute(quarter=quarter)
        marks.append((time.perf_counter(), time.process_time()))
        context = board_pack_context(report=report)
        marks.append((time.perf_counter(), time.process_time()))
    html = render_to_string("charter/pdf/board_report.html", context)
    marks.append((time.perf_counter(), time.process_time()))
    document = HTML(string=html).render()
    marks.append((time.perf_counter(), time.process_time()))
    document.write_pdf()
    marks.append((time.perf_counter(), time.process_time()))
    names = ("figures refreshed", "pack content and charts", "template", "layout", "PDF written")
    return "; ".join(
        f"{name} {after[0] - before[0]:.2f}/{after[1] - before[1]:.2f} s"
        for name, before, after in zip(names, marks[:-1], marks[1:], strict=True)
    )


if __name__ == "__main__":
    main()
