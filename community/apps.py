from django.apps import AppConfig


class CommunityConfig(AppConfig):
    """Community panel budgets (participatory budgeting), awards and the Community Call for Action."""

    name = "community"
    depends_on = ("panels",)  # community panels, their meetings, and the scrutiny panel a call goes to

    def ready(self):
        from auditlog.registry import auditlog

        from .models import CallForAction, CommunityBudget, FundingApplication, Nomination

        # Who decided a grant, a call for action or a nominee's consent, and when.
        for model in (CommunityBudget, FundingApplication, CallForAction, Nomination):
            auditlog.register(model, exclude_fields=["form_token"])
