"""An inspection or mystery shop from plan to close, with its improvement plan on the shared Action.

Rules (seed 002, "Customer Inspectors and Mystery Shopping", "Mystery Shopping Telephone Calls",
"CIRCLE"): scenario and checklist designed with the service; customers carry it out (expenses for
the calls paid); a report with recommendations and good practice; "a service improvement plan ...
the actions required and a timescale", monitored until done ("these recommendations will be
monitored to ensure they are implemented").

Hand-worked checklist: item 1 (max 5) scored 4 and 5 by two customers → average 4.5, 90%;
item 2 (max 5) scored 2 and 3 → 2.5, 50%.
"""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from engagement.dates import date_parts_data
from engagement.factories import InvolvedCustomerFactory
from engagement.models import Action, ActionStatus
from engagement.services import action_complete
from inspection import services
from inspection.factories import ExerciseFactory
from inspection.models import ExerciseStatus
from panels.models import ExpenseStatus
from panels.services import expense_claim_decide

pytestmark = pytest.mark.django_db
D = datetime.date


def test_an_exercise_runs_from_plan_to_close_and_its_plan_is_monitored_on_the_action_list(officer, manager):
    exercise = ExerciseFactory(lead_officer=officer, scenario="")
    with pytest.raises(ValidationError):
        services.exercise_advance(exercise=exercise, by=officer)
    exercise.scenario = "Ring the repairs line to report a dripping tap."
    exercise.save()
    first = services.checklist_item_add(exercise=exercise, question="Answered within 30 seconds?")
    second = services.checklist_item_add(exercise=exercise, question="Offered an appointment slot?")
    assert (first.number, second.number) == (1, 2)
    services.exercise_advance(exercise=exercise, by=officer)

    shoppers = [services.participant_add(exercise=exercise, customer=InvolvedCustomerFactory()) for _ in range(2)]
    services.item_scores_record(participant=shoppers[0], scores={first.pk: (4, ""), second.pk: (2, "No slot offered")})
    services.item_scores_record(participant=shoppers[1], scores={first.pk: (5, ""), second.pk: (3, "")})
    results = services.checklist_results(exercise)
    assert [(r.average, r.percent, r.scored_by) for r in results] == [(Decimal("4.5"), 90, 2), (Decimal("2.5"), 50, 2)]
    services.exercise_advance(exercise=exercise, by=officer, today=D(2026, 10, 20))
    assert exercise.status == ExerciseStatus.REPORTING and exercise.carried_out_on == D(2026, 10, 20)

    exercise.findings = "Calls were answered quickly but no appointment was offered."
    exercise.recommendations = "Offer a slot on the first call\nConfirm by text"
    exercise.good_practice = "Friendly, clear greeting."
    exercise.save()
    with pytest.raises(ValidationError, match="improvement plan"):
        services.exercise_advance(exercise=exercise, by=officer)
    action = services.improvement_action_add(
        exercise=exercise,
        area="No appointment offered",
        action="Train call handlers to book on the first call",
        owner=officer,
        due_on=D(2027, 1, 29),
        by=manager,
    )
    assert Action.objects.from_source(exercise).get() == action and action.status == ActionStatus.OPEN
    services.exercise_advance(exercise=exercise, by=officer, today=D(2026, 11, 2))
    assert exercise.status == ExerciseStatus.MONITORING and exercise.report_issued_on == D(2026, 11, 2)
    assert exercise.recommendation_list == ["Offer a slot on the first call", "Confirm by text"]

    with pytest.raises(ValidationError, match="done or cancelled"):
        services.exercise_advance(exercise=exercise, by=officer)
    action_complete(action=action, we_did="All call handlers trained.", done_on=D(2027, 1, 15))
    services.exercise_advance(exercise=exercise, by=officer, today=D(2027, 1, 18))
    assert exercise.status == ExerciseStatus.CLOSED


def test_a_circle_exercise_names_its_partner_landlords(officer_client, officer):
    data = {
        "title": "CIRCLE reality check of lettings",
        "kind": "inspection",
        "method": "visit",
        "service_tested": "Lettings",
        "circle": "on",
        "lead_officer": officer.pk,
        **date_parts_data("planned_on", D(2027, 1, 5)),
    }
    response = officer_client.post(reverse("inspection:exercise_create"), data)
    assert response.status_code == 200 and "Name the partner landlords" in response.content.decode()
    data["partner_landlords"] = "Irwell Valley Homes, Salix Homes"
    assert officer_client.post(reverse("inspection:exercise_create"), data).status_code == 302


def test_a_telephone_shopper_claims_the_calls_and_is_paid_once_the_claim_is_approved(officer):
    exercise = ExerciseFactory(status=ExerciseStatus.FIELDWORK)
    participant = services.participant_add(exercise=exercise, customer=InvolvedCustomerFactory())
    services.participant_expenses_record(
        participant=participant,
        kind="calls",
        amount=Decimal("3.60"),
        description="Four calls to the repairs line",
        incurred_on=D(2026, 10, 6),
    )
    claim = participant.expense_claim
    assert (claim.amount, claim.customer, claim.status) == (
        Decimal("3.60"),
        participant.customer,
        ExpenseStatus.SUBMITTED,
    )
    with pytest.raises(ValidationError, match="approved"):
        services.participant_expenses_paid(participant=participant)
    expense_claim_decide(claim=claim, approve=True, reason="", by=officer)
    services.participant_expenses_paid(participant=participant, paid_on=D(2026, 10, 30))
    assert participant.expenses_paid_on == D(2026, 10, 30)


def test_the_report_page_shows_the_findings_the_plan_and_the_good_practice(officer_client, officer):
    exercise = ExerciseFactory(
        status=ExerciseStatus.REPORTING,
        findings="Slow to answer.",
        recommendations="Add staff at 9am",
        good_practice="Polite.",
    )
    services.improvement_action_add(
        exercise=exercise, area="Slow answer", action="Rota change", owner=officer, due_on=D(2027, 1, 4), by=officer
    )
    page = officer_client.get(reverse("inspection:exercise_report", args=[exercise.pk])).content.decode()
    for text in ("Slow to answer.", "Add staff at 9am", "Polite.", "Rota change", "4 Jan 2027"):
        assert text in page


def test_the_report_is_also_an_a4_pdf_with_the_plan(officer_client, officer):
    import io

    from pypdf import PdfReader

    exercise = ExerciseFactory(
        status=ExerciseStatus.REPORTING,
        findings="Slow to answer.",
        recommendations="Add staff at 9am",
        good_practice="Polite.",
    )
    services.improvement_action_add(
        exercise=exercise, area="Slow answer", action="Rota change", owner=officer, due_on=D(2027, 1, 4), by=officer
    )
    response = officer_client.get(reverse("inspection:exercise_report_pdf", args=[exercise.pk]))
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    for words in ("Slow to answer.", "Add staff at 9am", "Polite.", "Rota change", "4 Jan 2027"):
        assert words in text
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (round(width), round(height)) == (595, 842)  # A4 in points
