"""Estate champion surveys: their photos, recording a survey once, and triaging its issues."""

from __future__ import annotations

import datetime
import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from engagement.models import Action, Customer, Estate, User
from engagement.services import action_create, create_once, notify
from engagement.uploads import PHOTOS, check_upload

from ..models import (
    MAX_PHOTOS,
    PHOTO_MAX_SIDE_PX,
    RATED_TOPICS,
    ChampionIssue,
    ChampionPhoto,
    ChampionSurvey,
    IssueStatus,
    Rating,
    Topic,
)

PENDING_PHOTO_KEEP_DAYS = 2


def champion_photos_stash(
    *, customer: Customer, form_token: uuid.UUID, uploads: list
) -> tuple[list[ChampionPhoto], list[str]]:
    """Keep the photos a champion chose as pending uploads tied to their form, so a form error
    never makes them choose them again. Returns (kept photos, problems to tell them about)."""
    if not uploads:
        return [], []  # most surveys come without photos: nothing to count
    already = ChampionPhoto.objects.filter(customer=customer, form_token=form_token).count()
    kept, problems = [], []
    for upload in uploads:
        if already + len(kept) >= MAX_PHOTOS:
            problems.append(f"{upload.name} was not added: you can attach up to {MAX_PHOTOS} photos.")
            continue
        try:
            photo = check_upload(upload, accept=PHOTOS, max_side=PHOTO_MAX_SIDE_PX)
        except ValidationError as error:
            problems.extend(error.messages)
            continue
        kept.append(
            ChampionPhoto.objects.create(
                customer=customer,
                form_token=form_token,
                image=photo.file,
                original_name=photo.original_name,
                content_type=photo.content_type,
                size=photo.size,
            )
        )
    return kept, problems


def champion_photos_discard(*, customer: Customer, form_token: uuid.UUID, photo_ids: list[int]) -> int:
    """Remove pending photos the champion unticked (only their own, only not yet sent)."""
    photos = list(
        ChampionPhoto.objects.filter(customer=customer, form_token=form_token, survey__isnull=True, pk__in=photo_ids)
    )
    for photo in photos:
        photo.image.delete(save=False)
        photo.delete()
    return len(photos)


def _issues_for(survey: ChampionSurvey) -> list[ChampionIssue]:
    """Every poor rating or comment becomes something staff look at."""
    issues = []
    for topic, _question in RATED_TOPICS:
        rating, comment = survey.rating_of(topic), survey.comment_of(topic).strip()
        if rating == Rating.POOR or comment:
            issues.append(
                ChampionIssue(
                    survey=survey,
                    estate=survey.estate,
                    topic=topic,
                    rating=rating,
                    comment=comment,
                    raised_on=survey.visited_on,
                )
            )
    if survey.anything_else.strip():
        issues.append(
            ChampionIssue(
                survey=survey,
                estate=survey.estate,
                topic=Topic.OTHER,
                comment=survey.anything_else.strip(),
                raised_on=survey.visited_on,
            )
        )
    return issues


def champion_survey_submit(
    *,
    customer: Customer,
    estate: Estate,
    form_token: uuid.UUID,
    answers: dict,
    submitted_at: datetime.datetime | None = None,
    notify_officer: bool = True,
    looked_up: bool = False,
) -> tuple[ChampionSurvey, bool]:
    """Record a champion's survey once. Returns (survey, created).

    The form token is unique on the row: a double tap, a resent POST or a retry after a lost
    connection finds the survey already sent and changes nothing. Pending photos with the same
    token are attached; each poor rating or comment becomes a ChampionIssue, and the estate's
    officer is told in the same transaction (one commit for the whole submit).
    `looked_up`: the caller has already looked for a survey with this token (see create_once).
    """
    officer = estate.officer or (estate.patch.officer if estate.patch_id else None)

    def build() -> ChampionSurvey:
        survey = ChampionSurvey.objects.create(
            customer=customer,
            estate=estate,
            form_token=form_token,
            submitted_at=submitted_at or timezone.now(),
            **answers,
        )
        ChampionPhoto.objects.filter(customer=customer, form_token=form_token, survey__isnull=True).update(
            survey=survey
        )
        issues = ChampionIssue.objects.bulk_create(_issues_for(survey))
        if issues and officer is not None and notify_officer:
            notify(
                officer,
                title=f"Estate champion: {len(issues)} thing{'s' if len(issues) != 1 else ''} to look at, {estate}",
                body="\n".join(issue.summary for issue in issues),
                url=f"{reverse('surveys:issues')}?estate={estate.pk}&status=new",
            )
        return survey

    return create_once(
        ChampionSurvey, form_token=form_token, build=build, scope={"customer": customer}, looked_up=looked_up
    )


def _claim_issue(issue: ChampionIssue, *, status: str, user: User, **fields) -> None:
    """Move an issue out of 'new' exactly once (a conditional UPDATE, never check-then-act)."""
    claimed = ChampionIssue.objects.filter(pk=issue.pk, status=IssueStatus.NEW).update(
        status=status, triaged_by=user, triaged_at=timezone.now(), **fields
    )
    if not claimed:
        raise ValidationError("Someone has already dealt with this item.", code="already_triaged")


def champion_issue_action(
    *,
    issue: ChampionIssue,
    we_will: str,
    owner: User,
    due_on: datetime.date,
    user: User,
    publish: bool = True,
) -> Action:
    """Turn a champion's issue into an Action for the estate's officer, and tell the champion."""
    with transaction.atomic():
        _claim_issue(issue, status=IssueStatus.ACTIONED, user=user)
        action = action_create(
            you_said=f"Estate champion at {issue.estate}: {issue.summary}",
            we_will=we_will,
            owner=owner,
            due_on=due_on,
            source=issue,
            estate=issue.estate,
            publish=publish,
            created_by=user,
        )
        ChampionIssue.objects.filter(pk=issue.pk).update(action=action)
        issue.refresh_from_db()
        _tell_champion(issue, f"We will: {we_will} (by {due_on:%-d %B %Y}).")
    return action


def champion_issue_close(*, issue: ChampionIssue, reason: str, user: User) -> ChampionIssue:
    """Close an issue without an action, with a reason the champion will read."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("Say why you are closing it: the champion will see this.", code="reason_required")
    with transaction.atomic():
        _claim_issue(issue, status=IssueStatus.CLOSED, user=user, closed_reason=reason)
        issue.refresh_from_db()
        _tell_champion(issue, reason)
    return issue


def _tell_champion(issue: ChampionIssue, what: str) -> None:
    user = issue.survey.customer.user
    if user is None or not user.is_active:
        return
    notify(
        user,
        title=f"About what you told us on {issue.estate}: {issue.get_topic_display().lower()}",
        body=f"You said: {issue.summary}\n{what}",
        url=issue.survey.get_absolute_url(),
    )


def pending_photos_purge(*, now: datetime.datetime | None = None) -> int:
    """Delete photos left behind by forms that were never sent (idempotent)."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=PENDING_PHOTO_KEEP_DAYS)
    removed = 0
    for photo in ChampionPhoto.objects.filter(survey__isnull=True, uploaded_at__lt=cutoff):
        photo.image.delete(save=False)
        removed += ChampionPhoto.objects.filter(pk=photo.pk, survey__isnull=True).delete()[0]
    return removed
