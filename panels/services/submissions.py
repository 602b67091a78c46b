"""One-time form tokens: a double-clicked 'Save' does the work once."""

from __future__ import annotations

import uuid

from django.db import IntegrityError, transaction

from ..models import SubmissionToken


class DuplicateSubmission(Exception):
    """The same form was sent twice; the first one already did the work."""


def submission_claim(*, token: uuid.UUID | str | None) -> None:
    """Claim a form's one-time token; raises DuplicateSubmission if it was already used.

    Call inside the transaction that creates the record, so a failed save frees the token.
    """
    if not token:
        return
    try:
        with transaction.atomic():
            SubmissionToken.objects.create(token=token)
    except IntegrityError as error:
        raise DuplicateSubmission from error
