"""Extensions as the Complaint Handling Code (2024) has them: no more than 10 working days at stage 1
(20 at stage 2) without good reason, agreed with the customer, and no limit on how many.

Dates worked by hand: received Mon 2 Nov 2026, acknowledged Wed 4 Nov, response due Wed 18 Nov;
10 working days after Wed 18 Nov is Wed 2 Dec (19, 20, 23, 24, 25, 26, 27, 30 Nov, 1, 2 Dec), so
Thu 3 Dec is 11 working days after the original date."""

import datetime

import pytest

from engagement.factories import CustomerFactory
from feedback import deadlines, selectors, services
from feedback.models import ComplaintExtension, Outcome
from feedback.services import ComplaintRuleError

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setattr(services, "_today", lambda: D(2027, 1, 4))


@pytest.fixture
def complaint(officer):
    complaint = services.complaint_record(
        created_by=officer,
        customer=CustomerFactory(),
        received_on=D(2026, 11, 2),
        channel="phone",
        category="repairs",
        description="Damp in the bedroom reported three times.",
        stage1_handler=officer,
    )
    return services.complaint_acknowledge(complaint=complaint, acknowledged_on=D(2026, 11, 4), by=officer)


def _extend(complaint, officer, new_due_on, agreed_on, good_reason=""):
    return services.complaint_extend(
        complaint=complaint,
        new_due_on=new_due_on,
        reason="Waiting for the surveyor's report.",
        agreed_on=agreed_on,
        good_reason=good_reason,
        by=officer,
    )


def test_two_extensions_within_ten_working_days_are_both_allowed_and_kept(complaint, officer):
    complaint = _extend(complaint, officer, D(2026, 11, 25), D(2026, 11, 16))  # 5 working days
    complaint = _extend(complaint, officer, D(2026, 12, 2), D(2026, 11, 24))  # 10 in all
    assert complaint.effective_due_on(1) == D(2026, 12, 2)
    assert complaint.stage1_response_due_on == D(2026, 11, 18)
    kept = list(ComplaintExtension.objects.filter(complaint=complaint).values_list("previous_due_on", "new_due_on"))
    assert kept == [(D(2026, 11, 18), D(2026, 11, 25)), (D(2026, 11, 25), D(2026, 12, 2))]


def test_a_second_extension_past_the_limit_needs_a_recorded_good_reason(complaint, officer):
    complaint = _extend(complaint, officer, D(2026, 11, 25), D(2026, 11, 16))
    with pytest.raises(ComplaintRuleError) as refused:
        _extend(complaint, officer, D(2026, 12, 3), D(2026, 11, 24))
    message = str(refused.value)
    assert "no more than 10 working days without good reason" in message
    assert "latest date is 2 December 2026" in message
    assert "one extension" not in message
    complaint = _extend(complaint, officer, D(2026, 12, 3), D(2026, 11, 24), good_reason="The surveyor is ill.")
    assert complaint.effective_due_on(1) == D(2026, 12, 3)
    assert ComplaintExtension.objects.get(new_due_on=D(2026, 12, 3)).good_reason == "The surveyor is ill."


def test_a_good_reason_given_for_an_extension_within_the_limit_is_not_kept_as_one(complaint, officer):
    _extend(complaint, officer, D(2026, 11, 25), D(2026, 11, 16), good_reason="Not needed")
    assert ComplaintExtension.objects.get().good_reason == ""


def test_a_further_extension_must_be_agreed_before_the_extended_date_passes(complaint, officer):
    complaint = _extend(complaint, officer, D(2026, 11, 25), D(2026, 11, 16))
    with pytest.raises(ComplaintRuleError, match="was due on 25 November 2026"):
        _extend(complaint, officer, D(2026, 12, 2), D(2026, 11, 26))
    with pytest.raises(ComplaintRuleError, match="after the current response date, 25 November 2026"):
        _extend(complaint, officer, D(2026, 11, 24), D(2026, 11, 20))


def test_a_response_by_the_last_agreed_date_counts_as_on_time_in_ch02(complaint, officer):
    complaint = _extend(complaint, officer, D(2026, 11, 25), D(2026, 11, 16))
    complaint = _extend(complaint, officer, D(2026, 12, 3), D(2026, 11, 24), good_reason="The surveyor is ill.")
    complaint = services.complaint_respond(
        complaint=complaint, outcome=Outcome.NOT_UPHELD, responded_on=D(2026, 12, 3), by=officer
    )
    assert complaint.responded_on_time(1) is True
    figures = selectors.complaint_figures(start=D(2026, 12, 1), end=D(2026, 12, 31), stock="lcra")
    assert (figures.stage1.on_time, figures.stage1.responded) == (1, 1)


def test_the_timeline_shows_each_extension_and_how_it_counts(complaint, officer):
    complaint = _extend(complaint, officer, D(2026, 11, 25), D(2026, 11, 16))
    complaint = _extend(complaint, officer, D(2026, 12, 3), D(2026, 11, 24), good_reason="The surveyor is ill.")
    entries = selectors.complaint_timeline(complaint=complaint, today=D(2026, 11, 30))
    extensions = [e for e in entries if "extension agreed" in e.title]
    assert [e.title for e in extensions] == [
        "Stage 1 extension agreed to 25 November 2026 (extension 1 of 2)",
        "Stage 1 extension agreed to 3 December 2026 (extension 2 of 2)",
    ]
    # 18 → 25 Nov is 5 working days; 18 Nov → 3 Dec is 11.
    assert "5 working days after the original date, within the Code's 10 working days: a response by " in (
        extensions[0].detail
    )
    assert "counts as within the Code's timescales (CH02)" in extensions[0].detail
    assert "Good reason for going beyond the Code's limit: The surveyor is ill." in extensions[1].detail
    assert "11 working days after the original date, beyond the Code's 10 working days, with a good reason" in (
        extensions[1].detail
    )


@pytest.mark.parametrize(
    ("current", "new_due", "good_reason", "problem"),
    [
        # Stage 1, due Mon 18 Jan 2027: the limit is Mon 1 Feb (10 working days).
        (D(2027, 1, 25), D(2027, 2, 1), "", None),  # a second extension up to the limit
        (D(2027, 1, 25), D(2027, 2, 2), "", "latest date is 1 February 2027"),  # 11 working days
        (D(2027, 1, 25), D(2027, 2, 2), "Specialist needed", None),  # beyond, with good reason
        (D(2027, 1, 25), D(2027, 2, 2), "   ", "without good reason"),  # blank is no reason
    ],
)
def test_stage_1_extensions_are_counted_from_the_original_date(current, new_due, good_reason, problem):
    found = deadlines.extension_problem(
        stage=1,
        response_due_on=D(2027, 1, 18),
        current_due_on=current,
        new_due_on=new_due,
        agreed_on=D(2027, 1, 20),
        good_reason=good_reason,
    )
    assert found is None if problem is None else problem in found


def test_stage_2_extensions_may_add_twenty_working_days_and_more_only_with_good_reason():
    # Due Fri 29 Jan 2027; 20 working days later is Fri 26 Feb; Mon 1 Mar is 21.
    common = {
        "stage": 2,
        "response_due_on": D(2027, 1, 29),
        "current_due_on": D(2027, 2, 12),
        "agreed_on": D(2027, 2, 1),
    }
    assert deadlines.extension_problem(new_due_on=D(2027, 2, 26), **common) is None
    assert "no more than 20 working days" in deadlines.extension_problem(new_due_on=D(2027, 3, 1), **common)
    assert deadlines.extension_problem(new_due_on=D(2027, 3, 1), good_reason="Independent report", **common) is None
