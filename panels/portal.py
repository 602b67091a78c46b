"""The panels app's navigation links, home-page panels, daily jobs and charter measures."""

from engagement.models import Role
from engagement.registry import dashboard_panel, register_nav, register_periodic

register_nav("Panels", "panels:panel_list", "staff", order=60)
register_nav("My panels", "panels:my_panels", "customer", order=60)

register_periodic(
    "Panels: chase expressions of interest", "panels.tasks.chase_expressions_of_interest", hour=7, minute=10
)
register_periodic("Panels: chase meeting minutes", "panels.tasks.chase_meeting_minutes", hour=7, minute=20)


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
