"""Literature review (Trafford's Review Crew, seed 002; Trident's Communications Panel, seed 000
section 6.3): staff send a leaflet, letter or newsletter draft to the reviewing panel, its members
comment, and a manager or the panel's chair approves it as jargon-free or asks for changes.
An approved document carries the stamp: "Approved by the <panel> on <date>"."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from engagement.storage import private_storage


class DocumentKind(models.TextChoices):
    LEAFLET = "leaflet", "Leaflet"
    LETTER = "letter", "Letter"
    NEWSLETTER = "newsletter", "Newsletter"
    WEB_PAGE = "web_page", "Web page or form"
    OTHER = "other", "Other document"


class ReviewStatus(models.TextChoices):
    IN_REVIEW = "in_review", "With the panel"
    CHANGES = "changes", "Changes asked for"
    APPROVED = "approved", "Approved as jargon-free"


class ReviewDocument(models.Model):
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=DocumentKind.choices)
    panel = models.ForeignKey("panels.Panel", on_delete=models.PROTECT, related_name="review_documents")
    file = models.FileField(storage=private_storage, upload_to="involvement/review/")
    file_content_type = models.CharField(max_length=100, blank=True, editable=False)
    version = models.PositiveSmallIntegerField(default=1)
    notes = models.TextField("what the panel should look at", blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    submitted_on = models.DateField(default=timezone.localdate)
    status = models.CharField(max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.IN_REVIEW)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_on = models.DateField(null=True, blank=True)
    decision_note = models.TextField(blank=True)
    form_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        ordering = ["-submitted_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="approved") | models.Q(decided_on__isnull=False),
                name="review_document_approved_has_a_date",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("involvement:document_detail", args=[self.pk])

    @property
    def stamp(self) -> str:
        """The jargon-free stamp an approved document carries; empty until approved."""
        if self.status != ReviewStatus.APPROVED:
            return ""
        return f"Approved by the {self.panel.name} on {self.decided_on:%-d %B %Y}"


class ReviewComment(models.Model):
    document = models.ForeignKey(ReviewDocument, on_delete=models.CASCADE, related_name="comments")
    version = models.PositiveSmallIntegerField(default=1)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"Comment on {self.document} by {self.author}"
