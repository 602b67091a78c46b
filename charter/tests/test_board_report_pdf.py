"""The board report PDF, read back: headline figures, page count, vector charts, page numbers."""

import datetime
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from pypdf import PdfReader

from charter import breakdowns
from charter.factories import BoardReportFactory
from charter.models import Measure, ReportKind, ReportStatus
from charter.services import board_report_build, measure_value_enter
from engagement.factories import ActionFactory, ManagerFactory
from engagement.quarters import Period, Quarter
from engagement.registry import MeasureResult

pytestmark = pytest.mark.django_db
Q2 = Quarter(2026, 2)
ARTIFACTS = Path(settings.BASE_DIR) / "var" / "ci-artifacts"


def _by_quarter(values):
    """A fake measure whose figure depends on the quarter asked for (so trends have a shape)."""

    def compute(start, end):
        return MeasureResult(value=values.get(Quarter.containing(start)), detail="worked example")

    return compute


@pytest.fixture
def world(registry, monkeypatch):
    quarters = Q2.trailing(4)
    registry.add("tsm.TP06", _by_quarter(dict(zip(quarters, (58.0, 60.5, 63.25, 62.1), strict=True))))
    registry.add("complaints.upheld_pct", _by_quarter(dict(zip(quarters, (48, 52, 57, 44), strict=True))))
    registry.add("tsm.TP01", value=77.7)
    monkeypatch.setitem(
        breakdowns.BREAKDOWNS,
        "activities.by_type",
        breakdowns.Breakdown(
            "activities.by_type", "Activities by type", lambda s, e: [("Door knock", 12), ("Forum", 3)]
        ),
    )
    manager = ManagerFactory(first_name="Mina", last_name="Manager")
    measure_value_enter(
        measure=Measure.objects.get(code="4.3"), quarter=Q2, value=131, evidence="Log", entered_by=manager
    )
    ActionFactory(
        status="done",
        done_on=datetime.date(2026, 8, 14),
        due_on=datetime.date(2026, 8, 20),
        published=True,  # done, with public wording approved
        published_at=datetime.datetime(2026, 8, 17, 10, tzinfo=datetime.UTC),
        you_said="The lifts at Castle Vale keep failing",
        we_did="Done: contractor swapped the controller, job 4471",  # staff notes: never printed
        public_you_said="The lifts at Castle Vale kept failing.",
        public_we_did="We replaced the lift controller.",
    )
    for quarter in quarters[:-1]:
        from charter.services import charter_quarter_compute

        charter_quarter_compute(quarter=quarter)
    return manager


def _build(kind=ReportKind.QUARTER, period=None, requested_by=None):
    period = period or Period.for_quarter(Q2)
    report = BoardReportFactory(
        kind=kind,
        period_start=period.start,
        period_end=period.end,
        period_label=period.label,
        version=1,
        requested_by=requested_by,
    )
    assert board_report_build(report_id=report.pk) is True
    report.refresh_from_db()
    return report


def _text(path, first=None, last=None):
    command = ["pdftotext", "-layout"]
    if first:
        command += ["-f", str(first), "-l", str(last or first)]
    return subprocess.run([*command, str(path), "-"], check=True, capture_output=True, text=True).stdout


def _image_xobjects(resources) -> int:
    count = 0
    xobjects = (resources or {}).get("/XObject") or {}
    for ref in xobjects.values():
        xobject = ref.get_object()
        if xobject.get("/Subtype") == "/Image":
            count += 1
        elif xobject.get("/Subtype") == "/Form":
            count += _image_xobjects(xobject.get("/Resources"))
    return count


def _lines(path, page: int) -> list[str]:
    return [line for line in _text(path, page).splitlines() if line.strip()]


def test_the_quarterly_report_reads_back_with_its_headline_figures_charts_and_page_numbers(world):
    report = _build(requested_by=world)
    assert report.status == ReportStatus.READY and report.progress == 100 and report.built_at
    path = Path(report.file.path)
    reader = PdfReader(path)
    pages = len(reader.pages)
    # cover with contents, executive summary, the seven commitments flowing two or three to a page,
    # engagement, complaints, TSM, scrutiny and "You said, we did": no page for a handful of rows.
    assert pages == report.page_count and 6 <= pages <= 14
    for page in range(1, pages + 1):
        assert len(_lines(path, page)) >= 12, f"page {page} is nearly empty"

    summary = _text(path, 2)
    assert "Executive summary" in summary and "Q2 2026/27" in summary
    green, amber, red = (int(n) for n in re.search(r"●\s*(\d+)\s+▲\s*(\d+)\s+■\s*(\d+)", summary).groups())
    # 1.8 and 3.4 (TP06 62.1%, target 65, amber to 60) are amber; 6.3 upheld 44% (at most 50%) and 5.3 TP01 77.7%
    # (target 75) are green; 4.3 wellbeing checks 131 (target 150, amber to 130) is amber.
    assert (green, amber, red) == (2, 3, 0)
    must_know = summary.split("Three things the board must know")[1].split("Each commitment")[0]
    # The same TP06 figure is listed under two commitments: the board is told it once.
    assert must_know.count("TP06") == 1 and "Wellbeing checks carried out: 131 against a target of 150" in must_know
    assert "What changed since Q1 2026/27" in summary
    assert "Better: 6.3 Complaints upheld or partly upheld: 44% (was 57%), now on target" in " ".join(summary.split())

    text = _text(path)
    figures = ("62.1%", "77.7%", "131", "44%", "Door knock", "We replaced the lift controller", f"Page 3 of {pages}")
    for figure in figures:
        assert figure in text, figure
    assert "job 4471" not in text  # only the wording approved for the public
    assert "Mina Manager" in _text(path, 1)
    contents = " ".join(_text(path, 1).split())
    assert re.search(r"Executive summary\s*\.+\s*2", contents)
    assert re.search(r"Tenant Satisfaction Measures\s*\.+\s*\d+", contents)
    assert "We did:" not in text and "TP01 TP01" not in text

    chart_page = next(i for i, page in enumerate(reader.pages) if "Last eight quarters" in page.extract_text())
    content = reader.pages[chart_page].get_contents().get_data().decode("latin-1")
    forms = [
        ref.get_object().get_data().decode("latin-1")
        for ref in (reader.pages[chart_page]["/Resources"].get("/XObject") or {}).values()
    ]
    drawing = content + "".join(forms)
    # Charts are drawn as vector paths (lines, curves for the points, strokes), not pasted as pictures.
    assert re.search(r"\bl\b", drawing) and re.search(r"\bc\b", drawing) and re.search(r"\bS\b", drawing)
    assert sum(_image_xobjects(page.get("/Resources")) for page in reader.pages) == 0
    listing = subprocess.run(["pdfimages", "-list", str(path)], check=True, capture_output=True, text=True).stdout
    assert len(listing.strip().splitlines()) == 2  # the header lines only: no images at all

    # One page as a PNG, kept as an artifact of the CI run.
    _artifact(path, chart_page + 1, "board-report-commitment-page")
    _artifact(path, 2, "board-report-executive-summary")
    shutil.copy(path, ARTIFACTS / "board-report-example.pdf")


def _artifact(path, page: int, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    stem = ARTIFACTS / name
    subprocess.run(
        ["pdftoppm", "-png", "-r", "70", "-singlefile", "-f", str(page), "-l", str(page), str(path), str(stem)],
        check=True,
    )
    assert stem.with_suffix(".png").stat().st_size > 5_000


def test_the_annual_customer_voice_report_covers_the_calendar_year_quarter_by_quarter(world):
    report = _build(kind=ReportKind.ANNUAL, period=Period.for_year(2026))
    path = report.file.path
    text = _text(path)
    assert "Annual customer voice report" in text and "Customer voice report 2026" in text
    for label in ("Jan–Mar", "Apr–Jun", "Jul–Sep", "Oct–Dec", "Quarter by quarter"):
        assert label in text
    assert "Annual" in text and "target" in text
    assert report.filename == "customer-voice-report-2026-v1.pdf"
    for page in range(1, report.page_count + 1):
        assert len(_lines(path, page)) >= 12, f"page {page} is nearly empty"
    _artifact(Path(path), 2, "customer-voice-report-summary")


def test_sections_without_data_say_so_instead_of_showing_zeros(registry):
    report = _build()
    text = _text(report.file.path)
    assert "No perception survey responses were received in this period" in text
    assert 'No "You said, we did" changes were published in this period' in text
