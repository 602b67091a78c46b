"""`make test` (plain `pytest`) collects every test module in the repository.

A list of app folders in `testpaths` once left ten newer apps' tests out of CI while they passed
when run by hand; this asks pytest itself what it would collect and compares with the files.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOT_OURS = {".venv", "venv", "var", "node_modules", ".git"}


def _test_modules_on_disk():
    found = set()
    for path in ROOT.rglob("test_*.py"):
        relative = path.relative_to(ROOT)
        if NOT_OURS.isdisjoint(relative.parts):
            found.add(relative.as_posix())
    return found


def test_plain_pytest_collects_every_test_module_in_the_repository():
    listing = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", "-p", "no:xdist"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    collected = {line.split("::", 1)[0] for line in listing.stdout.splitlines() if "::" in line}
    on_disk = _test_modules_on_disk()
    assert on_disk, "no test modules found on disk"
    # A module with no tests in it yet would be missing from the listing without being left out.
    assert not (on_disk - collected), f"left out of `make test`: {sorted(on_disk - collected)}"
