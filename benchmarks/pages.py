"""Benchmark the pages staff and customers use at landlord scale, side by side with a bare Django
view (the floor) and the Django admin's changelist, in one interleaved run.

Usage:
    DATABASE_URL=postgres://portal:portal@127.0.0.1:5432/portal_h5 REDIS_URL=redis://127.0.0.1:6379/0 \\
        .venv/bin/python benchmarks/pages.py [--seconds 3] [--rounds 2] [--fresh]

Data: two databases of their own next to DATABASE_URL's, `<name>_pages_full` (52,590 homes, 15,615
customers, 100,000 activities, 20,000 complaints, 50,000 survey responses with their answers) and
`<name>_pages_tenth` (a tenth of each), each loaded with the demo data (`seed_demo`) and grown with
the benchmarks' shared seeding (benchmarks/_support.py `grow`: bulk copies of demo rows moved back
in time). Seeding the full set takes minutes on a small machine, so a database whose seeding
finished (a `benchmark_seeded` row with the same sizes) is kept and reused; `--fresh` rebuilds it.

Load: one gunicorn (sync workers, 2 by default, the repository's gunicorn.conf.py if there is one)
per database on 127.0.0.1, driven by `wrk` (apt package `wrk`) for a few seconds per page per
database, the databases and pages interleaved round after round so the machine's noise falls on all
of them alike. Pages are fetched by one client (the latency of one request) except the estate
champion survey submit (20 clients, each POST a new survey). The CSV export of all activities is
fetched whole with the time to its first bytes and the workers' peak memory.

Printed: p50, p95, throughput, the p50 as a multiple of the floor's and of the admin changelist's,
queries per request (counted in a Django test client on each database with everything worked out,
as after a write, and, for the pages that keep what they drew, when kept: they must not grow with
the data) and the full ÷ tenth growth of the p50; then each page's own CPU time per request in the
portal process (Django test client, one client: steadier than wall time on a busy shared machine,
PostgreSQL's time left out) against the floor's and the admin changelist's, with the pages that
keep what they drew also timed "after a write", everything worked out again as after a change to
what they read (the wrk rows see them kept, as between two writes). The last line:
    pages: worst staff page p50 = X x floor, Y x admin changelist; growth Z; survey submit p95 = N ms
"""

from __future__ import annotations

import argparse
import datetime
import http.client
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks._support import bench_database, grow  # noqa: E402

FULL = {"homes": 52_590, "customers": 15_615, "activities": 100_000, "complaints": 20_000, "responses": 50_000}
VARIANTS = {"full": 1.0, "tenth": 0.1}
STAFF_PAGES = (
    "activity list",
    "officer dashboard",
    "manager dashboard",
    "complaint list",
    "charter quarter",
    "deadline board",
)
# Pages whose panels are kept until a table they read is written (engagement/freshness.py): the
# in-process table also times them with every panel worked out again.
KEPT_PAGES = (
    "activity list",
    "officer dashboard",
    "manager dashboard",
    "complaint list",
    "deadline board",
    "customer home",
)
SURVEY = "champion survey submit"
CSV = "CSV export, all activities"
PASSWORD = "benchmark-pages-2026"

WRK_SCRIPT = r"""
local body_template = os.getenv("BENCH_BODY")
local counter = 0
local thread_id = 0
local threads = {}
function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end
function init(args)
  math.randomseed(os.time() * 1000 + thread_id)
end
local function uuid4()
  local function hex(n) local s = "" for _ = 1, n do s = s .. string.format("%x", math.random(0, 15)) end return s end
  return hex(8) .. "-" .. hex(4) .. "-4" .. hex(3) .. "-a" .. hex(3) .. "-" .. hex(12)
end
if body_template then
  request = function()
    counter = counter + 1
    local body = string.gsub(body_template, "FORMTOKEN", uuid4())
    return wrk.format("POST", nil, nil, body)
  end
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d\n", latency:percentile(50), latency:percentile(95),
    summary.requests, summary.duration, e.connect + e.read + e.write + e.status + e.timeout))
end
"""


# --- Seeding (runs in a child process per database: Django is set up once per process) ---------


def _setup_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.update(_server_env(url))
    import django

    django.setup()


def _seeded_sizes(connection) -> dict | None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass('benchmark_seeded')")
        if cursor.fetchone()[0] is None:
            return None
        cursor.execute("SELECT sizes FROM benchmark_seeded")
        row = cursor.fetchone()
    return json.loads(row[0]) if row else None


def seed(url: str, sizes: dict, today: datetime.date) -> None:
    """Migrate, load the demo and grow it to `sizes`; a no-op when this database already has them."""
    _setup_django(url)
    from django.core.management import call_command
    from django.db import connection, transaction

    if _seeded_sizes(connection) == sizes:
        call_command("migrate", verbosity=0)  # seeded under an older schema: bring it up to date
        print(f"  {url.rsplit('/', 1)[-1]}: seeded earlier with the same sizes, reused (migrated)", flush=True)
        return
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("seed_demo", "--today", today.isoformat(), verbosity=0)
    rng = random.Random(20261124)
    for label, app_label, model_name, children in [
        ("customers", "engagement", "Customer", []),
        ("activities", "activities", "EngagementActivity", []),
        ("complaints", "feedback", "Complaint", []),
        ("responses", "surveys", "Response", ["answers"]),
    ]:
        print("  " + grow(label, app_label, model_name, children, sizes[label], rng, today), flush=True)
    from engagement.models import Estate

    # Homes: the demo estates' homes by tenure scaled so that they add up to the landlord's stock.
    estates = list(Estate.objects.all())
    total = sum(estate.homes for estate in estates)
    if total:
        factor = sizes["homes"] / total
        with transaction.atomic():
            for estate in estates:
                estate.homes_lcra = round(estate.homes_lcra * factor)
                estate.homes_lcho = round(estate.homes_lcho * factor)
                estate.homes_leasehold = round(estate.homes_leasehold * factor)
                estate.save()  # homes is their sum (Estate.save)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
        cursor.execute("CREATE TABLE IF NOT EXISTS benchmark_seeded (sizes text NOT NULL)")
        cursor.execute("DELETE FROM benchmark_seeded")
        cursor.execute("INSERT INTO benchmark_seeded VALUES (%s)", [json.dumps(sizes)])
    print(f"  {url.rsplit('/', 1)[-1]}: seeded in {time.perf_counter() - started:.0f} s", flush=True)


def prepare(url: str) -> dict:
    """Log the benchmark's users in (sessions in the database), pick the pages' URLs and count each
    page's queries in a test client. Printed as JSON for the parent process."""
    _setup_django(url)
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse
    from django.utils import timezone

    from activities.models import EngagementActivity
    from engagement.dates import date_parts_data
    from engagement.models import Customer, Estate, Role, User
    from engagement.quarters import Quarter

    officer = User.objects.filter(username="sarah.okafor").first() or User.objects.filter(role=Role.OFFICER).first()
    manager = User.objects.filter(username="janet.price").first() or User.objects.filter(role=Role.MANAGER).first()
    admin, _ = User.objects.get_or_create(
        username="benchmark.admin", defaults={"role": Role.ADMIN, "is_staff": True, "is_superuser": True}
    )
    from surveys.selectors import champion_estates

    champion = estate = None
    for customer in Customer.objects.filter(user__isnull=False).select_related("user").order_by("pk"):
        estate = champion_estates(customer).order_by("pk").first()
        if estate is not None:
            champion = customer
            break
    if champion is None:
        raise SystemExit("No estate champion with a login in the demo data.")
    quarter = Quarter.last_closed(timezone.localdate())
    pages = {
        "floor": ("GET", "/_benchmark/floor/", None),
        "admin changelist": ("GET", "/admin/activities/engagementactivity/", admin),
        "activity list": ("GET", reverse("activities:all") + "?status=held&sort=-starts_at", officer),
        "officer dashboard": ("GET", reverse("home"), officer),
        "manager dashboard": ("GET", reverse("home"), manager),
        "complaint list": ("GET", reverse("feedback:complaints"), officer),
        "charter quarter": ("GET", reverse("charter:quarter", args=[quarter]), manager),
        "deadline board": ("GET", reverse("deadline_board"), officer),
        "customer home": ("GET", reverse("home"), champion.user),
        SURVEY: ("POST", reverse("surveys:champion_new", args=[estate.pk]), champion.user),
        CSV: ("GET", reverse("activities:all") + "?_export=csv", manager),
    }
    today = timezone.localdate()
    body = {
        "csrfmiddlewaretoken": "CSRFTOKEN",
        "form_token": "FORMTOKEN",
        **date_parts_data("visited_on", today),  # the GOV.UK day, month and year boxes
        "grounds_rating": "poor",
        "grounds_comment": "Bins overflowing by block C.",
        "cleaning_rating": "good",
        "repairs_rating": "okay",
        "asb_rating": "good",
        "anything_else": "",
    }
    sessions, queries, kept, cpu = {}, {}, {}, {}
    csrf = "b" * 32  # an unmasked CSRF secret: sent as the cookie and as the form field
    for name, (method, path, user) in pages.items():
        client = Client()
        client.cookies["csrftoken"] = csrf
        if user is not None:
            client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
            sessions[name] = client.cookies["sessionid"].value
        if name == CSV and os.environ.get("BENCH_SKIP_CSV_QUERIES"):
            queries[name] = "-"  # an exporter that builds the whole file in memory: not counted
            continue
        if method == "POST":
            token = str(uuid.uuid4())
            data = {key: value.replace("CSRFTOKEN", csrf).replace("FORMTOKEN", token) for key, value in body.items()}
            with CaptureQueriesContext(connection) as captured:
                response = client.post(path, data)
            assert response.status_code == 302, f"{name}: {response.status_code} {response.content[:2000]!r}"
        else:
            client.get(path)  # warm caches the way a running worker has them
            if name in KEPT_PAGES:
                for _ in range(2):  # learn what each part reads, stamp what was never written
                    client.get(path)
                with CaptureQueriesContext(connection) as captured:
                    client.get(path)
                kept[name] = len(captured)
                _everything_written()  # count what the page runs when it works everything out
            with CaptureQueriesContext(connection) as captured:
                response = client.get(path)
                if getattr(response, "streaming", False):
                    for _piece in response.streaming_content:  # read it all: the queries run as it streams
                        pass
            assert response.status_code == 200, f"{name}: {response.status_code}"
        queries[name] = len(captured)
        if method == "GET" and name != CSV:
            cpu[name] = _cpu_ms(client, path)
        if name in KEPT_PAGES:
            # The same page when every panel must be worked out again: a write to every table it
            # reads just before each request (engagement/freshness.py keeps panels until then).
            cpu[f"{name}, after a write"] = _cpu_ms(client, path, before=_everything_written)
    return {
        "pages": {name: [method, path] for name, (method, path, _user) in pages.items()},
        "sessions": sessions,
        "csrf": csrf,
        "survey_body": urlencode(body).replace("CSRFTOKEN", csrf),
        "queries": queries,
        "kept": kept,
        "cpu": cpu,
        "rows": EngagementActivity.objects.count(),
        "estates": Estate.objects.count(),
    }


def _everything_written() -> None:
    from cachalot.api import invalidate

    invalidate()  # stamps every table, as a write to each would


def _cpu_ms(client, path: str, times: int = 9, before=None) -> float:
    """The portal's own CPU time for one request (median of `times`), in the Django test client:
    time.process_time counts this process only, so neither the machine's other work (a shared
    host's steal, the load tool) nor PostgreSQL's own time is in it. Steadier than wall time when
    the machine is busy; the wrk table stays the end-to-end figure."""
    spent = []
    for _ in range(times):
        if before is not None:
            before()
        started = time.process_time()
        client.get(path)
        spent.append((time.process_time() - started) * 1000)
    return statistics.median(spent)


# --- The run -----------------------------------------------------------------------------------


def _redis_for(url: str) -> dict:
    """With REDIS_URL set, the portal's cache is Redis as in production (kept dashboard panels and
    the tables' write stamps shared by the workers), one Redis database per benchmark database so
    the two never read each other's panels; without it, each worker's own memory."""
    base = os.environ.get("REDIS_URL", "")
    if not base:
        return {}
    number = 12 if url.endswith("_tenth") else 11
    return {"REDIS_URL": urlsplit(base)._replace(path=f"/{number}").geturl()}


def _server_env(url: str) -> dict:
    return {
        **_redis_for(url),
        "DATABASE_URL": url,
        "DEBUG": "0",
        "SECRET_KEY": "benchmark-only-not-secret-0123456789-abcdefghijklmnopqrstuvwxyz",
        "SECURE_SSL_REDIRECT": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "BENCHMARK_FLOOR": "1",
        "STATIC_ROOT": str(ROOT / "var" / "bench-static"),
        "MEDIA_ROOT": str(ROOT / "var" / "bench-media"),
        "PRIVATE_MEDIA_ROOT": str(ROOT / "var" / "bench-private"),
        "CELERY_BROKER_URL": os.environ.get("CELERY_BROKER_URL", "memory://"),
        "LOG_LEVEL": "WARNING",
        "GUNICORN_ACCESS_LOG": "",
        "DJANGO_SETTINGS_MODULE": "engagement.settings",
    }


def _child(args: list[str], url: str) -> str:
    env = dict(os.environ, **_server_env(url))
    done = subprocess.run(
        [sys.executable, __file__, *args, url], env=env, cwd=ROOT, capture_output=True, text=True, check=False
    )
    if done.returncode:
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr[-4000:]}")
    return done.stdout


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, url: str, workers: int):
        self.port = _free_port()
        env = dict(os.environ, **_server_env(url))
        command = [sys.executable, "-m", "gunicorn", "engagement.wsgi:application"]
        command += ["--bind", f"127.0.0.1:{self.port}", "--workers", str(workers), "--timeout", "60"]
        self.started = time.perf_counter()
        self.process = subprocess.Popen(command, env=env, cwd=ROOT, start_new_session=True)
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                break
            except OSError:
                if self.process.poll() is not None or time.perf_counter() - self.started > 60:
                    raise SystemExit("gunicorn did not start") from None
                time.sleep(0.05)

    def workers(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()] if children.exists() else []

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)


def _rss_mb(pids: list[int]) -> float:
    worst = 0.0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    worst = max(worst, int(line.split()[1]) / 1024)
        except OSError:
            pass
    return worst


def _get(port: int, path: str, cookie: str) -> tuple[float, float, int, int]:
    """One GET read to the end: (seconds to the first body bytes, seconds in all, status, bytes).
    A worker killed mid-answer (gunicorn's timeout, memory) is status 0."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    started = time.perf_counter()
    first_at, status, size = 0.0, 0, 0
    try:
        connection.request("GET", path, headers={"Cookie": cookie})
        response = connection.getresponse()
        first = response.read(1)
        first_at = time.perf_counter() - started
        size = len(first) + len(response.read())
        status = response.status
    except (OSError, http.client.HTTPException):
        pass
    finally:
        connection.close()
    return first_at, time.perf_counter() - started, status, size


def _wrk(port: int, path: str, cookie: str, seconds: float, clients: int, script: str, body: str | None) -> dict:
    env = dict(os.environ)
    if body is not None:
        env["BENCH_BODY"] = body
    command = [
        "wrk",
        f"-t{min(clients, 2)}",
        f"-c{clients}",
        f"-d{max(1, round(seconds))}s",
        "--timeout",
        "30s",
        "-s",
        script,
    ]
    command += ["-H", f"Cookie: {cookie}"]
    if body is not None:
        command += ["-H", "Content-Type: application/x-www-form-urlencoded"]
    command.append(f"http://127.0.0.1:{port}{path}")
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"wrk failed: {done.stdout}{done.stderr}")
    output = done.stdout
    line = next(line for line in output.splitlines() if line.startswith("RESULT"))
    p50, p95, requests, duration_us, errors = (int(part) for part in line.split()[1:])
    return {"p50": p50 / 1000, "p95": p95 / 1000, "rps": requests / (duration_us / 1e6), "errors": errors}


def _timed(port: int, path: str, cookie: str, seconds: float) -> dict:
    """A page slower than wrk's run: GETs one after another for `seconds` (at least two)."""
    times, errors, started = [], 0, time.perf_counter()
    while len(times) < 2 or time.perf_counter() - started < seconds:
        _first, total, status, _size = _get(port, path, cookie)
        times.append(total * 1000)
        errors += status != 200
    times.sort()
    return {
        "p50": statistics.median(times),
        "p95": times[min(len(times) - 1, round(0.95 * (len(times) - 1)))],
        "rps": len(times) / (time.perf_counter() - started),
        "errors": errors,
    }


def _cookie(plan: dict, name: str) -> str:
    parts = [f"csrftoken={plan['csrf']}"]
    if name in plan["sessions"]:
        parts.append(f"sessionid={plan['sessions'][name]}")
    return "; ".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=3, help="wrk run per page, database and round")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--fresh", action="store_true", help="seed the databases again")
    parser.add_argument("--seed", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--prepare", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.seed:
        sizes, url = args.seed
        seed(url, json.loads(sizes), datetime.date.today())
        return
    if args.prepare:
        print(json.dumps(prepare(args.prepare)))
        return

    source = os.environ.get("DATABASE_URL", "")
    if not source:
        raise SystemExit("Set DATABASE_URL to a PostgreSQL server (the benchmark creates its own databases there).")
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed (apt-get install wrk).")
    urls, plans = {}, {}
    for variant, scale in VARIANTS.items():
        sizes = {key: round(value * scale) for key, value in FULL.items()}
        urls[variant] = bench_database(source, f"pages_{variant}", reuse=not args.fresh)
        print(f"Seeding {variant} ({', '.join(f'{v:,} {k}' for k, v in sizes.items())})", flush=True)
        print(_child(["--seed", json.dumps(sizes)], urls[variant]), end="", flush=True)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        env=dict(os.environ, **_server_env(urls["full"])),
        cwd=ROOT,
        check=True,
    )
    for variant in VARIANTS:
        plans[variant] = json.loads(_child(["--prepare"], urls[variant]).strip().splitlines()[-1])

    servers, first_request = {}, {}
    for variant in VARIANTS:
        servers[variant] = server = Server(urls[variant], args.workers)
        name, plan = "manager dashboard", plans[variant]
        _first, total, _status, _size = _get(server.port, plan["pages"][name][1], _cookie(plan, name))
        first_request[variant] = (time.perf_counter() - server.started, total)
    pages = list(plans["full"]["pages"])
    results: dict[tuple[str, str], list[dict]] = {}
    try:
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
            handle.write(WRK_SCRIPT)
            script = handle.name
        for variant, server in servers.items():  # warm every page in every worker
            for name in pages:
                if name not in (SURVEY, CSV):
                    for _ in range(args.workers * 2):
                        _get(server.port, plans[variant]["pages"][name][1], _cookie(plans[variant], name))
        for round_number in range(args.rounds):
            print(f"Round {round_number + 1} of {args.rounds}", flush=True)
            for name in pages:
                for variant, server in servers.items():
                    plan = plans[variant]
                    method, path = plan["pages"][name]
                    if name == CSV:
                        peak, pids = 0.0, server.workers()
                        base = _rss_mb(pids)
                        box = {}
                        fetch = threading.Thread(
                            target=lambda: box.update(r=_get(server.port, path, _cookie(plan, name)))  # noqa: B023
                        )
                        fetch.start()
                        while fetch.is_alive():
                            peak = max(peak, _rss_mb(pids))
                            time.sleep(0.05)
                        first, total, status, size = box["r"]
                        result = {
                            "p50": total * 1000,
                            "p95": total * 1000,
                            "rps": 1 / total,
                            "errors": int(status != 200),
                            "first": first * 1000,
                            "rss": peak,
                            "rss_before": base,
                            "bytes": size,
                        }
                    else:
                        clients = 20 if name == SURVEY else 1
                        body = plan["survey_body"] if name == SURVEY else None
                        result = _wrk(server.port, path, _cookie(plan, name), args.seconds, clients, script, body)
                        if not result["rps"]:  # slower than the run: no request finished, time a few alone
                            result = _timed(server.port, path, _cookie(plan, name), args.seconds)
                    results.setdefault((name, variant), []).append(result)
    finally:
        for server in servers.values():
            server.stop()

    def median(name, variant, key):
        return statistics.median(r[key] for r in results[(name, variant)])

    floor = median("floor", "full", "p50")
    admin = median("admin changelist", "full", "p50")
    print()
    print(
        f"Full data: {plans['full']['rows']:,} activities; a tenth: {plans['tenth']['rows']:,}. "
        f"{args.rounds} interleaved rounds of {args.seconds:g} s per page and database, {args.workers} workers; "
        "medians of the rounds."
    )
    print()
    print("| page | p50 ms | p95 ms | req/s | p50 × floor | p50 × admin | queries (full / tenth) | full ÷ 10% |")
    print("|---|---|---|---|---|---|---|---|")
    growth = {}
    for name in pages:
        p50, p95, rps = (median(name, "full", key) for key in ("p50", "p95", "rps"))
        growth[name] = p50 / median(name, "tenth", "p50")
        errors = sum(r["errors"] for variant in VARIANTS for r in results[(name, variant)])
        label = name + (" (20 clients)" if name == SURVEY else "")
        if name == CSV:
            last = results[(name, "full")][-1]
            rows = plans["full"]["rows"]
            label += f" ({rows:,} rows, first bytes {last['first']:.0f} ms, worker {last['rss']:.0f} MB)"
        if errors:
            label += f" [{errors} errors]"
        queries = f"{plans['full']['queries'][name]} / {plans['tenth']['queries'][name]}"
        if name in plans["full"]["kept"]:
            queries += f" (kept: {plans['full']['kept'][name]})"
        print(
            f"| {label} | {p50:.1f} | {p95:.1f} | {rps:.0f} | {p50 / floor:.1f} | {p50 / admin:.2f} | {queries} "
            f"| {growth[name]:.2f} |"
        )
    print()
    for variant, (ready, first) in first_request.items():
        print(f"First request after boot ({variant}): {first * 1000:.0f} ms (server up after {ready:.1f} s)")
    print()
    print("Portal CPU per request, in-process, one client (PostgreSQL's time not included); median of 9:")
    print()
    print("| page | CPU ms (full) | × floor | × admin | CPU ms (tenth) | full ÷ 10% |")
    print("|---|---|---|---|---|---|")
    cpu_full, cpu_tenth = plans["full"]["cpu"], plans["tenth"]["cpu"]
    for name in cpu_full:
        if name in cpu_tenth:
            print(
                f"| {name} | {cpu_full[name]:.1f} | {cpu_full[name] / cpu_full['floor']:.1f} | "
                f"{cpu_full[name] / cpu_full['admin changelist']:.2f} | {cpu_tenth[name]:.1f} | "
                f"{cpu_full[name] / cpu_tenth[name]:.2f} |"
            )
    cpu_worst = max(STAFF_PAGES, key=lambda name: cpu_full[name])
    print()
    print(
        f"cpu: worst staff page = {cpu_worst} at {cpu_full[cpu_worst] / cpu_full['admin changelist']:.2f} x admin "
        f"changelist, {cpu_full[cpu_worst] / cpu_full['floor']:.1f} x floor"
    )
    print()
    worst = max(STAFF_PAGES, key=lambda name: median(name, "full", "p50"))
    worst_p50 = median(worst, "full", "p50")
    # Pages only: the export of every row grows with the rows by nature (its line in the table says by how much).
    worst_growth = max(growth[name] for name in (*STAFF_PAGES, "customer home", SURVEY))
    print(
        f"pages: worst staff page p50 = {worst_p50 / floor:.1f} x floor, {worst_p50 / admin:.2f} x admin changelist; "
        f"growth {worst_growth:.2f}; survey submit p95 = {median(SURVEY, 'full', 'p95'):.0f} ms"
    )


if __name__ == "__main__":
    main()
