"""The schemes app's navigation, home-page panel, beat job and kind of deadline."""

from django.utils import timezone

from engagement.models import Role
from engagement.registry import dashboard_panel, register_nav, register_periodic

from . import deadlines  # noqa: F401  (registers scheme obligations with the one chase)

register_nav("Schemes", "schemes:compliance", "staff", order=65, more=True)
register_periodic(
    "Propose scheme obligations and match the evidence held",
    "schemes.tasks.propose_and_match_obligations",
    hour=5,
    minute=40,
)


@dashboard_panel("schemes/_home_staff.html", roles={Role.OFFICER, Role.MANAGER, Role.ADMIN}, order=35)
def scheme_obligations(request):
    from . import cadence, selectors
    from .models import InformalFeedback, ReviewStatus

    today = timezone.localdate()
    year = cadence.financial_year_of(today)
    show_review = request.user.is_manager
    # The manager sees every scheme; an officer (an IHMO, a scheme's officer) what they owe.
    counts = selectors.dashboard_counts(today=today, year=year, owner=None if show_review else request.user)
    waiting = InformalFeedback.objects.filter(status=ReviewStatus.NEW).count() if show_review else None
    return {"counts": counts, "year": year, "waiting": waiting, "show_review": show_review, "mine": not show_review}
