"""The surveys app's navigation links, home-page panels, beat job and charter measures."""

from django.db.models import Count, Q

from engagement.models import Role
from engagement.registry import dashboard_panel, register_nav, register_periodic, register_personal_data

from . import gdpr, selectors
from .models import ChampionIssue, IssueStatus

register_nav("Surveys", "surveys:survey_list", "staff", order=40)
register_nav("Estate champion survey", "surveys:champion_home", "customer", order=30)
register_periodic(
    "Remove photos from estate champion forms that were never sent",
    "surveys.tasks.purge_pending_champion_photos",
    hour=3,
    minute=15,
)


@dashboard_panel("surveys/panels/champion.html", roles={Role.CUSTOMER}, order=20)
def champion_panel(request):
    customer = getattr(request.user, "customer", None)
    if customer is None:
        return None
    estates = list(selectors.champion_estates(customer))
    if not estates:
        return None
    return {"estates": estates}


@dashboard_panel("surveys/panels/staff.html", roles={Role.OFFICER, Role.MANAGER, Role.ADMIN}, order=30)
def staff_panel(request):
    user = request.user
    mine = Q(estate__officer=user) | Q(estate__patch__officer=user)
    counts = ChampionIssue.objects.filter(status=IssueStatus.NEW).aggregate(
        all=Count("pk"), mine=Count("pk", filter=mine)
    )
    return {"waiting": counts["all"], "mine": counts["mine"]}


from . import measures  # noqa: E402,F401  (registers the surveys charter measures)

# What this app holds about a customer, for the manager's GDPR export and erasure (engagement/gdpr.py).
register_personal_data(
    "surveys", label="Surveys and estate champion surveys", export=gdpr.export, erase=gdpr.erase, order=30
)
