"""Training programmes for customers (Trafford's "Skills 4 You", seed 002: "training courses are
arranged into a six month programme and advertised to customers"). Each course has a number of
places; a booking takes one with a conditional UPDATE, so two bookings at once never exceed it
(and a database check says so too). A customer who attended gets a panels training record."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from engagement.models import Customer
from panels.models import Course

PROGRAMME_MONTHS = 6


class TrainingProgramme(models.Model):
    title = models.CharField(max_length=120, unique=True)
    starts_on = models.DateField()
    ends_on = models.DateField()
    published = models.BooleanField(default=False, help_text="Advertised to customers on the public page.")

    class Meta:
        ordering = ["-starts_on"]
        constraints = [models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="programme_ends_after")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("involvement:programme_detail", args=[self.pk])


class ProgrammeCourse(models.Model):
    programme = models.ForeignKey(TrainingProgramme, on_delete=models.CASCADE, related_name="courses")
    title = models.CharField(max_length=120)
    course = models.CharField(
        "kind of course",
        max_length=30,
        choices=Course.choices,
        default=Course.OTHER,
        help_text="As training records show it.",
    )
    description = models.TextField(blank=True)
    provider = models.CharField(max_length=120, blank=True, help_text="In-house trainer or the external provider.")
    held_on = models.DateField()
    starts_at = models.TimeField()
    venue = models.CharField(max_length=200)
    capacity = models.PositiveSmallIntegerField(help_text="How many places there are.")
    places_taken = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["held_on", "starts_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(places_taken__lte=F("capacity")), name="course_never_over_capacity")
        ]

    def __str__(self) -> str:
        return f"{self.title}, {self.held_on:%-d %b %Y}"

    def get_absolute_url(self) -> str:
        return reverse("involvement:course_detail", args=[self.pk])

    @property
    def places_left(self) -> int:
        return max(self.capacity - self.places_taken, 0)

    @property
    def is_past(self) -> bool:
        return self.held_on < timezone.localdate()

    @property
    def has_taken_place(self) -> bool:
        """From the day itself: attendance can be recorded."""
        return self.held_on <= timezone.localdate()


class Booking(models.Model):
    course = models.ForeignKey(ProgrammeCourse, on_delete=models.CASCADE, related_name="bookings")
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="course_bookings")
    booked_at = models.DateTimeField(auto_now_add=True)
    booked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    attended = models.BooleanField(null=True, blank=True)
    training_record = models.OneToOneField(
        "panels.TrainingRecord", null=True, blank=True, on_delete=models.SET_NULL, related_name="booking"
    )

    class Meta:
        ordering = ["booked_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["course", "customer"], name="booking_once_a_course")]

    def __str__(self) -> str:
        return f"{self.customer} on {self.course}"
