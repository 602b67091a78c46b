"""The embedded broker (`make run`) keeps all its files under VAR_DIR, none in the working directory."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_filesystem_broker_folder_is_created_under_var_dir(tmp_path):
    # A fresh interpreter: settings read the environment once, at import.
    environment = {k: v for k, v in os.environ.items() if k != "CELERY_BROKER_URL"}
    environment["VAR_DIR"] = str(tmp_path)
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json; from engagement import settings as s; print(json.dumps(s.CELERY_BROKER_TRANSPORT_OPTIONS))",
        ],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    options = json.loads(result.stdout)
    folders = {name: Path(value) for name, value in options.items() if "_folder" in name}
    assert {"data_folder_in", "data_folder_out", "processed_folder", "control_folder"} <= set(folders)
    for name, folder in folders.items():
        assert folder.is_relative_to(tmp_path), name
        assert folder.is_dir(), name
