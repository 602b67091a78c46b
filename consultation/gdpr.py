"""What the consultation club holds about one customer: their membership and when they were
sampled. Nothing in their own words, so erasure changes nothing here (the rows keep the counts)."""

from engagement.gdpr import records_of

from .models import ClubMember, Sampled


def export(customer) -> list[dict]:
    rows = []
    members = ClubMember.objects.filter(customer=customer)
    for member, row in zip(
        members, records_of(members, ["joined_on", "survey_way", "any_service", "left_on"]), strict=True
    ):
        rows.append({"record": "consultation club", "services": ", ".join(map(str, member.services.all())), **row})
    samples = Sampled.objects.filter(customer=customer).select_related("round").order_by("sampled_on")
    rows += [
        {"record": "satisfaction sample", "quarter": s.round.quarter, "sampled on": str(s.sampled_on)} for s in samples
    ]
    return rows


def erase(customer) -> int:
    return 0
