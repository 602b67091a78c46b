"""The complaint, compliment and suggestion lists: filters, CSV export, and a fixed number of queries
whatever the number of rows."""

import datetime

import pytest
from django.urls import reverse

from engagement.factories import CustomerFactory, EstateFactory, OfficerFactory
from feedback.factories import ComplaintFactory, ComplimentFactory, SuggestionFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def _complaints(n):
    estate = EstateFactory()
    handlers = [OfficerFactory(), OfficerFactory()]
    for i in range(n):
        customer = CustomerFactory(estate=estate)
        if i % 3 == 0:
            ComplaintFactory(customer=customer, stage1_handler=handlers[0])
        elif i % 3 == 1:
            ComplaintFactory(customer=customer, stage1_handler=handlers[0], acknowledged=True)
        else:
            ComplaintFactory(
                customer=customer,
                stage1_handler=handlers[0],
                upheld=True,
                stage=2,
                status="received",
                stage2_handler=handlers[1],
                stage2_requested_on=D(2026, 11, 20),
                stage2_ack_due_on=D(2026, 11, 27),
                stage2_response_due_on=D(2026, 12, 24),
            )


def _compliments(n):
    staff = OfficerFactory()
    for i in range(n):
        ComplimentFactory(customer=None if i % 2 else CustomerFactory(), staff_member=staff)


def _suggestions(n):
    estate = EstateFactory()
    for _ in range(n):
        SuggestionFactory(customer=CustomerFactory(estate=estate), estate=estate)


@pytest.mark.parametrize(
    ("url_name", "make"),
    [
        ("feedback:complaints", _complaints),
        ("feedback:compliments", _compliments),
        ("feedback:suggestions", _suggestions),
    ],
)
def test_the_list_takes_the_same_queries_for_10_or_200_rows(
    officer_client, django_assert_max_num_queries, url_name, make
):
    url = reverse(url_name)
    make(10)
    officer_client.get(url)  # warm the content-type cache
    with django_assert_max_num_queries(10) as small:
        officer_client.get(url + "?per_page=200")
    make(190)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = officer_client.get(url + "?per_page=200")
    assert response.context["table"].paginator.count == 200
    with django_assert_max_num_queries(len(small.captured_queries)):
        export = officer_client.get(url + "?_export=csv").getvalue()  # streamed: read inside the count
    assert len(export.decode("utf-8-sig").strip().splitlines()) == 201


def test_the_complaint_csv_has_the_reference_handler_deadline_and_outcome(officer_client, officer):
    complaint = ComplaintFactory(stage1_handler=officer, upheld=True)
    csv = officer_client.get(reverse("feedback:complaints") + "?_export=csv").getvalue().decode("utf-8-sig")
    header, row = csv.strip().splitlines()
    assert header.startswith("Reference,Received,Customer")
    assert complaint.reference in row and "Olivia Officer" in row and "Upheld" in row and "Stage 1: yes" in row


def test_the_complaint_list_filters_late_ones_and_by_outcome(officer_client, officer):
    late = ComplaintFactory(stage1_handler=officer, received_on=D(2026, 1, 5))
    ComplaintFactory(stage1_handler=officer, received_on=datetime.date.today())
    upheld = ComplaintFactory(stage1_handler=officer, upheld=True)
    table = officer_client.get(reverse("feedback:complaints") + "?deadline=late").context["table"]
    assert [row.record for row in table.rows] == [late]
    table = officer_client.get(reverse("feedback:complaints") + "?outcome=upheld_or_partly").context["table"]
    assert [row.record for row in table.rows] == [upheld]


def test_the_complaint_list_finds_a_complaint_by_reference_or_customer_name(officer_client):
    wanted = ComplaintFactory(customer=CustomerFactory(last_name="Zebedee"))
    ComplaintFactory()
    for query in (wanted.reference, "zebedee"):
        table = officer_client.get(reverse("feedback:complaints"), {"q": query}).context["table"]
        assert [row.record for row in table.rows] == [wanted]
