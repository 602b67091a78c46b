"""Scheme obligations proposed, met and missed, on dates worked by hand.

Rules (strategy 000; schemes/rhythms.py, schemes/cadence.py):
- 2.2 care & supported: a residents' meeting every month; every quarter the Scheme Manager, the
  Head of Social Care & Inclusion and an engagement officer invited; a satisfaction survey in May
  and November, its results reported back (June, December) with an action plan for dissatisfaction;
  a "You said, we did" poster each quarter. 24 obligations a year.
- 2.3 young people: an annual survey, meetings at the interval agreed per scheme, a poster each
  quarter, an exit interview per leaver.
- 2.4 leaseholders: a Sense Check every quarter or six months per block, a quarterly meeting with
  the fixed agenda, minutes distributed.
Each is due on the last day of its period; not recorded by then, it is missed (and overdue on the
deadline board).
"""

import datetime

import pytest

from engagement.factories import ActionFactory, EstateFactory, OfficerFactory, PosterPrintFactory
from engagement.models import EstateType
from panels.factories import HeldMeetingFactory, PanelFactory
from panels.models import PanelKind
from schemes import deadlines, selectors, services
from schemes.models import Obligation, ObligationKind, ObligationStatus, SchemeSettings
from schemes.rhythms import FIXED_AGENDA, QUARTERLY_INVITEES
from surveys.models import ResponseChannel
from surveys.services.responses import response_record
from tests.support import freeze_now

D = datetime.date
pytestmark = pytest.mark.django_db


def _at(monkeypatch, day):
    freeze_now(monkeypatch, datetime.datetime.combine(day, datetime.time(12), tzinfo=datetime.UTC))


def _scheme(kind, **settings):
    scheme = EstateFactory(estate_type=kind, homes_lcra=30)
    if settings:
        SchemeSettings.objects.create(scheme=scheme, **settings)
    return scheme


def _one(scheme, kind, start):
    return Obligation.objects.get(scheme=scheme, template__kind=kind, period_start=start)


def _due_dates(scheme, kind):
    rows = Obligation.objects.filter(scheme=scheme, template__kind=kind).order_by("due_on")
    return list(rows.values_list("due_on", flat=True))


def test_a_care_scheme_owes_24_obligations_a_year_and_proposing_again_adds_none():
    scheme = _scheme(EstateType.CARE_SUPPORTED)
    assert services.obligations_propose(year=2026, today=D(2026, 4, 1)) == 24
    assert services.obligations_propose(year=2026, today=D(2026, 4, 2)) == 0
    assert Obligation.objects.filter(scheme=scheme).count() == 24
    assert _due_dates(scheme, ObligationKind.SATISFACTION_SURVEY) == [D(2026, 5, 31), D(2026, 11, 30)]
    assert _due_dates(scheme, ObligationKind.RESULTS_REPORTED) == [D(2026, 6, 30), D(2026, 12, 31)]
    assert _due_dates(scheme, ObligationKind.MANAGEMENT_INVITATION) == [
        D(2026, 6, 30),
        D(2026, 9, 30),
        D(2026, 12, 31),
        D(2027, 3, 31),
    ]


def test_general_needs_estates_owe_nothing():
    EstateFactory(estate_type=EstateType.GENERAL_NEEDS)
    assert services.obligations_propose(year=2026, today=D(2026, 4, 1)) == 0


def test_a_new_scheme_owes_nothing_for_periods_ended_before_it_started():
    scheme = _scheme(EstateType.CARE_SUPPORTED, obligations_from=D(2026, 10, 15))
    services.obligations_propose(year=2026, today=D(2026, 10, 15))
    # October–March meetings (6), Q3 and Q4 invitations and posters, November's survey, December's report.
    assert Obligation.objects.filter(scheme=scheme).count() == 6 + 2 + 2 + 1 + 1


def test_the_may_survey_is_met_by_a_survey_of_the_scheme_with_answers_and_november_is_missed_without(monkeypatch):
    from engagement.factories import CustomerFactory
    from surveys.factories import SurveyFactory

    scheme = _scheme(EstateType.CARE_SUPPORTED)
    services.obligations_propose(year=2026, today=D(2026, 4, 1))
    survey = SurveyFactory(title="May residents' survey", opens_on=D(2026, 5, 6), closes_on=D(2026, 5, 29))
    survey.estates.set([scheme])
    may, november = (_one(scheme, ObligationKind.SATISFACTION_SURVEY, D(2026, m, 1)) for m in (5, 11))
    assert may.status(D(2026, 5, 15)) == ObligationStatus.DUE
    # No answers yet: a survey nobody was given does not count.
    assert services.obligations_match_evidence(today=D(2026, 5, 15)) == 0
    response_record(
        survey=survey,
        estate=scheme,
        tenure="care_supported",
        channel=ResponseChannel.PAPER,
        answers={},
        customer=CustomerFactory(estate=scheme),
        responded_on=D(2026, 5, 8),
    )
    assert services.obligations_match_evidence(today=D(2026, 5, 15)) == 1
    may.refresh_from_db()
    assert (may.met_on, may.status(D(2026, 6, 1))) == (D(2026, 5, 6), ObligationStatus.DONE)
    assert may.evidence.get().url == survey.get_absolute_url()
    assert november.status(D(2026, 11, 30)) == ObligationStatus.DUE
    assert november.status(D(2026, 12, 1)) == ObligationStatus.MISSED
    # Matching again finds nothing new and links nothing twice.
    assert services.obligations_match_evidence(today=D(2026, 12, 1)) == 0
    assert may.evidence.count() == 1


def test_a_monthly_meeting_missed_in_may_is_overdue_on_the_board_for_the_schemes_ihmo(monkeypatch):
    ihmo = OfficerFactory()
    scheme = _scheme(EstateType.CARE_SUPPORTED, ihmo=ihmo)
    services.obligations_propose(year=2026, today=D(2026, 4, 1))
    panel = PanelFactory(name="Elm Court residents", kind=PanelKind.SCHEME_RESIDENTS, estate=scheme)
    HeldMeetingFactory(panel=panel, meets_on=D(2026, 4, 14))
    HeldMeetingFactory(panel=panel, meets_on=D(2026, 6, 9))
    _at(monkeypatch, D(2026, 6, 10))
    services.obligations_match_evidence(today=D(2026, 6, 10))
    statuses = {
        o.period_start.month: o.status(D(2026, 6, 10))
        for o in Obligation.objects.filter(scheme=scheme, template__kind=ObligationKind.RESIDENTS_MEETING)
    }
    assert statuses[4] == statuses[6] == ObligationStatus.DONE
    assert statuses[5] == ObligationStatus.MISSED
    assert statuses[7] == ObligationStatus.UPCOMING
    open_now = list(deadlines.KIND.open_deadlines(due_by=D(2026, 6, 9)))
    may = [d for d in open_now if d.what.startswith("Monthly residents' meeting")]
    assert [(d.due_on, d.owner) for d in may] == [(D(2026, 5, 31), ihmo)]
    # July's meeting has not begun: not on the board yet.
    assert all(d.due_on <= D(2026, 6, 30) for d in deadlines.KIND.open_deadlines())
    assert deadlines.KIND.overdue_counts(D(2026, 6, 10))[ihmo.pk] >= 1


def test_the_quarterly_invitation_counts_only_when_all_three_are_invited(monkeypatch):
    officer = OfficerFactory()
    scheme = _scheme(EstateType.CARE_SUPPORTED)
    services.obligations_propose(year=2026, today=D(2026, 4, 1))
    q1 = _one(scheme, ObligationKind.MANAGEMENT_INVITATION, D(2026, 4, 1))
    assert (q1.period_end, q1.due_on) == (D(2026, 6, 30), D(2026, 6, 30))
    _at(monkeypatch, D(2026, 5, 5))
    two = {"invited": ["scheme_manager", "engagement_officer"]}
    with pytest.raises(services.ObligationError) as error:
        services.obligation_record(obligation=q1, by=officer, met_on=D(2026, 5, 5), details=two)
    assert "Head of Social Care" in str(error.value.message_dict["invited"])
    everyone = {"invited": [key for key, _ in QUARTERLY_INVITEES]}
    services.obligation_record(obligation=q1, by=officer, met_on=D(2026, 5, 5), details=everyone)
    q1.refresh_from_db()
    assert q1.status(D(2026, 7, 1)) == ObligationStatus.DONE
    assert q1.details_summary == (
        "Invited: The Scheme Manager, The Head of Social Care & Inclusion, A member of the Customer Engagement Team"
    )


def test_young_peoples_meetings_follow_each_schemes_agreed_interval():
    every_two = _scheme(EstateType.YOUNG_PEOPLE, meeting_every_months=2)
    every_six = _scheme(EstateType.YOUNG_PEOPLE, meeting_every_months=6)
    services.obligations_propose(year=2026, today=D(2026, 4, 1))
    assert _due_dates(every_two, ObligationKind.RESIDENTS_MEETING) == [
        D(2026, 5, 31),
        D(2026, 7, 31),
        D(2026, 9, 30),
        D(2026, 11, 30),
        D(2027, 1, 31),
        D(2027, 3, 31),
    ]
    assert _due_dates(every_six, ObligationKind.RESIDENTS_MEETING) == [D(2026, 9, 30), D(2027, 3, 31)]
    assert _due_dates(every_six, ObligationKind.SATISFACTION_SURVEY) == [D(2027, 3, 31)]


def test_a_new_agreed_interval_applies_from_the_next_period_not_yet_begun():
    scheme = _scheme(EstateType.YOUNG_PEOPLE, meeting_every_months=3)
    services.obligations_propose(year=2026, today=D(2026, 4, 1))
    assert len(_due_dates(scheme, ObligationKind.RESIDENTS_MEETING)) == 4
    SchemeSettings.objects.filter(scheme=scheme).update(meeting_every_months=6)
    scheme.refresh_from_db()
    services.obligations_propose(year=2026, today=D(2026, 5, 15))
    # April–June has begun and keeps its date; from October it is six-monthly.
    assert _due_dates(scheme, ObligationKind.RESIDENTS_MEETING) == [D(2026, 6, 30), D(2027, 3, 31)]


def test_the_sense_check_is_quarterly_or_six_monthly_per_block():
    quarterly = _scheme(EstateType.LEASEHOLD_BLOCK, sense_check_every_months=3)
    six_monthly = _scheme(EstateType.LEASEHOLD_BLOCK, sense_check_every_months=6)
    services.obligations_propose(year=2026, today=D(2026, 4, 1))
    assert _due_dates(quarterly, ObligationKind.SENSE_CHECK) == [
        D(2026, 6, 30),
        D(2026, 9, 30),
        D(2026, 12, 31),
        D(2027, 3, 31),
    ]
    assert _due_dates(six_monthly, ObligationKind.SENSE_CHECK) == [D(2026, 9, 30), D(2027, 3, 31)]
    assert len(_due_dates(six_monthly, ObligationKind.LEASEHOLDER_MEETING)) == 4


def test_a_sense_check_survey_asks_the_three_questions_and_is_met_once_answered(monkeypatch):
    from engagement.factories import CustomerFactory

    officer = OfficerFactory()
    block = _scheme(EstateType.LEASEHOLD_BLOCK, sense_check_every_months=3)
    services.obligations_propose(year=2026, today=D(2026, 4, 1))
    q2 = _one(block, ObligationKind.SENSE_CHECK, D(2026, 7, 1))
    _at(monkeypatch, D(2026, 7, 20))
    survey = services.sense_check_start(obligation=q2, by=officer)
    assert [q.code for q in survey.questions.all()] == ["SC1", "SC2", "SC3"]
    assert (survey.opens_on, survey.closes_on, list(survey.estates.all())) == (D(2026, 7, 20), D(2026, 9, 30), [block])
    assert services.sense_check_start(obligation=q2, by=officer) == survey  # opening it twice: one survey
    sc1 = survey.questions.get(code="SC1")
    response_record(
        survey=survey,
        estate=block,
        tenure="leaseholder",
        channel=ResponseChannel.ONLINE,
        answers={sc1.pk: {"value": "fairly_satisfied"}},
        customer=CustomerFactory(estate=block, tenure="leaseholder"),
        responded_on=D(2026, 7, 21),
    )
    assert services.obligations_match_evidence(today=D(2026, 7, 21)) == 1
    q2.refresh_from_db()
    assert q2.met_on == D(2026, 7, 20)


def test_the_leaseholders_meeting_is_recorded_with_the_fixed_agenda_format_and_minutes(monkeypatch):
    officer = OfficerFactory()
    block = _scheme(EstateType.LEASEHOLD_BLOCK)
    services.obligations_propose(year=2026, today=D(2026, 4, 1))
    q1 = _one(block, ObligationKind.LEASEHOLDER_MEETING, D(2026, 4, 1))
    _at(monkeypatch, D(2026, 6, 20))
    with pytest.raises(services.ObligationError) as error:
        services.obligation_record(
            obligation=q1, by=officer, met_on=D(2026, 6, 2), details={"agenda": ["outstanding", "new"]}
        )
    assert set(error.value.message_dict) == {"agenda", "format", "minutes_distributed_on"}
    services.obligation_record(
        obligation=q1,
        by=officer,
        met_on=D(2026, 6, 2),
        details={
            "agenda": [key for key, _ in FIXED_AGENDA],
            "format": "online",
            "minutes_distributed_on": "2026-06-16",
        },
    )
    q1.refresh_from_db()
    assert q1.met_on == D(2026, 6, 2)
    assert q1.details_summary == "Held online; fixed agenda: 5 of 5 items covered; minutes distributed 16 Jun 2026"


def test_results_reported_need_the_action_plan_or_a_word_that_nobody_was_dissatisfied(monkeypatch):
    officer = OfficerFactory()
    scheme = _scheme(EstateType.CARE_SUPPORTED)
    services.obligations_propose(year=2026, today=D(2026, 4, 1))
    june = _one(scheme, ObligationKind.RESULTS_REPORTED, D(2026, 6, 1))
    _at(monkeypatch, D(2026, 6, 20))
    with pytest.raises(services.ObligationError) as error:
        services.obligation_record(obligation=june, by=officer, met_on=D(2026, 6, 18), note="At the June meeting.")
    assert set(error.value.message_dict) == {"evidence"}
    plan = ActionFactory(estate=scheme, owner=officer)
    services.obligation_record(
        obligation=june, by=officer, met_on=D(2026, 6, 18), note="At the June meeting.", evidence=[plan]
    )
    assert june.evidence.get().url == plan.get_absolute_url()


def test_a_poster_printed_in_the_quarter_meets_the_poster_obligation():
    scheme = _scheme(EstateType.YOUNG_PEOPLE)
    services.obligations_propose(year=2026, today=D(2026, 4, 1))
    PosterPrintFactory(estate=scheme, printed_on=D(2026, 8, 3))
    assert services.obligations_match_evidence(today=D(2026, 8, 4)) == 1
    assert _one(scheme, ObligationKind.POSTER, D(2026, 7, 1)).met_on == D(2026, 8, 3)


def test_a_date_done_in_the_future_is_refused(monkeypatch):
    scheme = _scheme(EstateType.CARE_SUPPORTED)
    services.obligations_propose(year=2026, today=D(2026, 4, 1))
    _at(monkeypatch, D(2026, 4, 10))
    with pytest.raises(services.ObligationError):
        services.obligation_record(
            obligation=_one(scheme, ObligationKind.POSTER, D(2026, 4, 1)), by=OfficerFactory(), met_on=D(2026, 4, 11)
        )


def test_the_dashboard_counts_missed_due_and_done_in_one_query(django_assert_num_queries):
    scheme = _scheme(EstateType.CARE_SUPPORTED)
    services.obligations_propose(year=2026, today=D(2026, 4, 1))
    Obligation.objects.filter(scheme=scheme, period_start=D(2026, 4, 1), template__kind="poster").update(
        met_on=D(2026, 4, 20)
    )
    with django_assert_num_queries(1):
        counts = selectors.dashboard_counts(today=D(2026, 6, 10), year=2026)
    # By 10 June: missed are April's and May's meetings and May's survey (3); due are June's
    # meeting, Q1's invitation and June's reporting of the results (3); done is Q1's poster (1).
    assert counts == {"missed": 3, "due": 3, "done": 1, "owed": 4}
