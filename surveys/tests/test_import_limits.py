"""The survey CSV import refuses what it cannot handle with a clear message, never a 500 or a
35-second request (issue #15 item 11): NUL bytes, a 128 KB field, 200,000 rows, a file that is not
UTF-8, a date no survey was answered on. Limits: surveys.services.imports (MAX_ROWS, MAX_FIELD_CHARS)
and MAX_UPLOAD_MB."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from engagement.factories import EstateFactory
from surveys.factories import QuestionFactory, SurveyFactory
from surveys.models import Response, Scale
from surveys.services import imports

pytestmark = pytest.mark.django_db

HEADER = "estate,tenure,responded_on,Q1,Q3\n"
ROW = "Castle Vale,leaseholder,2026-03-01,Very satisfied,Fine\n"


@pytest.fixture
def survey():
    survey = SurveyFactory()
    QuestionFactory(survey=survey, position=1, code="Q1")
    QuestionFactory(survey=survey, position=3, code="Q3", scale=Scale.FREE_TEXT, required=False)
    EstateFactory(name="Castle Vale")
    return survey


def _post(client, survey, body: bytes):
    upload = SimpleUploadedFile("tsm.csv", body, content_type="text/csv")
    response = client.post(reverse("surveys:response_import", args=[survey.pk]), {"file": upload})
    assert response.status_code == 200 and not Response.objects.exists()
    return response.content.decode()


def test_a_file_with_nul_bytes_is_not_a_csv_file(officer_client, survey):
    html = _post(officer_client, survey, (HEADER + ROW + "Castle\x00Vale,leaseholder,2026-03-01,x,y\n").encode())
    assert "Line 3: The file holds NUL bytes, so it is not a CSV text file" in html


def test_a_128_kb_field_is_refused_by_the_csv_reader(officer_client, survey):
    html = _post(officer_client, survey, (HEADER + ROW + ROW.replace("Fine", "x" * 131_073)).encode())
    assert "The file cannot be read as CSV here (field larger than field limit (131072))" in html


def test_a_very_long_answer_is_refused_with_its_line(officer_client, survey):
    html = _post(officer_client, survey, (HEADER + ROW + ROW.replace("Fine", "x" * 10_001)).encode())
    assert "Line 3: A value is longer than 10,000 characters." in html


def test_200000_rows_are_refused_without_reading_them_all(officer_client, survey, django_assert_max_num_queries):
    body = (HEADER + "a,b,c,d,e\n" * 200_000).encode()  # 2 MB: under the size limit
    with django_assert_max_num_queries(12):
        html = _post(officer_client, survey, body)
    assert "The file has more than 10,000 rows of answers. Split it into files of up to 10,000 rows." in html


def test_the_row_limit_itself_is_imported(survey, monkeypatch):
    monkeypatch.setattr(imports, "MAX_ROWS", 3)
    upload = SimpleUploadedFile("tsm.csv", (HEADER + ROW * 3).encode(), content_type="text/csv")
    assert imports.responses_import(survey=survey, upload=upload).created == 3
    upload = SimpleUploadedFile("tsm.csv", (HEADER + ROW * 4).encode(), content_type="text/csv")
    assert "more than 3 rows" in imports.responses_import(survey=survey, upload=upload).problems[0]


def test_a_file_larger_than_the_upload_limit_is_refused(officer_client, survey, settings):
    settings.MAX_UPLOAD_MB = 1
    html = _post(officer_client, survey, (HEADER + ROW * 20_000).encode())
    assert "The file is larger than 1 MB." in html


def test_a_file_saved_in_another_encoding_is_explained(officer_client, survey):
    html = _post(officer_client, survey, (HEADER + ROW.replace("Fine", "Très bien")).encode("latin-1"))
    assert "The file is not UTF-8 text (byte 86). Save it from Excel as “CSV UTF-8”." in html


@pytest.mark.parametrize("typed", ["9999-12-31", "0001-01-01"])
def test_a_date_no_survey_was_answered_on_is_refused(officer_client, survey, typed):
    html = _post(officer_client, survey, (HEADER + ROW.replace("2026-03-01", typed)).encode())
    assert f"Line 2: Responded_on {typed} must be" in html


def test_thousands_of_problems_are_summarised(officer_client, survey):
    html = _post(officer_client, survey, (HEADER + ROW.replace("Castle Vale", "Nowhere") * 500).encode())
    assert "Line 101:" in html and "Line 102:" not in html
    assert "… and 400 more problems like these." in html
