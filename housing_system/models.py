"""What the housing management system import keeps: how each file's columns are read, and every run.

A `ColumnMapping` is saved once per source system and kind of record (patches, estates, customers)
and reused by the next upload and by the nightly sync. An `ImportRun` is the audit trail of one file:
who or what brought it (a person's upload or the nightly sync), when, the file itself and its SHA-256
digest (the sync never processes the same file twice), what its dry run found (rows to add, change,
leave unchanged, leavers to end, erased people not imported, every row's errors with its line) and
whether it was committed.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse

from engagement.storage import private_storage


class RecordType(models.TextChoices):
    # In the order a landlord's files must be imported: estates name their patch, customers their estate.
    PATCHES = "patches", "Patches"
    ESTATES = "estates", "Estates and schemes"
    CUSTOMERS = "customers", "Customers"


class ColumnMapping(models.Model):
    """Which column of a source system's file holds each of the portal's fields."""

    source_system = models.CharField(max_length=60)
    record_type = models.CharField(max_length=20, choices=RecordType.choices)
    columns = models.JSONField(default=dict, help_text="The portal's field name -> the file's column heading.")
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source_system", "record_type"], name="one_mapping_per_system_and_type")
        ]

    def __str__(self) -> str:
        return f"{self.source_system}: {self.get_record_type_display()}"


class Trigger(models.TextChoices):
    UPLOAD = "upload", "Uploaded by a person"
    SYNC = "sync", "Nightly sync"


class RunStatus(models.TextChoices):
    NEEDS_MAPPING = "needs_mapping", "Columns to match"
    CHECKING = "checking", "Being checked"
    CHECKED = "checked", "Checked: ready to commit"
    INVALID = "invalid", "Has errors: nothing saved"
    COMMITTING = "committing", "Being saved"
    COMMITTED = "committed", "Committed"
    FAILED = "failed", "Failed: nothing saved"


class ImportRun(models.Model):
    record_type = models.CharField(max_length=20, choices=RecordType.choices)
    source_system = models.CharField(max_length=60)
    trigger = models.CharField(max_length=10, choices=Trigger.choices, default=Trigger.UPLOAD)
    full_extract = models.BooleanField(
        default=False, help_text="The file lists every current customer: anyone missing from it has left."
    )
    file = models.FileField(upload_to="housing_system/%Y/%m/", storage=private_storage)
    file_name = models.CharField(max_length=200)
    file_digest = models.CharField("SHA-256 of the file", max_length=64, db_index=True)
    status = models.CharField(max_length=20, choices=RunStatus.choices, default=RunStatus.NEEDS_MAPPING)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    checked_at = models.DateTimeField(null=True, blank=True)
    committed_at = models.DateTimeField(null=True, blank=True)
    committed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    rows = models.PositiveIntegerField(default=0)
    added = models.PositiveIntegerField(default=0)
    changed = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    ended = models.PositiveIntegerField("customers ended", default=0)
    erased_skipped = models.PositiveIntegerField("erased, not imported", default=0)
    errors = models.JSONField(default=list, blank=True)  # [{"line": 4, "message": "..."}], line 0: the file
    changes = models.JSONField(default=list, blank=True)  # a sample: [{"line", "key", "action", "fields"}]
    report = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_record_type_display()} from {self.file_name} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse("housing_system:run_detail", args=[self.pk])

    @property
    def can_commit(self) -> bool:
        return self.status == RunStatus.CHECKED

    @property
    def in_progress(self) -> bool:
        return self.status in (RunStatus.CHECKING, RunStatus.COMMITTING)
