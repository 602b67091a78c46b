"""Results per question (don't know left out), breakdowns, CSV export, and all-or-nothing import."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from engagement.factories import CustomerFactory, EstateFactory, PatchFactory
from surveys import services
from surveys.factories import QuestionFactory, SurveyFactory
from surveys.models import Response, Scale
from surveys.selectors import question_results

from .helpers import respond

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey():
    survey = SurveyFactory()
    QuestionFactory(survey=survey, position=1, code="Q1")
    QuestionFactory(survey=survey, position=2, code="Q2", scale=Scale.YES_NO, allow_dont_know=False)
    QuestionFactory(survey=survey, position=3, code="Q3", scale=Scale.FREE_TEXT)
    return survey


def test_percent_satisfied_is_very_plus_fairly_over_those_who_answered_without_dont_know(survey):
    north = EstateFactory(name="North", patch=PatchFactory(name="Northfield"))
    south = EstateFactory(name="South")
    respond(survey, estate=north, Q1="very_satisfied", Q2="yes", Q3="More bins")
    respond(survey, estate=north, Q1="fairly_satisfied", Q2="no")
    respond(survey, estate=south, Q1="very_dissatisfied", tenure="leaseholder")
    respond(survey, estate=south, Q1="dont_know")
    q1, q2, q3 = question_results(survey, group_by="estate")
    assert (q1["positive"], q1["answered"], q1["dont_know"], q1["pct"]) == (2, 3, 1, 66.7)
    assert {o["label"]: o["count"] for o in q1["options"]}["Don't know / not applicable"] == 1
    assert [(g.name, g.positive, g.answered, g.dont_know) for g in q1["groups"]] == [
        ("North", 2, 2, 0),
        ("South", 0, 1, 1),
    ]
    assert (q2["pct"], q2["positive_label"]) == (50.0, "yes")
    assert q3["text_count"] == 1
    by_tenure = question_results(survey, group_by="tenure")[0]["groups"]
    assert {g.name: g.pct for g in by_tenure} == {"General needs tenant": 100.0, "Leaseholder": 0.0}
    by_patch = question_results(survey, group_by="patch")[0]["groups"]
    assert by_patch[0].name == "Northfield"


def test_results_export_as_csv_with_the_breakdown(officer_client, survey):
    respond(survey, estate=EstateFactory(name="North"), Q1="very_satisfied")
    response = officer_client.get(reverse("surveys:results_export", args=[survey.pk]), {"by": "estate"})
    text = response.getvalue().decode("utf-8-sig")
    assert "Q1" in text and ",North,1,1,100.0," in text and "Very satisfied,1" in text


def _csv(text):
    return SimpleUploadedFile("tsm.csv", text.encode("utf-8"), content_type="text/csv")


def test_a_clean_file_imports_every_row(survey):
    customer = CustomerFactory(reference="T0010001")
    estate = EstateFactory(name="Castle Vale")
    result = services.responses_import(
        survey=survey,
        upload=_csv(
            "reference,estate,tenure,responded_on,channel,assisted_by,external_id,Q1,Q2,Q3\n"
            "T0010001,,,2026-03-01,phone,,C-1,Very satisfied,yes,Lovely\n"
            ",Castle Vale,leaseholder,02/03/2026,,Daughter,C-2,dont_know,No,\n"
        ),
    )
    assert result.ok and result.created == 2
    first, second = Response.objects.order_by("external_ref")
    assert (first.customer, first.estate, first.channel) == (customer, customer.estate, "phone")
    assert (second.estate, second.tenure, second.channel, second.assisted_by) == (
        estate,
        "leaseholder",
        "imported",
        "Daughter",
    )
    assert second.answers.get(question__code="Q1").positive is None


def test_a_file_with_any_bad_row_imports_nothing_and_lists_every_problem(officer_client, survey):
    CustomerFactory(reference="T0010001")
    EstateFactory(name="Castle Vale")
    upload = _csv(
        "reference,estate,tenure,responded_on,channel,assisted_by,external_id,Q1,Q2\n"
        "T0010001,,,2026-03-01,phone,,C-1,Very satisfied,yes\n"
        "T9999999,,,2026-03-01,phone,,C-2,Very satisfied,yes\n"
        ",Castle Vale,general_needs,yesterday,phone,,C-3,Quite happy,yes\n"
        "T0010001,,,2026-03-02,phone,,C-1,Fairly satisfied,no\n"
    )
    response = officer_client.post(reverse("surveys:response_import", args=[survey.pk]), {"file": upload})
    body = response.content.decode()
    assert Response.objects.count() == 0
    result = response.context["result"]
    lines = [line for line, _message in result.errors]
    assert lines == [3, 4, 5]
    assert "No customer with tenancy reference T9999999" in body
    assert "“Quite happy” is not one of the answers" in body and "is not a date" in body
    assert "already answered this survey" in body and "C-1 was already imported" in body


def test_importing_the_same_file_twice_is_refused_the_second_time(survey):
    text = (
        "reference,estate,tenure,responded_on,channel,assisted_by,external_id,Q1\n"
        ",North,general_needs,2026-03-01,,,X1,yes\n"
    )
    EstateFactory(name="North")
    survey.questions.filter(code="Q1").update(scale=Scale.YES_NO)
    assert services.responses_import(survey=survey, upload=_csv(text)).created == 1
    again = services.responses_import(survey=survey, upload=_csv(text))
    assert not again.ok and "X1 was already imported" in again.errors[0][1]
    assert Response.objects.count() == 1


def test_unknown_columns_are_reported_before_any_row(survey):
    result = services.responses_import(survey=survey, upload=_csv("reference,TP99\nT1,yes\n"))
    assert result.errors == [
        (1, "Columns we do not recognise: TP99."),
        (1, "No question columns found: use the question codes as headings."),
    ]
