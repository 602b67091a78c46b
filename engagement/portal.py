"""The core app's navigation links, home-page panels, beat job and deadline kind."""

from django.utils import timezone

from .models import Role
from .registry import dashboard_panel, register_nav, register_periodic

register_nav("Home", "home", "authenticated", order=0)
register_nav("Customers", "customer_list", "staff", order=80, more=True)
register_nav("Actions", "action_list", "staff", order=85)
register_nav("Deadlines", "deadline_board", "staff", order=86)
register_nav("You said, we did", "you_said_we_did", "public", order=90)
register_periodic(
    "Chase every deadline (reminders, overdue notices, escalations)",
    "engagement.tasks.chase_deadlines",
    hour=7,
    minute=30,
)
register_periodic(
    "Finish background work that was never queued or never finished (broker or worker down)",
    "engagement.tasks.sweep_pending_tasks",
    hour="*",
    minute="*/10",
)

from . import measures  # noqa: E402,F401  (registers the core charter measures)
from .deadlines import actions  # noqa: E402,F401  (registers the action deadline)


@dashboard_panel("engagement/panels/deadlines_officer.html", roles={Role.OFFICER}, order=5)
def my_deadlines(request) -> dict:
    """The officer's slice of the overdue board: everything they owe, soonest first."""
    from .deadlines.board import owner_summary

    return owner_summary(owner=request.user, today=timezone.localdate())


@dashboard_panel("engagement/panels/deadlines_manager.html", roles={Role.MANAGER, Role.ADMIN}, order=5)
def overdue_deadlines(request) -> dict:
    """The manager's slice: what is overdue across the portal, by kind and by owner (counted in SQL)."""
    from .deadlines.board import overdue_summary

    return overdue_summary(today=timezone.localdate())
