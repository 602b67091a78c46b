"""Training programmes: six months of courses, places booked (never more than there are) and attended."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from engagement.models import Customer, User
from panels.cadence import add_months
from panels.models import TrainingRecord

from ..models import Booking, ProgrammeCourse, TrainingProgramme
from ..models.training import PROGRAMME_MONTHS


def programme_create(
    *, title: str, starts_on: datetime.date, ends_on: datetime.date, published: bool = False
) -> TrainingProgramme:
    """A programme runs for at most six months (seed 002: "a six month programme")."""
    if ends_on < starts_on:
        raise ValidationError({"ends_on": "The programme must end after it starts."})
    if ends_on > add_months(starts_on, PROGRAMME_MONTHS):
        raise ValidationError({"ends_on": f"A programme runs for at most {PROGRAMME_MONTHS} months."})
    return TrainingProgramme.objects.create(title=title, starts_on=starts_on, ends_on=ends_on, published=published)


def course_book(*, course: ProgrammeCourse, customer: Customer, by: User) -> tuple[Booking, bool]:
    """Book a place. Returns (booking, created): booking twice gives the first booking back.

    The place is taken with one conditional UPDATE (places_taken < capacity): under two bookings
    at once PostgreSQL re-checks the condition after the first commits, so the second finds the
    course full. The booking row and the place are one transaction: either both or neither."""
    existing = Booking.objects.filter(course=course, customer=customer).first()
    if existing is not None:
        return existing, False
    if course.held_on < timezone.localdate():
        raise ValidationError("This course has already taken place.")
    if not by.is_engagement_staff and not course.programme.published:
        raise ValidationError("This course is not open for booking yet.")
    try:
        with transaction.atomic():
            taken = ProgrammeCourse.objects.filter(pk=course.pk, places_taken__lt=F("capacity")).update(
                places_taken=F("places_taken") + 1
            )
            if not taken:
                raise ValidationError("Sorry, this course is full.")
            booking = Booking.objects.create(course=course, customer=customer, booked_by=by)
    except IntegrityError:  # the same customer, twice at once: the first booking stands, one place taken
        return Booking.objects.get(course=course, customer=customer), False
    course.refresh_from_db(fields=["places_taken"])
    return booking, True


def booking_attendance_record(*, booking: Booking, attended: bool, by: User) -> Booking:
    """After the course: who came. Attending adds the course to the customer's training records
    (panels.TrainingRecord, the record the induction and the panels' pages already read)."""
    course = booking.course
    if course.held_on > timezone.localdate():
        raise ValidationError("Attendance is recorded once the course has taken place.")
    with transaction.atomic():
        booking.attended = attended
        if attended and booking.training_record_id is None:
            record, _ = TrainingRecord.objects.get_or_create(
                customer=booking.customer,
                course=course.course,
                title=course.title,
                held_on=course.held_on,
                defaults={"provider": course.provider[:120], "completed": True, "recorded_by": by},
            )
            booking.training_record = record
        elif not attended and booking.training_record_id is not None:
            booking.training_record.delete()
            booking.training_record = None
        booking.save(update_fields=["attended", "training_record"])
    return booking
