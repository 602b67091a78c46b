"""The core app's navigation links, home-page panels, beat job and deadline kind."""

from django.utils import timezone

from .models import Role
from .registry import dashboard_panel, register_nav, register_periodic

register_nav("Home", "home", "authenticated", order=0)
register_nav("Customers", "customer_list", "staff", order=80)
register_nav("Actions", "action_list", "staff", order=85)
register_nav("Deadlines", "deadline_board", "staff", order=86)
register_nav("You said, we did", "you_said_we_did", "customer", order=90)
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
    from .deadlines.board import deadlines_open, deadlines_summary

    rows = deadlines_open(today=timezone.localdate(), owner=request.user)
    return {"summary": deadlines_summary(rows), "soonest": rows[:6]}


@dashboard_panel("engagement/panels/deadlines_manager.html", roles={Role.MANAGER, Role.ADMIN}, order=5)
def overdue_deadlines(request) -> dict:
    """The manager's slice: what is overdue across the portal, by kind and by owner."""
    from .deadlines.board import deadlines_open, deadlines_summary

    today = timezone.localdate()
    rows = [row for row in deadlines_open(today=today, due_by=today) if row.is_overdue]
    by_owner: dict = {}
    for row in rows:
        owner = row.deadline.owner
        key = owner.pk if owner is not None else None
        entry = by_owner.setdefault(key, {"owner": owner, "name": row.owner_name, "overdue": 0})
        entry["overdue"] += 1
    owners = sorted(by_owner.values(), key=lambda entry: (-entry["overdue"], entry["name"]))
    return {"summary": deadlines_summary(rows), "by_owner": owners[:10]}
