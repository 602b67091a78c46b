"""Training programmes, staff side: programmes, courses, bookings on someone's behalf, attendance."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from engagement.access import access
from engagement.landlord import landlord_current
from engagement.steps import form_page, step

from .. import forms, services
from ..models import Booking, ProgrammeCourse, TrainingProgramme


@access("staff")
def programme_list(request):
    programmes = TrainingProgramme.objects.prefetch_related("courses")
    return render(
        request,
        "involvement/programme_list.html",
        {"programmes": programmes, "landlord": landlord_current(request)},
    )


@access("staff")
def programme_create(request):
    form = forms.ProgrammeForm(request.POST or None)
    done = step(
        request,
        form=form,
        run=lambda data: services.programme_create(**data),
        success="Programme added. Now add its courses.",
        target=lambda p: p,
    )
    return done or form_page(
        request, form, title="Add a training programme", cancel_url=reverse("involvement:programme_list")
    )


@access("staff")
def programme_detail(request, pk: int):
    programme = get_object_or_404(TrainingProgramme, pk=pk)
    return render(
        request, "involvement/programme_detail.html", {"programme": programme, "courses": programme.courses.all()}
    )


@access("staff")
def course_create(request, pk: int):
    programme = get_object_or_404(TrainingProgramme, pk=pk)
    form = forms.CourseForm(request.POST or None, instance=ProgrammeCourse(programme=programme))
    done = step(request, form=form, run=lambda data: form.save(), success="Course added.", target=programme)
    return done or form_page(
        request, form, title=f"Add a course to {programme}", cancel_url=programme.get_absolute_url()
    )


@access("staff")
def course_detail(request, pk: int):
    course = get_object_or_404(ProgrammeCourse.objects.select_related("programme"), pk=pk)
    bookings = course.bookings.select_related("customer", "booked_by")
    return render(
        request,
        "involvement/course_detail.html",
        {"course": course, "bookings": bookings, "book_form": forms.BookForForm()},
    )


@access("staff")
def course_book_for(request, pk: int):
    course = get_object_or_404(ProgrammeCourse.objects.select_related("programme"), pk=pk)
    form = forms.BookForForm(request.POST or None)
    done = step(
        request,
        form=form,
        run=lambda data: services.course_book(course=course, customer=data["customer"], by=request.user),
        success=lambda b: f"{b.customer.full_name} is booked.",
        resent=lambda b: f"{b.customer.full_name} was already booked.",
        target=course,
    )
    return done or form_page(request, form, title=f"Book a place on {course}", cancel_url=course.get_absolute_url())


@require_POST
@access("staff")
def booking_attendance(request, pk: int):
    booking = get_object_or_404(Booking.objects.select_related("course", "customer"), pk=pk)
    form = forms.AttendanceForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose attended or did not attend.")
        return redirect(booking.course)
    return step(
        request,
        run=lambda: services.booking_attendance_record(
            booking=booking, attended=form.cleaned_data["attended"], by=request.user
        ),
        success="Attendance recorded.",
        target=booking.course,
    )
