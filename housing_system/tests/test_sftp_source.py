"""The SFTP backend lists and reads the housing system's drop folder through paramiko (here a fake
SSHClient and SFTP client over a local folder: no network), checks the server's host key against
known hosts (RejectPolicy, never auto-accepting), and the sync runs from it as from a folder."""

import os
import stat
from types import SimpleNamespace

import paramiko
import pytest

from engagement.models import Patch
from housing_system import sources
from housing_system.models import RecordType
from housing_system.sync import housing_system_sync

from .helpers import SYSTEM, identity_mapping

pytestmark = pytest.mark.django_db


class FakeSFTP:
    def __init__(self, root):
        self.root, self.closed = root, False

    def listdir_attr(self, path):
        folder = self.root / path
        return [
            SimpleNamespace(
                filename=p.name, st_mtime=p.stat().st_mtime, st_size=p.stat().st_size, st_mode=p.stat().st_mode
            )
            for p in folder.iterdir()
        ]

    def open(self, path, mode):
        return open(self.root / path, mode)  # noqa: SIM115 (closed by the caller's with)

    def close(self):
        self.closed = True


class FakeSSHClient:
    made: list = []

    def __init__(self, root):
        self.root, self.calls = root, []
        FakeSSHClient.made.append(self)

    def load_host_keys(self, path):
        self.calls.append(("load_host_keys", path))

    def load_system_host_keys(self):
        self.calls.append(("load_system_host_keys",))

    def set_missing_host_key_policy(self, policy):
        self.calls.append(("policy", type(policy).__name__))

    def connect(self, host, **kwargs):
        self.calls.append(("connect", host, kwargs["port"], kwargs["username"], kwargs["key_filename"]))

    def open_sftp(self):
        self.sftp = FakeSFTP(self.root)
        return self.sftp

    def close(self):
        self.calls.append(("close",))


@pytest.fixture
def server(settings, tmp_path, monkeypatch):
    (tmp_path / "outbox").mkdir()
    (tmp_path / "outbox" / "archive").mkdir()
    (tmp_path / "outbox" / "patches.csv").write_bytes(b"source_reference,code,name\nA1,NFD,Northfield\n")
    os.chmod(tmp_path / "outbox" / "patches.csv", stat.S_IRUSR | stat.S_IWUSR)
    FakeSSHClient.made = []
    monkeypatch.setattr(sources.paramiko, "SSHClient", lambda: FakeSSHClient(tmp_path))
    settings.HOUSING_SYSTEM_SOURCE = "housing_system.sources.SftpSource"
    settings.HOUSING_SYSTEM_SFTP_HOST = "sftp.landlord.example"
    settings.HOUSING_SYSTEM_SFTP_USER = "portal"
    settings.HOUSING_SYSTEM_SFTP_KEY_FILE = "/etc/portal/id_ed25519"
    settings.HOUSING_SYSTEM_SFTP_KNOWN_HOSTS = "/etc/portal/known_hosts"
    settings.HOUSING_SYSTEM_SFTP_PATH = "outbox"
    settings.HOUSING_SYSTEM_NAME = SYSTEM
    return tmp_path


def test_the_sftp_backend_reads_the_newest_files_with_the_host_key_checked(server):
    files = sources.newest_files(sources.configured_source())
    assert files == {"patches": ("patches.csv", b"source_reference,code,name\nA1,NFD,Northfield\n")}
    client = FakeSSHClient.made[0]
    assert client.calls == [
        ("load_host_keys", "/etc/portal/known_hosts"),
        ("policy", paramiko.RejectPolicy.__name__),
        ("connect", "sftp.landlord.example", 22, "portal", "/etc/portal/id_ed25519"),
        ("close",),
    ]
    assert client.sftp.closed


def test_the_sync_runs_from_sftp(server):
    identity_mapping(RecordType.PATCHES)
    report = housing_system_sync()
    assert report.ok, report.summary
    assert Patch.objects.get().source_reference == "A1"


def test_a_server_that_cannot_be_reached_changes_nothing_and_says_why(server, monkeypatch, manager):
    def refuse(self, host, **kwargs):
        raise OSError("Connection refused")

    monkeypatch.setattr(FakeSSHClient, "connect", refuse)
    report = housing_system_sync()
    assert not report.ok
    assert report.summary == (
        "The housing system's files could not be read from sftp://portal@sftp.landlord.example:22/outbox: "
        "Connection refused."
    )
