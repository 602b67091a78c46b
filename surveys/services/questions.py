"""Setting up a satisfaction survey's questions."""

from __future__ import annotations

import uuid

from engagement.services import create_once

from ..models import Question, Survey


def question_add(*, survey: Survey, form_token: uuid.UUID | None = None, **fields) -> tuple[Question, bool]:
    """Add a question to the survey. Returns (question, created): the same form sent twice (its
    one-time token) returns the question the first one added."""
    return create_once(
        Question,
        form_token=form_token,
        scope={"survey": survey},
        build=lambda: Question.objects.create(survey=survey, form_token=form_token, **fields),
    )
