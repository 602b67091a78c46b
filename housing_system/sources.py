"""Where the nightly sync finds the housing system's files: a folder (development, tests, a mounted
share) or an SFTP server the housing system drops its extracts on. Chosen by the setting
HOUSING_SYSTEM_SOURCE (a dotted path to one of these classes, or your own with the same methods).

A file's kind is the start of its name: patches…, estates… (or schemes…), customers…, each .csv or
.xlsx (e.g. customers-2026-11-24.csv). The newest of each kind is taken (by modification time, then
name); older ones are left alone.
"""

from __future__ import annotations

import contextlib
import stat
from pathlib import Path

import paramiko
from django.conf import settings
from django.utils.module_loading import import_string

from .models import RecordType

PREFIXES = {"patches": RecordType.PATCHES, "estates": RecordType.ESTATES, "schemes": RecordType.ESTATES}
PREFIXES["customers"] = RecordType.CUSTOMERS
EXTENSIONS = (".csv", ".xlsx")


def kind_of(name: str) -> str | None:
    lower = name.lower()
    if not lower.endswith(EXTENSIONS):
        return None
    for prefix, record_type in PREFIXES.items():
        if lower.startswith(prefix):
            return record_type
    return None


class FolderSource:
    """Files in a folder on this machine (HOUSING_SYSTEM_FOLDER)."""

    def __init__(self, path=None):
        self.path = Path(path or settings.HOUSING_SYSTEM_FOLDER)

    @contextlib.contextmanager
    def session(self):
        yield self

    def listing(self) -> list[tuple[str, float, int]]:
        if not self.path.is_dir():
            return []
        return [(p.name, p.stat().st_mtime, p.stat().st_size) for p in self.path.iterdir() if p.is_file()]

    def read(self, name: str) -> bytes:
        return (self.path / name).read_bytes()

    def __str__(self) -> str:
        return f"folder {self.path}"


class SftpSource:
    """Files on an SFTP server (HOUSING_SYSTEM_SFTP_HOST, _PORT, _USER, _KEY_FILE, _PATH), logged in
    with a key, the server's host key checked against known hosts (never accepted blindly)."""

    def __init__(self, *, host=None, port=None, username=None, key_filename=None, path=None, known_hosts=None):
        self.host = host or settings.HOUSING_SYSTEM_SFTP_HOST
        self.port = port or settings.HOUSING_SYSTEM_SFTP_PORT
        self.username = username or settings.HOUSING_SYSTEM_SFTP_USER
        self.key_filename = key_filename or settings.HOUSING_SYSTEM_SFTP_KEY_FILE
        self.path = path or settings.HOUSING_SYSTEM_SFTP_PATH
        self.known_hosts = known_hosts or settings.HOUSING_SYSTEM_SFTP_KNOWN_HOSTS
        self._sftp = None

    @contextlib.contextmanager
    def session(self):
        client = paramiko.SSHClient()
        if self.known_hosts:
            client.load_host_keys(self.known_hosts)
        else:
            client.load_system_host_keys()
        client.set_missing_host_key_policy(paramiko.RejectPolicy())
        client.connect(
            self.host,
            port=self.port,
            username=self.username,
            key_filename=self.key_filename or None,
            timeout=30,
            allow_agent=False,
            look_for_keys=False,
        )
        try:
            self._sftp = client.open_sftp()
            yield self
        finally:
            if self._sftp is not None:
                self._sftp.close()
            self._sftp = None
            client.close()

    def listing(self) -> list[tuple[str, float, int]]:
        return [
            (entry.filename, entry.st_mtime or 0, entry.st_size or 0)
            for entry in self._sftp.listdir_attr(self.path)
            if entry.st_mode is None or stat.S_ISREG(entry.st_mode)
        ]

    def read(self, name: str) -> bytes:
        with self._sftp.open(f"{self.path.rstrip('/')}/{name}", "rb") as handle:
            return handle.read()

    def __str__(self) -> str:
        return f"sftp://{self.username}@{self.host}:{self.port}/{self.path}"


def configured_source():
    return import_string(settings.HOUSING_SYSTEM_SOURCE)()


def newest_files(source) -> dict[str, tuple[str, bytes | None]]:
    """{record type: (file name, its bytes)} for the newest file of each kind (a file larger than
    HOUSING_SYSTEM_MAX_FILE_MB is named, not read: None)."""
    limit = settings.HOUSING_SYSTEM_MAX_FILE_MB * 1024 * 1024
    with source.session():
        newest: dict[str, tuple[float, str, int]] = {}
        for name, modified, size in source.listing():
            record_type = kind_of(name)
            if record_type and (record_type not in newest or (modified, name) > newest[record_type][:2]):
                newest[record_type] = (modified, name, size)
        return {
            record_type: (name, source.read(name) if size <= limit else None)
            for record_type, (_, name, size) in newest.items()
        }
