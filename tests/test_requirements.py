"""The lock files match the pins they are compiled from, carry hashes, and keep test tools out of
production (the Docker image installs requirements.lock only)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;\\]+)", re.MULTILINE)


def _name(raw):
    return re.sub(r"[-_.]+", "-", raw).lower()


def _pins(filename):
    return {_name(name): version for name, version in PIN.findall((ROOT / filename).read_text())}


def _entries(filename):
    """Each pinned requirement of a lock file with its continuation lines (hashes, comments)."""
    return re.split(r"\n(?=[A-Za-z0-9])", (ROOT / filename).read_text())


def test_each_lock_holds_the_pins_it_is_compiled_from():
    for source, lock in (("requirements.in", "requirements.lock"), ("requirements-dev.in", "requirements-dev.lock")):
        locked = _pins(lock)
        for name, version in _pins(source).items():
            assert locked.get(name) == version, f"{name}=={version} from {source} is not in {lock}: run make lock"


def test_every_locked_requirement_has_a_hash():
    for lock in ("requirements.lock", "requirements-dev.lock"):
        for entry in _entries(lock):
            if PIN.match(entry):
                assert "--hash=sha256:" in entry, f"{lock}: {entry.splitlines()[0]}"


def test_development_installs_the_same_versions_as_production():
    development = _pins("requirements-dev.lock")
    for name, version in _pins("requirements.lock").items():
        assert development.get(name) == version, name


def test_test_tools_stay_out_of_the_production_lock():
    test_tools = set(_pins("requirements-dev.in")) - set(_pins("requirements.in"))
    assert {"pytest", "selenium", "ruff", "factory-boy"} <= test_tools
    # Faker comes with factory-boy.
    assert not (test_tools | {"faker"}) & set(_pins("requirements.lock"))
