"""Reads about panels that other apps rely on."""

from __future__ import annotations

import datetime

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
