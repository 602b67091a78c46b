"""Load test: 20 estate champions send their survey with phone photos at the same moment.

Usage:
    DATABASE_URL=postgres://portal:portal@127.0.0.1:5432/portal \
        .venv/bin/python benchmarks/champion_photos.py [--champions 20] [--photos 3] [--workers 2]

It never touches the database named in DATABASE_URL: it recreates `<name>_photos_bench` next to it,
migrates it and creates one estate champion per survey. It then starts gunicorn on 127.0.0.1 (a
free port, loopback only) against that database, with Celery messages going to a throw-away
filesystem broker, logs every champion in, opens their form and, all together, sends each survey
with `--photos` phone-sized JPEGs (4032 × 3024, as a 12-megapixel phone takes them, with EXIF).

Printed: the time of each survey's POST (p50, p95, max), the peak resident memory of the gunicorn
master and of its busiest worker (and of all of them together), sampled every 20 ms from /proc,
the CPU time the workers used (comparable between runs on a shared machine, where wall times are
not), and how many surveys and photos were stored. Everything is bounded: at most --champions requests
at once, a 120 s timeout each, and the server is stopped at the end whatever happens.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import io
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks._support import bench_database  # noqa: E402

PASSWORD = "bench-champion-2026"
TIMEOUT = 120


def phone_photo(seed: int) -> bytes:
    """A 12-megapixel JPEG with EXIF, of a size and texture like a phone's photo (about 2-3 MB)."""
    from PIL import Image

    small = Image.effect_noise((504, 378), 40 + seed % 20).convert("RGB")
    image = small.resize((4032, 3024), Image.Resampling.BICUBIC)
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x0112] = 6
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=90, exif=exif)
    return buffer.getvalue()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0


def _cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time used so far by these processes: unlike wall time, it does not grow
    when other programs share the machine."""
    ticks = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except (FileNotFoundError, ProcessLookupError):
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


class MemorySampler(threading.Thread):
    """Peak RSS of the gunicorn master, of each worker and of all of them together."""

    def __init__(self, master: int):
        super().__init__(daemon=True)
        self.master, self.stop, self.peak_master, self.peak_worker, self.peak_total = master, False, 0, 0, 0

    def run(self):
        workers: list[int] = []
        last_scan = 0.0
        while not self.stop:
            if time.monotonic() - last_scan > 0.5:
                workers, last_scan = _children(self.master), time.monotonic()
            master = _rss_kb(self.master)
            sizes = [_rss_kb(pid) for pid in workers]
            self.peak_master = max(self.peak_master, master)
            self.peak_worker = max([self.peak_worker, *sizes])
            self.peak_total = max(self.peak_total, master + sum(sizes))
            time.sleep(0.02)


def _multipart(fields: list[tuple[str, str]], files: list[tuple[str, str, bytes]]) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    body = io.BytesIO()
    for name, value in fields:
        body.write(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for name, filename, content in files:
        body.write(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
            "Content-Type: image/jpeg\r\n\r\n".encode()
        )
        body.write(content + b"\r\n")
    body.write(f"--{boundary}--\r\n".encode())
    return body.getvalue(), f"multipart/form-data; boundary={boundary}"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class LoopbackPolicy(http.cookiejar.DefaultCookiePolicy):
    """Production settings mark cookies Secure; on this loopback-only run they go over plain HTTP."""

    def return_ok_secure(self, cookie, request):
        return True


class Champion:
    """One champion's browser: cookies, CSRF token, the form's one-time token."""

    def __init__(self, base: str, username: str, estate_id: int):
        self.base, self.username, self.estate_id = base, username, estate_id
        self.jar = http.cookiejar.CookieJar(policy=LoopbackPolicy())
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect())

    def _open(self, path: str, data: bytes | None = None, content_type: str = ""):
        request = urllib.request.Request(self.base + path, data=data)
        if content_type:
            request.add_header("Content-Type", content_type)
        request.add_header("Referer", self.base + path)
        try:
            with self.opener.open(request, timeout=TIMEOUT) as response:
                return response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:  # 302s land here (no redirects followed)
            return error.code, error.read().decode("utf-8", "replace")

    def _csrf(self, page: str) -> str:
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)

    def log_in(self) -> None:
        _status, page = self._open("/accounts/login/")
        data = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": self._csrf(page), "username": self.username, "password": PASSWORD}
        ).encode()
        status, _ = self._open("/accounts/login/", data, "application/x-www-form-urlencoded")
        if status != 302:
            raise SystemExit(f"{self.username} could not log in ({status})")

    def open_form(self) -> None:
        status, page = self._open(f"/surveys/champion/estates/{self.estate_id}/new/")
        if status != 200:
            raise SystemExit(f"{self.username} could not open the form ({status})")
        self.csrf = self._csrf(page)
        self.form_token = re.search(r'name="form_token" value="([^"]+)"', page).group(1)

    def send(self, photos: list[bytes]) -> tuple[float, int]:
        fields = [
            ("csrfmiddlewaretoken", self.csrf),
            ("form_token", self.form_token),
            ("visited_on", time.strftime("%Y-%m-%d")),
            ("grounds_rating", "poor"),
            ("grounds_comment", "Grass by the garages not cut."),
            ("cleaning_rating", "good"),
            ("repairs_rating", "okay"),
            ("asb_rating", "good"),
            ("anything_else", ""),
        ]
        files = [("photos", f"IMG_{n:04d}.jpg", photo) for n, photo in enumerate(photos)]
        body, content_type = _multipart(fields, files)
        started = time.perf_counter()
        status, _ = self._open(f"/surveys/champion/estates/{self.estate_id}/new/", body, content_type)
        return time.perf_counter() - started, status


def _prepare(env: dict, champions: int) -> list[tuple[str, int]]:
    """Migrate the bench database and create the champions (in a child process: its own settings)."""
    script = f"""
import django
django.setup()
from engagement.factories import EstateFactory, InvolvedCustomerFactory
from panels.factories import EstateChampionFactory
people = []
for n in range({champions}):
    estate = EstateFactory(name=f"Bench Estate {{n}}")
    customer = InvolvedCustomerFactory(user__username=f"champion{{n}}", estate=estate)
    customer.user.set_password({PASSWORD!r})
    customer.user.save()
    EstateChampionFactory(customer=customer, estates=[estate])
    people.append(f"{{customer.user.username}}:{{estate.pk}}")
print(" ".join(people))
"""
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"]):
        subprocess.run([sys.executable, "manage.py", *command, "-v", "0"], cwd=ROOT, env=env, check=True)
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout.split()
    return [(item.split(":")[0], int(item.split(":")[1])) for item in out]


def _stored(env: dict) -> str:
    script = (
        "import django; django.setup()\n"
        "from surveys.models import ChampionSurvey, ChampionPhoto\n"
        "print(ChampionSurvey.objects.count(), ChampionPhoto.objects.filter(survey__isnull=False).count())"
    )
    return subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--champions", type=int, default=20)
    parser.add_argument("--photos", type=int, default=3, help="photos per survey (at most 6)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    args = parser.parse_args()
    if not 1 <= args.champions <= 50 or not 0 <= args.photos <= 6:
        raise SystemExit("--champions 1..50, --photos 0..6")

    database = bench_database(os.environ.get("DATABASE_URL", ""), "photos_bench")
    scratch = Path(tempfile.mkdtemp(prefix="champion-photos-bench-"))
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database,
        "VAR_DIR": str(scratch),
        "CELERY_BROKER_URL": "filesystem://",  # e-mails queue into scratch/, never into a shared Redis
        "DEBUG": "0",
        "SECRET_KEY": uuid.uuid4().hex * 2,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "engagement.settings",
        "PYTHONPATH": str(ROOT),
        "UPLOAD_DAILY_FILES": "1000",
    }
    env.pop("REDIS_URL", None)  # cache in each process: nothing shared with other runs
    people = _prepare(env, args.champions)
    photos = [phone_photo(n) for n in range(args.photos)]
    print(
        f"{len(people)} champions, {args.photos} photos each "
        f"({statistics.mean(len(p) for p in photos) / 1e6:.1f} MB, 4032 × 3024), gunicorn {args.workers} sync workers"
    )

    server = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "engagement.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "--timeout",
            str(TIMEOUT),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    sampler = MemorySampler(server.pid)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/accounts/login/", timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)
        clients = [Champion(base, username, estate) for username, estate in people]
        for client in clients:
            client.log_in()
            client.open_form()
        time.sleep(1.0)
        idle = _rss_kb(server.pid) + sum(_rss_kb(pid) for pid in _children(server.pid))
        workers = _children(server.pid)
        cpu_before = _cpu_seconds(workers)
        sampler.start()
        barrier = threading.Barrier(len(clients))

        def together(client):
            barrier.wait()
            return client.send(photos)

        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=len(clients)) as pool:
            results = list(pool.map(together, clients))
        wall = time.perf_counter() - started
        cpu = _cpu_seconds(workers) - cpu_before
        time.sleep(0.2)
    finally:
        sampler.stop = True
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()

    times = sorted(seconds for seconds, _ in results)
    statuses = sorted({status for _, status in results})
    p95 = times[min(len(times) - 1, round(0.95 * len(times)) - 1)]
    print(f"statuses: {statuses} (302 = sent and redirected to the survey)")
    print(
        f"survey POST: p50 {statistics.median(times):.2f} s, p95 {p95:.2f} s, max {times[-1]:.2f} s; "
        f"all {len(times)} done in {wall:.2f} s"
    )
    print(
        f"memory (RSS): idle {idle / 1024:.0f} MB all processes; peak master {sampler.peak_master / 1024:.0f} MB, "
        f"busiest worker {sampler.peak_worker / 1024:.0f} MB, all together {sampler.peak_total / 1024:.0f} MB"
    )
    print(f"CPU used by the workers: {cpu:.1f} s in all, {cpu / max(1, len(times)):.2f} s a survey")
    surveys, stored = _stored(env).split()
    print(f"stored: {surveys} surveys, {stored} photos")


if __name__ == "__main__":
    main()
