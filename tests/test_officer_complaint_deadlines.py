"""An officer's dashboard lists the complaints whose current stage they handle among their soonest
deadlines, by the Code's four kinds (acknowledge / respond, stage 1 / stage 2).

Worked by hand (today Tuesday 24 November 2026; each complaint's due date set directly):
- A stage 1, awaiting acknowledgement, due Fri 20 Nov: overdue (stage 1 acknowledgement, kind 20).
- B stage 1, being investigated, response due Fri 20 Nov: overdue (stage 1 response, kind 21).
- C stage 2, awaiting acknowledgement, due Fri 20 Nov: overdue (stage 2 acknowledgement, kind 22).
- D stage 1, being investigated, due 19 Nov but extended to Thu 10 Dec: open, not overdue (the
  extension is the date that counts, section 5 of the Code).
- E stage 1, awaiting acknowledgement, due Thu 26 Nov: open.
- F stage 2 whose stage 1 the officer handled but stage 2 someone else does: not theirs.
- G another officer's: not theirs.
Theirs: 5 open, 3 overdue. The three soonest, as the board orders them (due date, then kind,
then record): A, B, C (all 20 Nov, kinds 20, 21, 22).
"""

import datetime

import pytest

from engagement.deadlines.board import owner_summary
from engagement.factories import OfficerFactory
from feedback.factories import ComplaintFactory
from feedback.models import ComplaintStatus

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 24)
D = datetime.date


def _worked_case(officer):
    other = OfficerFactory()
    a = ComplaintFactory(stage1_handler=officer, stage1_ack_due_on=D(2026, 11, 20))
    b = ComplaintFactory(stage1_handler=officer, acknowledged=True, stage1_response_due_on=D(2026, 11, 20))
    c = ComplaintFactory(
        stage1_handler=other,
        stage=2,
        status=ComplaintStatus.RECEIVED,
        stage2_requested_on=D(2026, 11, 13),
        stage2_handler=officer,
        stage2_ack_due_on=D(2026, 11, 20),
    )
    d = ComplaintFactory(
        stage1_handler=officer,
        acknowledged=True,
        stage1_response_due_on=D(2026, 11, 19),
        stage1_extended_due_on=D(2026, 12, 10),
        stage1_extension_reason="Agreed with the customer: awaiting a surveyor.",
    )
    e = ComplaintFactory(stage1_handler=officer, stage1_ack_due_on=D(2026, 11, 26))
    ComplaintFactory(
        stage1_handler=officer,
        stage=2,
        status=ComplaintStatus.RECEIVED,
        stage2_requested_on=D(2026, 11, 13),
        stage2_handler=other,
        stage2_ack_due_on=D(2026, 11, 20),
    )
    ComplaintFactory(stage1_handler=other, stage1_ack_due_on=D(2026, 11, 18))
    return a, b, c, d, e


def test_an_officer_owes_the_complaints_whose_current_stage_they_handle(officer):
    _worked_case(officer)
    summary = owner_summary(owner=officer, today=TODAY)["summary"]
    by_kind = {row["kind"].key: (row["open"], row["overdue"]) for row in summary["by_kind"]}
    assert (summary["open"], summary["overdue"]) == (5, 3)
    assert by_kind == {
        "complaint_stage1_ack": (2, 1),
        "complaint_stage1_response": (2, 1),
        "complaint_stage2_ack": (1, 1),
    }


def test_the_soonest_complaints_come_in_the_boards_order_on_a_shared_date(officer):
    a, b, c, d, e = _worked_case(officer)
    soonest = owner_summary(owner=officer, today=TODAY, soonest=3)["soonest"]
    assert [(row.kind.key, row.deadline.object_id) for row in soonest] == [
        ("complaint_stage1_ack", a.pk),
        ("complaint_stage1_response", b.pk),
        ("complaint_stage2_ack", c.pk),
    ]
    assert [row.deadline.owner for row in soonest] == [officer] * 3
    assert soonest[0].deadline.what.startswith(f"{a.reference}: acknowledge at stage 1")


def test_the_extended_date_is_the_one_the_dashboard_shows(officer):
    a, b, c, d, e = _worked_case(officer)
    rows = owner_summary(owner=officer, today=TODAY, soonest=6)["soonest"]
    assert [(row.deadline.object_id, row.deadline.due_on) for row in rows][3:] == [
        (e.pk, D(2026, 11, 26)),
        (d.pk, D(2026, 12, 10)),
    ]
