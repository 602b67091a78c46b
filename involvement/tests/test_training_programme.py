"""Training programmes (Trafford's Skills 4 You: "a six month programme ... advertised to customers").

Rules (involvement/services/training.py): a programme runs for at most six months (worked: from
1 January 2027 it may end on 1 July 2027, not 2 July); a booking takes one place and never more
than there are; booking twice keeps the first; a customer books only courses advertised and not
yet held; attendance is recorded from the day of the course and adds the course to the customer's
training records (panels.TrainingRecord)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from engagement.factories import InvolvedCustomerFactory
from involvement import services
from involvement.factories import ProgrammeCourseFactory
from involvement.models import Booking
from panels.models import TrainingRecord

pytestmark = pytest.mark.django_db
D = datetime.date


def test_a_programme_runs_for_at_most_six_months():
    services.programme_create(title="Skills 4 You spring", starts_on=D(2027, 1, 1), ends_on=D(2027, 7, 1))
    with pytest.raises(ValidationError) as refused:
        services.programme_create(title="Too long", starts_on=D(2027, 1, 1), ends_on=D(2027, 7, 2))
    assert "ends_on" in refused.value.message_dict


def test_bookings_take_places_until_the_course_is_full(officer):
    course = ProgrammeCourseFactory(capacity=2)
    for _ in range(2):
        services.course_book(course=course, customer=InvolvedCustomerFactory(), by=officer)
    with pytest.raises(ValidationError, match="full"):
        services.course_book(course=course, customer=InvolvedCustomerFactory(), by=officer)
    course.refresh_from_db()
    assert course.places_taken == 2 == course.bookings.count()


def test_booking_twice_keeps_the_first_and_one_place(officer, customer):
    course = ProgrammeCourseFactory()
    first, created = services.course_book(course=course, customer=customer, by=officer)
    again, created_again = services.course_book(course=course, customer=customer, by=officer)
    course.refresh_from_db()
    assert created and not created_again and first == again and course.places_taken == 1


def test_a_customer_books_themself_from_the_programme_page(customer_client, customer):
    course = ProgrammeCourseFactory(title="Budgeting")
    response = customer_client.post(reverse("involvement:course_book", args=[course.pk]), follow=True)
    assert "You are booked on Budgeting" in response.text and Booking.objects.get().customer == customer
    assert "You are booked on this course." in response.text


def test_a_customer_cannot_book_a_course_not_advertised_or_already_held(customer, officer):
    hidden = ProgrammeCourseFactory(programme__published=False)
    with pytest.raises(ValidationError):
        services.course_book(course=hidden, customer=customer, by=customer.user)
    services.course_book(course=hidden, customer=customer, by=officer)  # staff may, e.g. by phone
    held = ProgrammeCourseFactory(held_on=timezone.localdate() - datetime.timedelta(days=1))
    with pytest.raises(ValidationError, match="already taken place"):
        services.course_book(course=held, customer=customer, by=officer)


def test_attending_adds_the_course_to_the_training_records_and_not_before_the_day(officer, customer):
    course = ProgrammeCourseFactory(title="Chairing with confidence", course="chairing", provider="TPAS")
    booking, _ = services.course_book(course=course, customer=customer, by=officer)
    with pytest.raises(ValidationError):
        services.booking_attendance_record(booking=booking, attended=True, by=officer)
    type(course).objects.filter(pk=course.pk).update(held_on=timezone.localdate())
    booking.refresh_from_db()
    services.booking_attendance_record(booking=booking, attended=True, by=officer)
    record = TrainingRecord.objects.get(customer=customer)
    assert (record.course, record.title, record.completed, record.provider) == (
        "chairing",
        "Chairing with confidence",
        True,
        "TPAS",
    )
    services.booking_attendance_record(booking=booking, attended=False, by=officer)
    assert not TrainingRecord.objects.exists() and booking.attended is False


def test_staff_record_attendance_from_the_course_page(officer_client, officer, customer):
    course = ProgrammeCourseFactory(held_on=timezone.localdate())
    booking, _ = services.course_book(course=course, customer=customer, by=officer)
    response = officer_client.post(reverse("involvement:booking_attendance", args=[booking.pk]), {"attended": "1"})
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.attended is True and booking.training_record is not None
