"""Literature review: submit, comment, approve as jargon-free or ask for changes, revise."""

from __future__ import annotations

import uuid

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from engagement.models import User
from engagement.services import create_once, notify, notify_many
from engagement.uploads import CheckedUpload
from panels.models import Membership, MembershipRole, Panel

from ..models import ReviewComment, ReviewDocument, ReviewStatus


def _member_users(panel: Panel):
    return User.objects.filter(
        customer__memberships__in=Membership.objects.current().filter(panel=panel), is_active=True
    ).distinct()


def can_comment(user: User, document: ReviewDocument) -> bool:
    """Staff, and the current members of the reviewing panel."""
    if not user.is_authenticated:
        return False
    if user.is_engagement_staff:
        return True
    return Membership.objects.current().filter(panel_id=document.panel_id, customer__user=user).exists()


def can_decide(user: User, document: ReviewDocument) -> bool:
    """A manager, or the reviewing panel's current chair."""
    if not user.is_authenticated:
        return False
    if user.is_manager:
        return True
    return (
        Membership.objects.current()
        .filter(panel_id=document.panel_id, customer__user=user, role=MembershipRole.CHAIR)
        .exists()
    )


def review_document_submit(
    *, title: str, kind: str, panel: Panel, upload: CheckedUpload, notes: str, by: User, form_token: uuid.UUID | None
) -> tuple[ReviewDocument, bool]:
    """A member of staff sends a draft to the panel; its members are told."""

    def build():
        document = ReviewDocument.objects.create(
            title=title,
            kind=kind,
            panel=panel,
            file=upload.file,
            file_content_type=upload.content_type,
            notes=notes,
            submitted_by=by,
            form_token=form_token,
        )
        _tell_members(document, f"Please review: {document.title}")
        return document

    return create_once(ReviewDocument, form_token=form_token, build=build)


def _tell_members(document: ReviewDocument, title: str) -> None:
    body = f"The {document.panel.name} is asked whether it is clear and free of jargon."
    notify_many([(user, title, body, document.get_absolute_url()) for user in _member_users(document.panel)])


def review_comment_add(*, document: ReviewDocument, author: User, body: str) -> ReviewComment:
    if not can_comment(author, document):
        raise PermissionDenied("Only the panel's members and staff comment on its documents.")
    if document.status != ReviewStatus.IN_REVIEW:
        raise ValidationError({"body": "This document is not with the panel at the moment."})
    if not body.strip():
        raise ValidationError({"body": "Write your comment."})
    return ReviewComment.objects.create(document=document, version=document.version, author=author, body=body.strip())


def review_document_decide(*, document: ReviewDocument, by: User, approve: bool, note: str = "") -> ReviewDocument:
    """Approve as jargon-free (the stamp and its date), or ask for changes (with what to change).

    Decided once per version: a conditional UPDATE from "with the panel", so two people deciding
    at the same moment cannot both win."""
    if not can_decide(by, document):
        raise PermissionDenied("A manager or the panel's chair decides.")
    if not approve and not note.strip():
        raise ValidationError({"note": "Say what should change."})
    today = timezone.localdate()
    status = ReviewStatus.APPROVED if approve else ReviewStatus.CHANGES
    with transaction.atomic():
        claimed = ReviewDocument.objects.filter(pk=document.pk, status=ReviewStatus.IN_REVIEW).update(
            status=status, decided_by=by, decided_on=today, decision_note=note.strip()
        )
        if not claimed:
            raise ValidationError("This version has already been decided.")
        document.refresh_from_db()
        if document.submitted_by_id and document.submitted_by_id != by.pk:
            title = document.stamp if approve else f"Changes asked for: {document.title}"
            notify(document.submitted_by, title=title, body=document.decision_note, url=document.get_absolute_url())
    return document


def review_document_revise(*, document: ReviewDocument, upload: CheckedUpload, by: User) -> ReviewDocument:
    """A new version after changes were asked for: back to the panel, undecided."""
    if document.status != ReviewStatus.CHANGES:
        raise ValidationError("Only a document with changes asked for takes a new version.")
    document.file = upload.file
    document.file_content_type = upload.content_type
    document.version += 1
    document.status = ReviewStatus.IN_REVIEW
    document.decided_by, document.decided_on, document.decision_note = None, None, ""
    document.save()
    _tell_members(document, f"New version to review: {document.title}")
    return document
