import datetime

import factory
from django.utils import timezone

from engagement.factories import PatchFactory
from panels.factories import HeldMeetingFactory, PanelFactory
from panels.models import PanelKind

from .deadlines import call_decision_due_on
from .models import (
    AwardCategory,
    AwardRound,
    CallForAction,
    CommunityBudget,
    FundingApplication,
    FundingPriority,
    Nomination,
)


class CommunityBudgetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommunityBudget

    panel = factory.SubFactory(
        PanelFactory, kind=PanelKind.COMMUNITY_PANEL, name=factory.Sequence(lambda n: f"Community Panel {n}")
    )
    year = 2026
    amount_pence = 14_000_000  # £140,000, as in the seed


class FundingPriorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingPriority

    budget = factory.SubFactory(CommunityBudgetFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = "Activities for young people"


class FundingApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingApplication

    budget = factory.SubFactory(CommunityBudgetFactory)
    priority = factory.LazyAttribute(lambda a: FundingPriorityFactory(budget=a.budget))
    group_name = "Friends of Victoria Park"
    contact_name = "Pat Jones"
    contact_details = "pat@example.org"
    title = "Summer holiday club"
    purpose = "Six weeks of activities."
    outcomes = "Forty children take part."
    requested_pence = 500_000


def held_meeting_of(budget, on=datetime.date(2026, 11, 10)):
    return HeldMeetingFactory(panel=budget.panel, meets_on=on)


class AwardRoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AwardRound

    name = factory.Sequence(lambda n: f"Trafford Treasures {2026 + n}")
    year = factory.Sequence(lambda n: 2026 + n)
    opens_on = datetime.date(2026, 9, 1)
    closes_on = datetime.date(2026, 12, 31)


class AwardCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AwardCategory

    award_round = factory.SubFactory(AwardRoundFactory)
    name = factory.Sequence(lambda n: f"Good Neighbour {n}")


class NominationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Nomination

    category = factory.SubFactory(AwardCategoryFactory)
    nominee_name = "Edna Clarke"
    nominee_area = factory.SubFactory(PatchFactory, name=factory.Sequence(lambda n: f"Area {n}"))
    reason = "She runs the lunch club every week."
    nominator_name = "Sam Neighbour"
    nominator_contact = "sam@example.org"


class CallForActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CallForAction

    panel = factory.SubFactory(
        PanelFactory, kind=PanelKind.QUALITY_INSIGHT, name=factory.Sequence(lambda n: f"QIP {n}")
    )
    issue = "Repairs appointments missed"
    details = "Three appointments missed since March."
    name = "Kim Caller"
    email = "kim@example.org"
    decision_due_on = factory.LazyFunction(lambda: call_decision_due_on(timezone.localdate()))
