"""Two customers book the last place on a course at the same moment: one gets it, the other is
told the course is full, and the places taken never exceed the places there are. PostgreSQL only
(READ COMMITTED re-checks the conditional UPDATE's WHERE after the first booking commits)."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from engagement.factories import InvolvedCustomerFactory, OfficerFactory
from involvement import services
from involvement.factories import ProgrammeCourseFactory
from involvement.models import Booking, ProgrammeCourse
from tests.support import require

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_bookings_at_once_never_exceed_the_places():
    require("REQUIRE_POSTGRES", connection.vendor == "postgresql", "Needs PostgreSQL")
    officer = OfficerFactory()
    course = ProgrammeCourseFactory(capacity=3)
    for _ in range(2):
        services.course_book(course=course, customer=InvolvedCustomerFactory(), by=officer)
    customers = [InvolvedCustomerFactory(), InvolvedCustomerFactory()]
    start = threading.Barrier(2)
    outcomes = []

    def book(customer):
        try:
            start.wait()
            services.course_book(course=ProgrammeCourse.objects.get(pk=course.pk), customer=customer, by=officer)
            outcomes.append("booked")
        except ValidationError as error:
            outcomes.append(" ".join(error.messages))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=book, args=(customer,)) for customer in customers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    course.refresh_from_db()
    assert sorted(outcomes) == ["Sorry, this course is full.", "booked"]
    assert course.places_taken == 3 == Booking.objects.filter(course=course).count()
