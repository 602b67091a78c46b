"""Benchmark the housing system import on a landlord-sized customer file: 50,000 customers (+ 20
patches and 500 estates), through the real path (import_run_start → dry run → import_commit).

Usage:
    DATABASE_URL=postgres://portal:portal@127.0.0.1:5432/portal_h1 \
        .venv/bin/python benchmarks/customer_import.py [--customers 50000] [--estates 500] [--baseline 5000]

It never touches the database named in DATABASE_URL: it creates (or recreates) `<name>_import_bench`
next to it and migrates it. For each step it prints the wall time and the process's peak memory
during the step (resident set size, sampled every 20 ms from /proc, and how much it grew over the
step's start), with this process's CPU time (fairer than wall time on a shared machine; the load
average is printed first and last). tracemalloc was tried first: it slowed this Python-heavy work down about tenfold, so
its times meant nothing; `--tracemalloc` still runs the first dry run under it, for Python's own
allocations. Steps: the first dry run and commit (every
row new), the same file again (every row unchanged: nothing written), and an updated full extract
(1% of customers changed, 0.5% gone: ended, not deleted). With --baseline N, django-import-export's
defaults (a query per row to find each record and its estate, the HTML diff, a save per row) are
timed on the first N rows for comparison.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import resource
import sys
import tempfile
import threading
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks._support import bench_database  # noqa: E402

TENURES = ["general_needs"] * 7 + ["care_supported", "young_people", "leaseholder", "shared_owner"]
CHANNELS = ["email", "phone", "sms", "letter", "in_person"]
FIRST = ["Ann", "Bola", "Chris", "Deepa", "Eilidh", "Femi", "Grace", "Hamid", "Iris", "Jan", "Kofi", "Lena"]
LAST = ["Smith", "Okafor", "Jones", "Patel", "Hughes", "Begum", "Taylor", "Khan", "Evans", "Nowak", "Brown"]
CUSTOMER_HEADER = [
    "Person ID", "Tenancy Ref", "Title", "Forename", "Surname", "Address Line 1", "Postcode", "Scheme", "Tenure",
    "Email", "Phone", "Contact Method", "Language", "Large Print", "Braille", "Easy Read", "Consent",
]  # fmt: skip


def estates_csv(count: int) -> bytes:
    rows = ["Scheme No,Scheme Name,Patch,Type,Rented,Shared Ownership,Leasehold"]
    for n in range(1, count + 1):
        rows.append(f"S{n:04d},Scheme {n},A{n % 20 + 1:02d},general_needs,{80 + n % 50},{n % 12},{n % 7}")
    return ("\n".join(rows) + "\n").encode()


def customer_rows(count: int, estates: int, seed: int = 7) -> list[list[str]]:
    rng = random.Random(seed)
    rows = []
    for n in range(1, count + 1):
        rows.append(
            [
                f"PER{n:07d}",
                f"TEN{n:07d}",
                rng.choice(["Mr", "Mrs", "Ms", "Mx", ""]),
                rng.choice(FIRST),
                rng.choice(LAST),
                f"{n % 200 + 1} Example Road",
                f"B{n % 90 + 1} {n % 9}{'ABDEFGHJLNPQRSTUWXYZ'[n % 20]}{'ABDEFGHJLNPQRSTUWXYZ'[(n // 20) % 20]}",
                f"S{rng.randint(1, estates):04d}",
                rng.choice(TENURES),
                f"person{n}@example.org" if n % 3 else "",
                f"0121 496 {n % 10000:04d}",
                rng.choice(CHANNELS),
                "English" if n % 11 else "Polish",
                "yes" if n % 17 == 0 else "no",
                "no",
                "yes" if n % 29 == 0 else "no",
                "yes" if n % 4 else "no",
            ]
        )
    return rows


def to_csv(header: list[str], rows: list[list[str]]) -> bytes:
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode()


def _rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * resource.getpagesize() / 1e6


def measure(label: str, function, *, trace: bool = False):
    start_rss, peak = _rss_mb(), [_rss_mb()]
    stop = threading.Event()

    def sample():
        while not stop.wait(0.02):
            peak[0] = max(peak[0], _rss_mb())

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    if trace:
        tracemalloc.start()
    started, cpu_started = time.perf_counter(), time.process_time()
    result = function()
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    traced = tracemalloc.get_traced_memory()[1] if trace else 0
    if trace:
        tracemalloc.stop()
    stop.set()
    sampler.join()
    peak[0] = max(peak[0], _rss_mb())
    extra = f"   (tracemalloc peak {traced / 1e6:.1f} MB; time slowed by tracing)" if trace else ""
    print(
        f"{label:<52} {elapsed:6.1f} s (CPU {cpu:5.1f} s)   peak RSS {peak[0]:4.0f} MB (+{peak[0] - start_rss:3.0f} MB)"
        f"{extra}",
        flush=True,
    )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=50_000)
    parser.add_argument("--estates", type=int, default=500)
    parser.add_argument("--baseline", type=int, default=5_000, help="rows for import-export's defaults (0: skip)")
    parser.add_argument("--tracemalloc", type=int, default=0, help="rows of a dry run to run under tracemalloc")
    args = parser.parse_args()

    source = os.environ.get("DATABASE_URL", "")
    if not source:
        raise SystemExit("Set DATABASE_URL to a PostgreSQL server (the benchmark creates its own database there).")
    os.environ["DATABASE_URL"] = bench_database(source, "import_bench")
    os.environ["CELERY_BROKER_URL"] = "memory://"
    os.environ["PRIVATE_MEDIA_ROOT"] = tempfile.mkdtemp(prefix="import-bench-")
    # Check and save in this process, timed (a web upload this large hands the same work to a worker).
    os.environ["HOUSING_SYSTEM_BACKGROUND_MB"] = "1000"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "engagement.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from engagement.models import Customer, Estate
    from housing_system.models import ColumnMapping, RecordType
    from housing_system.resources import CustomerResource
    from housing_system.services import import_commit, import_run_start

    print(f"Database: {connection.settings_dict['NAME']} (fresh, migrated); load average {os.getloadavg()}")
    call_command("migrate", verbosity=0)
    system = "Benchmark HMS"
    patches = "Patch ID,Patch Code,Patch Name\n" + "".join(f"A{n:02d},P{n:02d},Patch {n}\n" for n in range(1, 21))
    mappings = {
        RecordType.PATCHES: {"source_reference": "Patch ID", "code": "Patch Code", "name": "Patch Name"},
        RecordType.ESTATES: {
            "source_reference": "Scheme No",
            "name": "Scheme Name",
            "patch": "Patch",
            "estate_type": "Type",
            "homes_lcra": "Rented",
            "homes_lcho": "Shared Ownership",
            "homes_leasehold": "Leasehold",
        },
        # The file's columns are in the resource's field order.
        RecordType.CUSTOMERS: dict(zip(CustomerResource.Meta.fields, CUSTOMER_HEADER, strict=True)),
    }
    for record_type, columns in mappings.items():
        ColumnMapping.objects.create(source_system=system, record_type=record_type, columns=columns)

    def run(record_type, data, name, full_extract=False):
        checked = import_run_start(
            record_type=record_type, source_system=system, data=data, file_name=name, full_extract=full_extract
        )
        assert not checked.errors, checked.errors[:5]
        return checked

    def show(checked):
        print(f"    {checked.report}")

    for record_type, data, name in [
        (RecordType.PATCHES, patches.encode(), "patches.csv"),
        (RecordType.ESTATES, estates_csv(args.estates), "estates.csv"),
    ]:
        import_commit(run=run(record_type, data, name))
    print(f"Seeded {args.estates} estates in 20 patches through the import.")

    rows = customer_rows(args.customers, args.estates)
    data = to_csv(CUSTOMER_HEADER, rows)
    print(f"Customer file: {args.customers:,} rows, {len(data) / 1e6:.1f} MB\n")

    checked = measure(
        "1. first import, dry run (every row new)", lambda: run(RecordType.CUSTOMERS, data, "c1.csv", True)
    )
    show(checked)
    done = measure("1. first import, commit (every row inserted)", lambda: import_commit(run=checked))
    show(done)
    assert Customer.objects.count() == args.customers

    checked = measure("2. same file again, dry run", lambda: run(RecordType.CUSTOMERS, data, "c2.csv", True))
    show(checked)
    done = measure("2. same file again, commit (nothing to write)", lambda: import_commit(run=checked))
    show(done)

    rng = random.Random(11)
    updated = [list(row) for row in rows]
    for row in rng.sample(updated, len(updated) // 100):
        row[9] = "new." + (row[9] or "person@example.org")
    gone = set(rng.sample(range(len(updated)), len(updated) // 200))
    updated = [row for n, row in enumerate(updated) if n not in gone]
    changed_data = to_csv(CUSTOMER_HEADER, updated)
    checked = measure(
        "3. updated full extract, dry run", lambda: run(RecordType.CUSTOMERS, changed_data, "c3.csv", True)
    )
    show(checked)
    done = measure("3. updated full extract, commit", lambda: import_commit(run=checked))
    show(done)
    assert Customer.objects.current().count() == args.customers - len(gone)
    assert Customer.objects.count() == args.customers

    if args.baseline:
        baseline(args.baseline, rows, Estate, Customer, measure)
    print(f"\nLoad average at the end: {os.getloadavg()}")
    if args.tracemalloc:
        part = to_csv(CUSTOMER_HEADER, rows[: args.tracemalloc])
        print()
        measure(
            f"dry run of {args.tracemalloc:,} rows under tracemalloc",
            lambda: run(RecordType.CUSTOMERS, part, "traced.csv"),
            trace=True,
        )


def baseline(count, rows, Estate, Customer, measure):
    """django-import-export's defaults on the first `count` rows, for comparison."""
    import tablib
    from import_export import fields, resources, widgets

    class DefaultsResource(resources.ModelResource):
        estate = fields.Field(
            attribute="estate", column_name="estate", widget=widgets.ForeignKeyWidget(Estate, "source_reference")
        )

        class Meta:
            model = Customer
            fields = ("source_reference", "reference", "title", "first_name", "last_name", "address", "postcode",
                      "estate", "tenure", "email", "phone", "preferred_channel", "language", "large_print",
                      "braille", "easy_read", "consent_to_contact")  # fmt: skip
            import_id_fields = ("source_reference",)
            skip_unchanged = True

    names = list(DefaultsResource.Meta.fields)
    dataset = tablib.Dataset(headers=names)
    for row in rows[:count]:
        dataset.append([*row[:13], *(value == "yes" for value in row[13:])])
    print(f"\nimport-export's defaults on the first {count:,} rows (already imported: every row unchanged)")
    measure(f"   defaults, dry run of {count:,} rows", lambda: DefaultsResource().import_data(dataset, dry_run=True))
    from housing_system.resources import CustomerResource

    ours = tablib.Dataset(headers=names)
    for row in rows[:count]:
        ours.append(row)
    measure(
        f"   this import's resource, dry run of {count:,} rows",
        lambda: CustomerResource().import_data(ours, dry_run=True, use_transactions=False),
    )


if __name__ == "__main__":
    main()
