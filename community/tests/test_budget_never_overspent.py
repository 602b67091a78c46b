"""A community panel's awards never add up to more than its budget, even with two decisions at once.

Rule (seed 002, "Community Panels"): each panel has a budget of £140,000 which it allocates against
its priorities; the panel has overall control of how that money is spent, so it can never spend more.

Hand-worked case: a £140,000 budget with £60,000 already awarded leaves £80,000. Two applications,
of £50,000 each, are decided at the same moment: both together (£100,000) would overspend by
£20,000, so exactly one is awarded, the other is refused and stays waiting, and £30,000 is left.
"""

import datetime
import threading

import pytest
from django.db import connection, connections

from community import services
from community.factories import CommunityBudgetFactory, FundingApplicationFactory, held_meeting_of
from community.models import ApplicationStatus, CommunityBudget, FundingApplication
from tests.support import require

D = datetime.date


def _decide(application, meeting, officer, amount):
    return services.application_decide(
        application=application,
        award=True,
        amount_pence=amount,
        meeting=meeting,
        reason="Meets priority 1.",
        by=officer,
        today=D(2026, 11, 20),
    )


@pytest.mark.django_db
def test_an_award_that_fits_the_budget_is_taken_off_what_is_left(officer):
    budget = CommunityBudgetFactory(amount_pence=14_000_000)
    application = FundingApplicationFactory(budget=budget, requested_pence=500_000)
    _decide(application, held_meeting_of(budget), officer, 450_000)
    budget.refresh_from_db()
    application.refresh_from_db()
    assert (budget.awarded_pence, budget.remaining_pence) == (450_000, 13_550_000)
    assert (application.status, application.awarded_pence) == (ApplicationStatus.AWARDED, 450_000)


@pytest.mark.django_db
def test_an_award_over_what_is_left_is_refused_and_changes_nothing(officer):
    budget = CommunityBudgetFactory(amount_pence=14_000_000)
    CommunityBudget.objects.filter(pk=budget.pk).update(awarded_pence=13_900_000)  # £1,000 left
    application = FundingApplicationFactory(budget=budget, requested_pence=200_000)
    with pytest.raises(services.BudgetRuleError, match="£1,000.00 is left"):
        _decide(application, held_meeting_of(budget), officer, 200_000)
    application.refresh_from_db()
    budget.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED and application.decided_at_meeting is None
    assert budget.awarded_pence == 13_900_000


@pytest.mark.django_db
def test_the_last_penny_can_be_awarded(officer):
    budget = CommunityBudgetFactory(amount_pence=1_000_000)
    application = FundingApplicationFactory(budget=budget, requested_pence=1_000_000)
    _decide(application, held_meeting_of(budget), officer, 1_000_000)
    budget.refresh_from_db()
    assert budget.remaining_pence == 0


@pytest.mark.django_db
def test_the_database_itself_refuses_an_overspend():
    from django.db import IntegrityError

    budget = CommunityBudgetFactory(amount_pence=100)
    with pytest.raises(IntegrityError):
        CommunityBudget.objects.filter(pk=budget.pk).update(awarded_pence=101)


@pytest.mark.django_db(transaction=True)
def test_two_decisions_at_once_that_together_would_overspend_award_only_one(officer):
    require("REQUIRE_POSTGRES", connection.vendor == "postgresql", "Row locks under concurrency need PostgreSQL")
    budget = CommunityBudgetFactory(amount_pence=14_000_000)
    CommunityBudget.objects.filter(pk=budget.pk).update(awarded_pence=6_000_000)  # £80,000 left
    meeting = held_meeting_of(budget)
    first = FundingApplicationFactory(budget=budget, requested_pence=5_000_000)
    second = FundingApplicationFactory(budget=budget, requested_pence=5_000_000, priority=first.priority)

    # Both decisions start together and each holds its transaction open until both have claimed
    # their application, so neither has committed when the other raises the budget's total.
    barrier = threading.Barrier(2)
    outcomes, errors = {}, []

    def decide(application):
        try:
            barrier.wait(timeout=10)
            _decide(application, meeting, officer, 5_000_000)
            outcomes[application.pk] = "awarded"
        except services.BudgetRuleError:
            outcomes[application.pk] = "refused"
        except Exception as error:  # noqa: BLE001 - surfaced by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=decide, args=(a,)) for a in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert sorted(outcomes.values()) == ["awarded", "refused"]
    budget.refresh_from_db()
    assert budget.awarded_pence == 11_000_000 and budget.remaining_pence == 3_000_000
    statuses = sorted(FundingApplication.objects.filter(budget=budget).values_list("status", flat=True))
    assert statuses == [ApplicationStatus.AWARDED, ApplicationStatus.SUBMITTED]


@pytest.mark.django_db(transaction=True)
def test_two_decisions_at_once_that_fit_together_are_both_awarded(officer):
    require("REQUIRE_POSTGRES", connection.vendor == "postgresql", "Row locks under concurrency need PostgreSQL")
    budget = CommunityBudgetFactory(amount_pence=14_000_000)
    meeting = held_meeting_of(budget)
    first = FundingApplicationFactory(budget=budget, requested_pence=5_000_000)
    second = FundingApplicationFactory(budget=budget, requested_pence=5_000_000, priority=first.priority)
    barrier = threading.Barrier(2)
    errors = []

    def decide(application):
        try:
            barrier.wait(timeout=10)
            _decide(application, meeting, officer, 5_000_000)
        except Exception as error:  # noqa: BLE001
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=decide, args=(a,)) for a in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    budget.refresh_from_db()
    assert budget.awarded_pence == 10_000_000
