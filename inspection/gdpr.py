"""What the inspection app holds about one customer (engagement/gdpr.py): the exercises and
interview panels they took part in. Nothing they typed is kept here (their expense claims are the
panels app's), so erasure keeps the rows, which the reports count, and changes nothing."""

from .models import Participant, RecruitmentPanelist


def export(customer) -> list[dict]:
    rows = [
        {"record": "inspection or mystery shop", "exercise": str(p.exercise), "from_partner": p.from_partner}
        for p in Participant.objects.filter(customer=customer).select_related("exercise")
    ]
    rows += [
        {"record": "interview panel", "post": p.exercise.post, "briefed_on": str(p.briefed_on or "")}
        for p in RecruitmentPanelist.objects.filter(customer=customer).select_related("exercise")
    ]
    return rows


def erase(customer) -> int:
    return 0
