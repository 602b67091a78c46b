"""The nightly sync: the newest files from the housing system, through the same check and commit.

Patches, then estates, then customers (each names the one before), all in one transaction: a file
with any error and nothing at all changes, each file's run says why, and the managers are told. A
file already committed (same SHA-256) is never processed again; when every newest file has been
seen before (committed or failed) the sync does nothing, so a failed file is not re-reported every
night until a new one is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from engagement.models import Role, User
from engagement.services import notify_many
from engagement.uploads import SPREADSHEETS, check_upload

from .models import ImportRun, RecordType, RunStatus, Trigger
from .services import Outcome, _columns, _record, file_digest, import_run_start, run_file
from .sources import configured_source, newest_files


@dataclass
class SyncReport:
    ok: bool
    summary: str
    runs: list[ImportRun] = field(default_factory=list)


class _SyncFailed(Exception):
    pass


def _recipients():
    return User.objects.filter(role__in=[Role.MANAGER, Role.ADMIN], is_active=True)


def housing_system_sync(*, source=None) -> SyncReport:
    source = source or configured_source()
    system = settings.HOUSING_SYSTEM_NAME
    try:
        files = newest_files(source)
    except Exception as error:  # a network or permission problem: said in words, nothing changed
        return _finish(SyncReport(False, f"The housing system's files could not be read from {source}: {error}."))
    if not files:
        return SyncReport(True, f"No housing system files in {source}.")
    seen = set(ImportRun.objects.filter(trigger=Trigger.SYNC).values_list("file_digest", flat=True))
    committed = set(ImportRun.objects.filter(status=RunStatus.COMMITTED).values_list("file_digest", flat=True))
    too_big = [name for name, data in files.values() if data is None]
    if too_big:
        limit = settings.HOUSING_SYSTEM_MAX_FILE_MB
        return _finish(SyncReport(False, f"Nothing was changed: {', '.join(too_big)} is larger than {limit} MB."))
    digests = {record_type: file_digest(data) for record_type, (_, data) in files.items()}
    if all(digest in seen for digest in digests.values()):
        return SyncReport(True, "No new housing system files since the last sync.")
    runs: list[ImportRun] = []
    failure = ""
    with transaction.atomic():
        try:
            with transaction.atomic():
                for record_type in RecordType.values:  # patches, estates, customers: in this order
                    if record_type not in files or digests[record_type] in committed:
                        continue
                    name, data = files[record_type]
                    run = _sync_one(record_type, system, name, data)
                    runs.append(run)
                    if run.status != RunStatus.COMMITTED:
                        failure = f"{name} has {len(run.errors):,} errors"
                        raise _SyncFailed
        except _SyncFailed:
            pass
        if failure:
            # The data went back with the inner block; the runs are kept to say why.
            for run in runs:
                if run.status == RunStatus.COMMITTED:
                    run.status, run.committed_at = RunStatus.FAILED, None
                    run.report += f" Not saved: {failure}."
                run.save()  # rolled back with the data: saved again (same id) to keep the audit trail
    if failure:
        return _finish(SyncReport(False, f"Nothing was changed: {failure}.", runs))
    summary = " ".join(f"{run.get_record_type_display()}: {run.report}" for run in runs)
    return _finish(SyncReport(True, summary or "Nothing new to import.", runs))


def _sync_one(record_type: str, system: str, name: str, data: bytes) -> ImportRun:
    try:
        check_upload(ContentFile(data, name=name), accept=SPREADSHEETS, max_mb=settings.HOUSING_SYSTEM_MAX_FILE_MB)
    except ValidationError as error:
        run = ImportRun(record_type=record_type, source_system=system, trigger=Trigger.SYNC, file_name=name)
        run.file_digest = file_digest(data)
        run.file.save(name[:100], ContentFile(data), save=False)
        _record(run, Outcome(errors=[(0, message) for message in error.messages]))
        run.status = RunStatus.FAILED
        return run
    full = record_type == RecordType.CUSTOMERS
    run = import_run_start(
        record_type=record_type,
        source_system=system,
        data=data,
        file_name=name,
        trigger=Trigger.SYNC,
        full_extract=full,
    )
    if run.status == RunStatus.NEEDS_MAPPING:
        what = run.get_record_type_display().lower()
        problem = f"no saved column mapping for {what} from {system} fits this file: upload one and match its columns"
        _record(run, Outcome(errors=[(0, problem)]))
        run.status = RunStatus.FAILED
        return run
    if run.status != RunStatus.CHECKED:
        run.status = RunStatus.FAILED
        return run
    outcome = run_file(record_type=record_type, data=data, columns=_columns(run), full_extract=full, dry_run=False)
    _record(run, outcome)
    if outcome.errors:
        run.status = RunStatus.FAILED
    else:
        run.status, run.committed_at = RunStatus.COMMITTED, timezone.now()
    run.save()
    return run


def _finish(report: SyncReport) -> SyncReport:
    title = "Housing system sync: " + ("done" if report.ok else "failed, nothing changed")
    url = reverse("housing_system:run_list")
    notify_many([(user, title, report.summary, url) for user in _recipients()])
    return report
