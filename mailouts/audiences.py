"""Who a mail-out goes to: places (estates or schemes, patches), tenures and groups of customers
that other apps offer (a panel's members, the consultation club), combinable.

Within one sort of choice the customers add up (two estates: everyone in either); across sorts
they narrow (an estate and a tenure: that estate's leaseholders). Groups are offered by the apps
that own them through `register_group` (called from their portal.py), so this app imports none.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db.models import QuerySet

from engagement.models import Customer, Estate, Patch, Tenure


@dataclass(frozen=True)
class Group:
    """A kind of group of customers: `choices()` -> [(id, label)], `customer_ids(ids)` -> a
    queryset of customer ids in any of those groups."""

    key: str
    label: str
    choices: Callable
    customer_ids: Callable


GROUPS: dict[str, Group] = {}


def register_group(key: str, *, label: str, choices: Callable, customer_ids: Callable) -> None:
    GROUPS[key] = Group(key=key, label=label, choices=choices, customer_ids=customer_ids)


@dataclass
class Audience:
    estates: list[int] = field(default_factory=list)
    patches: list[int] = field(default_factory=list)
    tenures: list[str] = field(default_factory=list)
    groups: dict[str, list[int]] = field(default_factory=dict)  # group key -> chosen ids

    @property
    def is_empty(self) -> bool:
        return not (self.estates or self.patches or self.tenures or any(self.groups.values()))

    def customers(self) -> QuerySet:
        """Everyone chosen, erased customers never included."""
        customers = Customer.objects.filter(erased_at__isnull=True)
        if self.estates or self.patches:
            places = Customer.objects.none()
            if self.estates:
                places = places | Customer.objects.filter(estate__in=self.estates)
            if self.patches:
                places = places | Customer.objects.filter(estate__patch__in=self.patches)
            customers = customers.filter(pk__in=places.values("pk"))
        if self.tenures:
            customers = customers.filter(tenure__in=self.tenures)
        chosen = {key: ids for key, ids in self.groups.items() if ids and key in GROUPS}
        if chosen:
            members = Customer.objects.none()
            for key, ids in chosen.items():
                members = members | Customer.objects.filter(pk__in=GROUPS[key].customer_ids(ids))
            customers = customers.filter(pk__in=members.values("pk"))
        return customers

    def describe(self) -> str:
        """The audience in words, for the record and the preview."""
        parts = []
        for key, ids in self.groups.items():
            if ids and key in GROUPS:
                labels = dict(GROUPS[key].choices())
                parts.append(f"{GROUPS[key].label}: {_join(labels.get(i, str(i)) for i in ids)}")
        if self.estates:
            parts.append(
                "Estates and schemes: "
                + _join(Estate.objects.filter(pk__in=self.estates).values_list("name", flat=True))
            )
        if self.patches:
            parts.append("Patches: " + _join(Patch.objects.filter(pk__in=self.patches).values_list("name", flat=True)))
        if self.tenures:
            parts.append("Tenures: " + _join(Tenure(t).label for t in self.tenures))
        return "; ".join(parts)[:500] or "Nobody chosen"


def _join(labels: Iterable[str]) -> str:
    return ", ".join(str(label) for label in labels)
