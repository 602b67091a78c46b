"""Satisfaction survey responses: recording one with its answers, and the TSM screening flags."""

from __future__ import annotations

import datetime
import uuid

from django.utils import timezone

from engagement.models import Customer, Estate, User
from engagement.services import create_once

from .. import tsm
from ..models import Answer, Invitation, Question, Response, Screens, Survey


def response_flags(questions: list[Question], values: dict[int, str], estate: Estate) -> dict:
    """The base flags from the screening answers (surveys.tsm): only "yes" is True; "no" is False;
    "don't know" or no answer is None, so the respondent is left out of that measure's base. The
    estate's own record (communal areas) is not used in place of an answer."""
    flags = {"had_repair": None, "complained": None, "has_communal_areas": None}
    field_of = {
        Screens.HAD_REPAIR: "had_repair",
        Screens.COMPLAINED: "complained",
        Screens.COMMUNAL_AREAS: "has_communal_areas",
    }
    for question in questions:
        if question.screens_for:
            flags[field_of[question.screens_for]] = tsm.screening_flag(values.get(question.pk, ""))
    return flags


def response_record(
    *,
    survey: Survey,
    estate: Estate,
    tenure: str,
    channel: str,
    answers: dict[int, dict],
    customer: Customer | None = None,
    responded_on: datetime.date | None = None,
    assisted_by: str = "",
    entered_by: User | None = None,
    invitation: Invitation | None = None,
    form_token: uuid.UUID | None = None,
    external_ref: str = "",
) -> Response:
    """Record one response with its answers. `answers` maps question id → {"value", "text"}.

    A resent form (same one-time token) returns the response the first one recorded. Raises
    IntegrityError (inside its own savepoint) if the customer already answered: callers turn
    that into a friendly message.
    """
    questions = list(survey.questions.all())
    values = {qid: (answer.get("value") or "") for qid, answer in answers.items()}

    def build() -> Response:
        response = Response.objects.create(
            survey=survey,
            customer=customer,
            estate=estate,
            tenure=tenure,
            responded_on=responded_on or timezone.localdate(),
            channel=channel,
            assisted_by=assisted_by.strip(),
            entered_by=entered_by,
            invitation=invitation,
            form_token=form_token,
            external_ref=external_ref,
            **response_flags(questions, values, estate),
        )
        Answer.objects.bulk_create(_answers_for(response, questions, answers))
        return response

    return create_once(Response, form_token=form_token, build=build)[0]


def _answers_for(response: Response, questions: list[Question], answers: dict[int, dict]) -> list[Answer]:
    rows = []
    for question in questions:
        answer = answers.get(question.pk) or {}
        value, text = (answer.get("value") or ""), (answer.get("text") or "").strip()
        if not value and not text:
            continue
        rows.append(
            Answer(response=response, question=question, value=value, text=text, positive=question.positive(value))
        )
    return rows
