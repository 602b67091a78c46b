"""The public pages: the landlord's menu of involvement and its training programme (no login;
nothing personal: opportunities, courses, dates and places left only)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from engagement.access import access, customer_of
from engagement.landlord import landlord_current

from .. import services
from ..models import Booking, InvolvementLevel, Opportunity, ProgrammeCourse, TrainingProgramme
from ..models.menu import MAX_CLOCKS


@access("public")
def get_involved(request):
    levels = InvolvementLevel.objects.prefetch_related(
        Prefetch("opportunities", queryset=Opportunity.objects.select_related("panel"))
    )
    return render(
        request,
        "involvement/get_involved.html",
        {"levels": levels, "max_clocks": range(MAX_CLOCKS), "landlord": landlord_current(request)},
    )


def _upcoming_courses():
    return (
        ProgrammeCourse.objects.filter(programme__published=True, held_on__gte=timezone.localdate())
        .select_related("programme")
        .order_by("held_on", "starts_at", "pk")
    )


@access("public")
def training_programme(request):
    courses = list(_upcoming_courses())
    booked = set()
    customer = getattr(request.user, "customer", None) if request.user.is_authenticated else None
    if customer is not None:
        booked = set(Booking.objects.filter(customer=customer, course__in=courses).values_list("course_id", flat=True))
    programmes = TrainingProgramme.objects.filter(published=True, ends_on__gte=timezone.localdate())
    return render(
        request,
        "involvement/training_public.html",
        {
            "courses": courses,
            "booked": booked,
            "programmes": programmes,
            "is_customer": customer is not None,
            "landlord": landlord_current(request),
        },
    )


@require_POST
@access("customer")
def course_book(request, pk: int):
    """An involved customer books themself a place (the button on the programme page)."""
    customer = customer_of(request.user)
    course = get_object_or_404(ProgrammeCourse.objects.select_related("programme"), pk=pk)
    try:
        booking, created = services.course_book(course=course, customer=customer, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        when = f"{course.held_on:%A %-d %B} at {course.starts_at:%-I:%M %p}".replace(":00 ", " ")
        if created:
            messages.success(request, f"You are booked on {course.title}, {when}, {course.venue}.")
        else:
            messages.info(request, f"You were already booked on {booking.course.title}.")
    return redirect("involvement:training_programme")
