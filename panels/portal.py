"""The panels app's navigation links, home-page panels, deadline kinds and charter measures."""

from engagement.models import Role
from engagement.registry import dashboard_panel, register_nav, register_personal_data
from mailouts.audiences import register_group

from . import deadlines, gdpr  # noqa: F401  (registers the panels' deadlines with the one chase)

register_nav("Panels", "panels:panel_list", "staff", order=60)
register_nav("My panels", "panels:my_panels", "customer", order=60)


@dashboard_panel("panels/_home_customer.html", roles={Role.CUSTOMER}, order=30)
def customer_involvement(request):
    from .selectors import customer_home

    customer = getattr(request.user, "customer", None)
    if customer is None:
        return None
    return customer_home(customer)


@dashboard_panel("panels/_home_staff.html", roles={Role.OFFICER, Role.MANAGER, Role.ADMIN}, order=30)
def staff_panel_work(request):
    from .selectors import staff_home

    return staff_home(request.user)


from . import measures  # noqa: E402,F401  (registers the panels charter measures)

# What this app holds about a customer, for the manager's GDPR export and erasure (engagement/gdpr.py).
register_personal_data(
    "panels", label="Panels, meetings, walks, letters and expenses", export=gdpr.export, erase=gdpr.erase, order=40
)


def _panel_choices():
    from .models import Panel

    return list(Panel.objects.order_by("name").values_list("pk", "name"))


def _current_members(ids):
    from .models import Membership

    return Membership.objects.current().filter(panel__in=ids).values("customer_id")


# A panel's current members, as an audience for mail-outs (mailouts/audiences.py).
register_group("panel", label="Members of a panel", choices=_panel_choices, customer_ids=_current_members)
