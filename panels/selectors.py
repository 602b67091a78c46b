"""Reads about panels that other apps rely on."""

from __future__ import annotations

import datetime

from django.utils import timezone

from engagement.models import Customer, Estate

from .models import Membership, MembershipRole, PanelKind


def champion_estates(customer: Customer, *, on: datetime.date | None = None):
    """The estates a customer currently looks after as an estate champion (empty if none)."""
    memberships = Membership.objects.current(on).filter(
        customer=customer, role=MembershipRole.CHAMPION, panel__kind=PanelKind.ESTATE_CHAMPIONS
    )
    return Estate.objects.filter(champion_memberships__in=memberships).distinct().order_by("name")


def is_estate_champion(customer: Customer, *, on: datetime.date | None = None) -> bool:
    return champion_estates(customer, on=on).exists()


# --- Reads for the panels app's own pages -----------------------------------------------------


def is_current_member(user, panel, *, on: datetime.date | None = None) -> bool:
    if not user.is_authenticated or user.is_engagement_staff:
        return False
    return Membership.objects.current(on).filter(panel=panel, customer__user=user).exists()


def can_see_panel(user, panel) -> bool:
    """Staff see every panel; an involved customer only the panels they are a current member of."""
    return user.is_authenticated and (user.is_engagement_staff or is_current_member(user, panel))


def panels_with_cadence(*, today: datetime.date | None = None, queryset=None):
    """Panels with their last meeting, next planned meeting, member count, and cadence status.

    Two queries whatever the number of panels: the aggregates are annotated in SQL and the
    proposals and missed-meeting flag are pure date arithmetic on the result.
    """
    from django.db.models import Count, Max, Min, Q

    from .cadence import missed_meeting_due_on, propose_meetings
    from .models import MeetingStatus, Panel

    today = today or timezone.localdate()
    queryset = queryset if queryset is not None else Panel.objects.filter(is_active=True)
    current = Q(memberships__starts_on__lte=today) & (
        Q(memberships__ends_on__isnull=True) | Q(memberships__ends_on__gte=today)
    )
    panels = list(
        queryset.select_related("officer").annotate(
            last_held_on=Max("meetings__meets_on", filter=Q(meetings__status=MeetingStatus.HELD)),
            next_planned_on=Min(
                "meetings__meets_on", filter=Q(meetings__status=MeetingStatus.PLANNED, meetings__meets_on__gte=today)
            ),
        )
    )
    counts = dict(
        Panel.objects.filter(pk__in=[p.pk for p in panels])
        .annotate(n=Count("memberships", filter=current, distinct=True))
        .values_list("pk", "n")
    )
    for panel in panels:
        panel.member_count = counts.get(panel.pk, 0)
        every = panel.meets_every_months
        panel.proposed_dates = (
            propose_meetings(last_held_on=panel.last_held_on, every_months=every, today=today) if every else []
        )
        panel.missed_due_on = missed_meeting_due_on(
            last_held_on=panel.last_held_on, every_months=every, today=today, anchor=panel.cadence_from
        )
    return panels


def scrutiny_actions_due(*, by: datetime.date):
    """Open actions from scrutiny action plans due on or before `by` (overdue ones included),
    for the Customer Voice Group to monitor."""
    from django.contrib.contenttypes.models import ContentType

    from engagement.models import Action

    from .models import ScrutinyProject

    return (
        Action.objects.open()
        .filter(source_type=ContentType.objects.get_for_model(ScrutinyProject), due_on__lte=by)
        .select_related("owner")
        .prefetch_related("source")
        .order_by("due_on", "pk")
    )


def actions_from(model, ids):
    """Actions whose source is one of `ids` of `model` (e.g. the meetings of a member's panels)."""
    from django.contrib.contenttypes.models import ContentType

    from engagement.models import Action

    return Action.objects.filter(source_type=ContentType.objects.get_for_model(model), source_id__in=ids)


def customer_home(customer: Customer, *, today: datetime.date | None = None) -> dict:
    """What an involved customer sees about their involvement on their home page."""
    from django.db.models import Q

    from engagement.models import Action

    from .models import (
        EstateWalk,
        ExpenseClaim,
        InductionItem,
        Meeting,
        MeetingPaper,
        MeetingStatus,
        ScrutinyProject,
        TrainingRecord,
    )

    today = today or timezone.localdate()
    memberships = list(
        Membership.objects.current(today).filter(customer=customer).select_related("panel").prefetch_related("estates")
    )
    panel_ids = [m.panel_id for m in memberships]
    upcoming = list(
        Meeting.objects.filter(panel_id__in=panel_ids, status=MeetingStatus.PLANNED, meets_on__gte=today)
        .select_related("panel")
        .order_by("meets_on")[:5]
    )
    papers = list(
        MeetingPaper.objects.filter(meeting__in=[m.pk for m in upcoming]).select_related("meeting__panel")[:10]
    )
    minutes = list(
        Meeting.objects.filter(panel_id__in=panel_ids, minutes_published_on__isnull=False)
        .select_related("panel")
        .order_by("-meets_on")[:5]
    )
    # Actions they follow: the published action plans of their panels' meetings, their
    # scrutiny projects' plans, and the actions of walks they went on.
    published = Meeting.objects.filter(panel_id__in=panel_ids, minutes_published_on__isnull=False).values("pk")
    projects = ScrutinyProject.objects.filter(panel_id__in=panel_ids).values("pk")
    walks = EstateWalk.objects.filter(attendees__customer=customer).values("pk")
    followed = (
        Action.objects.open()
        .filter(
            Q(pk__in=actions_from(Meeting, published).values("pk"))
            | Q(pk__in=actions_from(ScrutinyProject, projects).values("pk"))
            | Q(pk__in=actions_from(EstateWalk, walks).values("pk"))
        )
        .select_related("owner")
        .order_by("due_on")[:10]
    )
    return {
        "customer": customer,
        "memberships": memberships,
        "upcoming": upcoming,
        "papers": papers,
        "minutes": minutes,
        "actions": list(followed),
        "induction_todo": list(
            InductionItem.objects.filter(
                membership__in=[m.pk for m in memberships], done_on__isnull=True
            ).select_related("membership__panel")
        ),
        "training": list(TrainingRecord.objects.filter(customer=customer).order_by("-held_on")[:5]),
        "claims": list(ExpenseClaim.objects.filter(customer=customer).order_by("-submitted_at")[:5]),
        "today": today,
    }


def staff_home(user, *, today: datetime.date | None = None) -> dict:
    """Minutes due or overdue and expressions of interest awaiting an answer.

    An officer sees the panels they support; a manager sees every panel.
    """
    from .models import ExpenseClaim, ExpenseStatus, ExpressionOfInterest, Letter, Meeting

    today = today or timezone.localdate()
    meetings = Meeting.objects.minutes_outstanding().select_related("panel").order_by("minutes_due_on")
    eois = ExpressionOfInterest.objects.awaiting().select_related("panel", "customer").order_by("answer_due_on")
    if not user.is_manager:
        meetings = meetings.filter(panel__officer=user)
        eois = eois.filter(panel__officer=user)
    return {
        "meetings": list(meetings[:10]),
        "eois": list(eois[:10]),
        "claims_waiting": ExpenseClaim.objects.filter(status=ExpenseStatus.SUBMITTED).count(),
        "letters_to_print": Letter.objects.filter(printed_on__isnull=True).count(),
        "today": today,
    }
