"""The manager enters a quarter's figure for a manual measure, with evidence; staff can only look."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from charter.models import Measure, MeasureValue, Rag, Source
from engagement.factories import pdf_bytes

pytestmark = pytest.mark.django_db
Q = "2026-27-q2"


def _url(code):
    return reverse("charter:value_enter", args=[Q, Measure.objects.get(code=code).pk])


def _png():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return SimpleUploadedFile("sheet.png", buffer.getvalue(), content_type="image/png")


def test_the_manager_enters_a_count_with_evidence_and_sees_it_on_the_charter(manager_client, manager, registry):
    response = manager_client.post(
        _url("4.3"), {"value": "131", "evidence": "Tenancy sustainment log Q2", "note": "Two officers on leave"}
    )
    assert response.status_code == 302
    value = MeasureValue.objects.get(measure__code="4.3", year=2026, quarter=2)
    assert (value.value, value.rag, value.source, value.entered_by) == (131, Rag.AMBER, Source.MANUAL, manager)
    page = manager_client.get(reverse("charter:quarter", args=[Q])).content.decode()
    assert "131" in page and "Close to target" in page and "Two officers on leave" in page


def test_a_publication_is_answered_yes_or_no(manager_client, registry):
    manager_client.post(_url("2.1"), {"published": "1", "evidence": "trident.example/privacy updated 3 Aug"})
    assert MeasureValue.objects.get(measure__code="2.1").rag == Rag.GREEN
    manager_client.post(_url("2.1"), {"published": "0", "evidence": "Not yet reviewed"})
    value = MeasureValue.objects.get(measure__code="2.1")  # corrected, still one row
    assert value.value == 0 and value.rag == Rag.RED


def test_a_percentage_can_be_given_as_two_counts(manager_client, registry):
    manager_client.post(_url("5.4"), {"numerator": "45", "denominator": "50", "evidence": "Contact centre report"})
    value = MeasureValue.objects.get(measure__code="5.4")
    assert (value.value, value.numerator, value.denominator, value.rag) == (90, 45, 50, Rag.GREEN)


def test_bad_input_is_explained_and_what_was_typed_is_kept(manager_client, registry):
    response = manager_client.post(_url("5.4"), {"value": "120", "evidence": "", "note": "my careful note"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page and "between 0 and 100" in page and "my careful note" in page
    assert not MeasureValue.objects.filter(measure__code="5.4").exists()


def test_counts_that_disagree_with_the_figure_are_refused(manager_client, registry):
    response = manager_client.post(
        _url("5.4"), {"value": "95", "numerator": "45", "denominator": "50", "evidence": "x"}
    )
    assert "45 out of 50 is 90.00%, not 95%" in response.content.decode()


def test_a_double_submit_stores_one_figure(manager_client, registry):
    for _ in range(2):
        manager_client.post(_url("4.3"), {"value": "150", "evidence": "Log"})
    assert MeasureValue.objects.filter(measure__code="4.3").count() == 1


def test_evidence_files_must_be_a_pdf_or_a_real_image(manager_client, registry, officer_client):
    fake = SimpleUploadedFile("evidence.pdf", b"MZ not a pdf", content_type="application/pdf")
    response = manager_client.post(_url("4.3"), {"value": "150", "evidence": "Log", "evidence_file": fake})
    assert "evidence.pdf is not a photo (JPEG, PNG, GIF or WebP) or a PDF" in response.content.decode()
    manager_client.post(_url("4.3"), {"value": "150", "evidence": "Log", "evidence_file": _png()})
    value = MeasureValue.objects.get(measure__code="4.3")
    assert value.evidence_file
    download = officer_client.get(reverse("charter:value_evidence", args=[value.pk]))
    assert download.status_code == 200 and download["Content-Disposition"].startswith("attachment;")
    assert b"".join(download.streaming_content).startswith(b"\x89PNG")


def test_an_evidence_file_over_the_size_limit_is_refused(manager_client, registry, settings):
    settings.MAX_UPLOAD_MB = 0
    pdf = SimpleUploadedFile("e.pdf", pdf_bytes(), content_type="application/pdf")
    response = manager_client.post(_url("4.3"), {"value": "1", "evidence": "Log", "evidence_file": pdf})
    assert "files can be at most 0 MB" in response.content.decode()


def test_a_computed_figure_cannot_be_overwritten_by_hand_only_annotated(manager_client, registry):
    registry.add("tsm.TP08", value=82)
    manager_client.post(reverse("charter:quarter_recompute", args=[Q]))
    response = manager_client.post(_url("2.2"), {"value": "99", "evidence": "made up", "note": "Up after new training"})
    assert response.status_code == 302
    value = MeasureValue.objects.get(measure__code="2.2")
    assert value.value == 82 and value.source == Source.COMPUTED and value.note == "Up after new training"


def test_a_mirrored_measure_sends_the_manager_to_the_measure_it_mirrors(manager_client, registry):
    response = manager_client.get(_url("3.3"))
    assert response.status_code == 302 and response["Location"] == _url("1.7")


def test_officers_see_the_charter_but_cannot_enter_figures(officer_client, registry):
    assert officer_client.get(reverse("charter:quarter", args=[Q])).status_code == 200
    assert officer_client.post(_url("4.3"), {"value": "1", "evidence": "x"}).status_code == 403
    assert officer_client.post(reverse("charter:quarter_recompute", args=[Q])).status_code == 403
    assert not MeasureValue.objects.exists()
