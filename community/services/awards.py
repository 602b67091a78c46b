"""Awards (Trafford Treasures): nominations, shortlisting, winners, and consent before publishing."""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.utils import timezone

from engagement.models import Patch, User
from engagement.services import create_once

from ..models import AwardCategory, AwardRound, Nomination, NominationStatus


def nomination_submit(
    *,
    category: AwardCategory,
    nominee_name: str,
    reason: str,
    nominator_name: str,
    nominator_contact: str,
    nominee_area: Patch | None = None,
    nominee_contact: str = "",
    recorded_by: User | None = None,
    form_token: uuid.UUID | None = None,
    today=None,
) -> tuple[Nomination, bool]:
    """Record a nomination while the round is open (staff may add one late, on someone's behalf)."""
    today = today or timezone.localdate()
    if recorded_by is None and not category.award_round.is_open(today):
        raise ValidationError(f"Nominations for {category.award_round} are closed.")

    def build() -> Nomination:
        return Nomination.objects.create(
            category=category,
            nominee_name=nominee_name.strip(),
            nominee_area=nominee_area,
            nominee_contact=nominee_contact.strip(),
            reason=reason.strip(),
            nominator_name=nominator_name.strip(),
            nominator_contact=nominator_contact.strip(),
            recorded_by=recorded_by,
            form_token=form_token,
        )

    return create_once(Nomination, form_token=form_token, build=build)


def nomination_set_status(*, nomination: Nomination, status: str, by: User) -> Nomination:
    """Shortlist, choose as a winner, or set aside. A winner needs a public citation first."""
    if status not in NominationStatus.values:
        raise ValidationError("Unknown status.")
    if status == NominationStatus.WINNER and not nomination.public_citation.strip():
        raise ValidationError("Write what the winners page will say about them before choosing them as a winner.")
    nomination.status = status
    nomination.save(update_fields=["status"])
    return nomination


def nomination_consent_record(*, nomination: Nomination, how: str, by: User) -> Nomination:
    """Record that the nominee agreed to their name being published (who took it, when, how)."""
    if not how.strip():
        raise ValidationError({"how": "Say how they gave consent, e.g. 'signed form, 3 May'."})
    nomination.consent_recorded_at = timezone.now()
    nomination.consent_recorded_by = by
    nomination.consent_how = how.strip()
    nomination.save(update_fields=["consent_recorded_at", "consent_recorded_by", "consent_how"])
    return nomination


def winners_of(award_round: AwardRound) -> list[Nomination]:
    """The winners the public may see (once the round's winners are announced), by category."""
    if not award_round.winners_announced:
        return []
    return list(
        Nomination.objects.filter(category__award_round=award_round, status=NominationStatus.WINNER)
        .select_related("category", "nominee_area")
        .order_by("category__position", "category__name", "pk")
    )
