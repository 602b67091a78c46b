"""The consultation club's links, its members as a mail-out audience, and what it holds."""

from engagement.models import Role
from engagement.registry import dashboard_panel, register_nav, register_personal_data
from mailouts.audiences import register_group

from . import gdpr

register_nav("Consultation club", "consultation:club", "staff", order=66, more=True)
register_nav("Consultation club", "consultation:join", "customer", order=66)


def _service_choices():
    from .models import Service

    return [(0, "Every member"), *Service.objects.values_list("pk", "name")]


def _members_of(ids):
    from .models import ClubMember, Service

    members = ClubMember.objects.current()
    if 0 not in ids:
        members = members.interested_in(Service.objects.filter(pk__in=ids))
    return members.values("customer_id")


register_group(
    "club", label="Consultation club members interested in", choices=_service_choices, customer_ids=_members_of
)

register_personal_data(
    "consultation", label="Consultation club and satisfaction samples", export=gdpr.export, erase=gdpr.erase, order=61
)


@dashboard_panel("consultation/_home_customer.html", roles={Role.CUSTOMER}, order=35)
def club_invitation(request):
    from .models import ClubMember

    customer = getattr(request.user, "customer", None)
    if customer is None:
        return None
    return {"club_member": ClubMember.objects.filter(customer=customer, left_on__isnull=True).first()}
