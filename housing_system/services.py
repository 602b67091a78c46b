"""Bringing a housing management system's file into the portal: check (dry run), then commit, all or nothing.

One mechanism for a person's upload and the nightly sync:
1. `import_run_start` keeps the file (private storage) and its digest on a new `ImportRun`; when the
   source system's saved `ColumnMapping` fits the file's headings, the dry run follows at once;
   otherwise the person matches the columns once (`column_mapping_save`) and it is saved for next time.
2. `import_dry_run` reads every row through the resource (housing_system.resources) without writing
   anything and records what would be added, changed and left unchanged, who would be ended (a full
   customer extract), who is erased and so not imported, and every row's errors with its line.
3. `import_commit` runs the same import for real in one transaction, and refuses (saving nothing) if
   the dry run had errors, or if the commit itself finds any (the data may have moved meanwhile).

A large file (over HOUSING_SYSTEM_BACKGROUND_MB: about 7,000 customers) is checked and saved by a
Celery task (recorded in the outbox with the run), not in the web request; its page says so.

Customers missing from a full extract are ended (`Customer.ended_on`), never deleted: their
engagement history stays in every report. Only customers that came from the housing system (with a
`source_reference`) can be ended by it; a person erased under GDPR is skipped by the digest of their
old tenancy reference and counted as "erased, not imported".
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from engagement.models import Customer
from engagement.outbox import enqueue

from .models import ColumnMapping, ImportRun, RecordType, RunStatus, Trigger
from .reading import mapped_dataset, read_table
from .records import fields_of, mapping_fits
from .resources import RESOURCES

# Keys that must be unique within one file: (field, how the message names it).
UNIQUE_IN_FILE = {
    RecordType.PATCHES: (("source_reference", "patch id"), ("code", "patch code")),
    RecordType.ESTATES: (("source_reference", "estate id"), ("name", "estate name")),
    RecordType.CUSTOMERS: (("source_reference", "person id"), ("reference", "tenancy reference")),
}
LEAVERS_LISTED = 200
END_BATCH = 1000


@dataclass
class Outcome:
    rows: int = 0
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    ended: int = 0
    erased_skipped: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    changes: list[dict] = field(default_factory=list)


def file_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _duplicates(record_type: str, dataset, lines: list[int], columns: dict[str, str]) -> list[tuple[int, str]]:
    problems = []
    checked_headings = set()
    for name, label in UNIQUE_IN_FILE[RecordType(record_type)]:
        if name not in dataset.headers or columns.get(name) in checked_headings:
            continue  # one file column mapped to two keys (person id = tenancy reference) is checked once
        checked_headings.add(columns.get(name))
        first: dict[str, int] = {}
        for position, value in enumerate(dataset[name]):
            key = " ".join(str(value or "").split()).upper()
            if not key:
                continue
            if key in first:
                problems.append((lines[position], f"the {label} {value} is also on line {first[key]}"))
            else:
                first[key] = lines[position]
    return problems


def _leavers(dataset) -> tuple[list[int], int]:
    """Current customers from the housing system that a full extract leaves out: (their ids, how many current)."""
    in_file_sources = {str(value).strip().upper() for value in dataset["source_reference"]}
    in_file_references = {str(value).strip().upper() for value in dataset["reference"]}
    current = (
        Customer.objects.current()
        .filter(erased_at__isnull=True)
        .exclude(source_reference="")
        .values_list("pk", "source_reference", "reference")
    )
    total, leavers = 0, []
    for pk, source, reference in current.iterator(chunk_size=5000):
        total += 1
        if source.upper() not in in_file_sources and reference.upper() not in in_file_references:
            leavers.append(pk)
    return leavers, total


def _row_messages(result, lines: list[int]) -> list[tuple[int, str]]:
    def line_of(number: int) -> int:
        return lines[number - 1] if 0 < number <= len(lines) else 0

    problems = [(0, f"the file could not be imported ({error.error})") for error in result.base_errors]
    for number, errors in result.row_errors():
        problems += [(line_of(number), f"this row could not be saved ({error.error})") for error in errors]
    for invalid in result.invalid_rows:
        messages = [message for values in invalid.error_dict.values() for message in values]
        problems.append((line_of(invalid.number), "; ".join(messages)))
    return problems


def run_file(*, record_type: str, data: bytes, columns: dict[str, str], full_extract: bool, dry_run: bool) -> Outcome:
    """Read `data` with the column mapping and import it (or only check it, `dry_run`)."""
    outcome = Outcome()
    table = read_table(data, name="")
    outcome.errors += table.problems
    missing = [heading for heading in columns.values() if heading and heading not in table.headings]
    if table.headings and missing:
        outcome.errors.append((1, f"the heading row has no column {', '.join(repr(m) for m in missing)}"))
    if not table.headings or missing:
        return outcome
    dataset = mapped_dataset(table, columns)
    outcome.rows = len(dataset)
    outcome.errors += _duplicates(record_type, dataset, table.lines, columns)
    resource = RESOURCES[record_type]()
    resource.lines = table.lines
    result = resource.import_data(dataset, dry_run=dry_run, use_transactions=not dry_run, raise_errors=False)
    outcome.errors += _row_messages(result, table.lines)
    outcome.added = result.totals["new"]
    outcome.changed = result.totals["update"]
    outcome.erased_skipped = resource.erased_skipped
    outcome.unchanged = result.totals["skip"] - resource.erased_skipped
    outcome.changes = resource.changes
    if record_type == RecordType.CUSTOMERS and full_extract:
        leavers, current = _leavers(dataset)
        outcome.ended = len(leavers)
        limit = settings.HOUSING_SYSTEM_MAX_LEAVERS_PERCENT
        if len(leavers) > 5 and len(leavers) * 100 > current * limit:
            outcome.errors.append(
                (
                    0,
                    f"this full extract would end {len(leavers):,} of {current:,} customers' tenancies, more than "
                    f"{limit}%: check the file is complete (a cut-off export would end everyone after the cut)",
                )
            )
        listed = dict(Customer.objects.filter(pk__in=leavers[:LEAVERS_LISTED]).values_list("pk", "reference"))
        outcome.changes += [{"line": 0, "key": listed[pk], "action": "end", "fields": []} for pk in listed]
        if not dry_run and not outcome.errors:
            today = timezone.localdate()
            for start in range(0, len(leavers), END_BATCH):
                Customer.objects.filter(pk__in=leavers[start : start + END_BATCH]).update(
                    ended_on=today, updated_at=timezone.now()
                )
    outcome.errors.sort(key=lambda problem: problem[0])
    return outcome


def _record(run: ImportRun, outcome: Outcome) -> None:
    for name in ("rows", "added", "changed", "unchanged", "ended", "erased_skipped"):
        setattr(run, name, getattr(outcome, name))
    run.errors = [{"line": line, "message": message} for line, message in outcome.errors]
    run.changes = outcome.changes
    run.report = run_report(run)


def run_report(run: ImportRun) -> str:
    """What the run found or did, in one paragraph (the sync's notice and the run's page)."""
    parts = [f"{run.rows:,} rows: {run.added:,} to add, {run.changed:,} to change, {run.unchanged:,} unchanged"]
    if run.record_type == RecordType.CUSTOMERS:
        parts.append(f"{run.ended:,} customers to end (not in this full extract)" if run.full_extract else "")
        parts.append(f"{run.erased_skipped:,} erased, not imported" if run.erased_skipped else "")
    if run.errors:
        parts.append(f"{len(run.errors):,} errors, so nothing can be saved")
    return "; ".join(part for part in parts if part) + "."


def _columns(run: ImportRun) -> dict[str, str] | None:
    mapping = ColumnMapping.objects.filter(source_system=run.source_system, record_type=run.record_type).first()
    return mapping.columns if mapping else None


def import_run_start(
    *,
    record_type: str,
    source_system: str,
    data: bytes,
    file_name: str,
    user=None,
    trigger: str = Trigger.UPLOAD,
    full_extract: bool = False,
) -> ImportRun:
    """Keep the file on a new run and check it at once if the saved column mapping fits it."""
    run = ImportRun(
        record_type=record_type,
        source_system=source_system.strip(),
        trigger=trigger,
        full_extract=full_extract and record_type == RecordType.CUSTOMERS,
        file_name=file_name[:200],
        file_digest=file_digest(data),
        started_by=user,
    )
    run.file.save(file_name[:100] or "import.csv", ContentFile(data), save=False)
    columns = _columns(run)
    table = read_table(data, name=file_name, headings_only=True)
    run.save()
    if columns is not None and mapping_fits(record_type, columns, table.headings):
        _check(run, background=trigger == Trigger.UPLOAD)
    elif not table.headings:
        _record(run, Outcome(errors=table.problems or [(0, "the file has no heading row")]))
        run.status = RunStatus.INVALID
        run.save()
    return run


def run_headings(run: ImportRun) -> list[str]:
    with run.file.open("rb") as handle:
        return read_table(handle.read(), name=run.file_name, headings_only=True).headings


def column_mapping_save(*, run: ImportRun, columns: dict[str, str], user) -> ColumnMapping:
    """Save which column holds each field for this source system and kind of record, then check the file."""
    headings = run_headings(run)
    columns = {name: heading for name, heading in columns.items() if heading}
    unknown = {name for name in columns} - {f.name for f in fields_of(run.record_type)}
    if unknown or not mapping_fits(run.record_type, columns, headings):
        raise ValidationError("Choose a column of the file for every field that must have one.")
    mapping, _ = ColumnMapping.objects.update_or_create(
        source_system=run.source_system,
        record_type=run.record_type,
        defaults={"columns": columns, "updated_by": user},
    )
    _check(run, background=True)
    return mapping


def _large(run: ImportRun) -> bool:
    return run.file.size > settings.HOUSING_SYSTEM_BACKGROUND_MB * 1024 * 1024


def _check(run: ImportRun, *, background: bool) -> None:
    """The dry run now, or for a large uploaded file in a worker (queued when the transaction commits)."""
    if background and _large(run):
        from .tasks import check_import_run

        run.status = RunStatus.CHECKING
        run.save(update_fields=["status"])
        enqueue(check_import_run, run.pk)
    else:
        import_dry_run(run=run)


def import_dry_run_queued(*, run_id: int) -> None:
    """The worker's half of a large file's check: only a run still waiting for it is checked."""
    run = ImportRun.objects.filter(pk=run_id, status=RunStatus.CHECKING).first()
    if run is not None:
        import_dry_run(run=run)


def import_dry_run(*, run: ImportRun) -> ImportRun:
    columns = _columns(run) or {}
    with run.file.open("rb") as handle:
        data = handle.read()
    outcome = run_file(
        record_type=run.record_type, data=data, columns=columns, full_extract=run.full_extract, dry_run=True
    )
    _record(run, outcome)
    run.status = RunStatus.INVALID if outcome.errors else RunStatus.CHECKED
    run.checked_at = timezone.now()
    run.save()
    return run


class _Refused(Exception):
    def __init__(self, outcome: Outcome):
        super().__init__("refused")
        self.outcome = outcome


def import_commit_request(*, run: ImportRun, user) -> ImportRun:
    """The manager's "save": at once for a small file; a large one is claimed (CHECKED → COMMITTING,
    a conditional UPDATE, so two clicks save once) and saved by a worker."""
    if not _large(run):
        return import_commit(run=run, user=user)
    from .tasks import commit_import_run

    with transaction.atomic():
        claimed = ImportRun.objects.filter(pk=run.pk, status=RunStatus.CHECKED).update(
            status=RunStatus.COMMITTING, committed_by=user
        )
        if not claimed:
            raise ValidationError(NOT_CHECKED, code="not_checked")
        enqueue(commit_import_run, run.pk)
    run.refresh_from_db()
    return run


NOT_CHECKED = "Only a file whose check found no errors can be saved, once. Upload the corrected file."


def import_commit(*, run: ImportRun, user=None) -> ImportRun:
    """Save every row of a checked file, or none: one transaction, refused if any row has an error.
    A run claimed for a worker (COMMITTING) is saved by it, once: a redelivered task finds it done."""
    with transaction.atomic():
        run = ImportRun.objects.select_for_update().get(pk=run.pk)
        user = user or run.committed_by
        if run.status not in (RunStatus.CHECKED, RunStatus.COMMITTING):
            raise ValidationError(NOT_CHECKED, code="not_checked")
        with run.file.open("rb") as handle:
            data = handle.read()
        try:
            with transaction.atomic():
                outcome = run_file(
                    record_type=run.record_type,
                    data=data,
                    columns=_columns(run) or {},
                    full_extract=run.full_extract,
                    dry_run=False,
                )
                if outcome.errors:
                    raise _Refused(outcome)
        except _Refused as refused:
            _record(run, refused.outcome)
            run.status = RunStatus.FAILED
        else:
            _record(run, outcome)
            run.status = RunStatus.COMMITTED
            run.committed_at = timezone.now()
            run.committed_by = user
        run.save()
    return run
