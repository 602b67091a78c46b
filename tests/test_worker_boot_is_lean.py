"""A web worker boots without the heavy libraries only some pages use: scipy (the chi-square of
who we heard from), matplotlib (charts, cached for a day), openpyxl (Excel downloads) and qrcode
(posters) are imported when first used. Together they were half of each worker's memory at boot
(208 MB with them, 107 MB without, measured with the URLconf loaded)."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ["scipy", "matplotlib", "numpy", "openpyxl", "qrcode"]


def test_booting_a_web_worker_loads_none_of_the_heavy_libraries():
    script = (
        "import json, sys, django; django.setup();"
        "from django.urls import get_resolver; get_resolver().url_patterns;"
        "import engagement.wsgi;"
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "engagement.settings"}
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
