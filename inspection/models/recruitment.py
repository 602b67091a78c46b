"""Customers on staff recruitment panels (seed 000, section 4 "Induction, Training & Recruitment").

"Involved customers should be included within the recruitment process, especially for those roles
that are customer facing, or for Head Of and above ... They should be briefed fully on what is
expected of them, how they score a candidate, what key behaviours / skills should be demonstrated.
The scoring of the candidate by the customer should be given equal weighting with staff and their
comments fed back into the assessment." The engagement team should know "what dates the interviews
are planned for". A candidate's total is the mean of every panel member's score: customers and
staff count the same (inspection.services.recruitment.candidate_results).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from engagement.models import Customer


class RecruitmentExercise(models.Model):
    post = models.CharField("the post", max_length=160)
    customer_facing = models.BooleanField(default=True)
    head_of_or_above = models.BooleanField("Head Of or above", default=False)
    hiring_manager = models.CharField(max_length=120, blank=True)
    interviews_from = models.DateField("first interview date")
    interviews_to = models.DateField("last interview date", null=True, blank=True)
    max_score = models.PositiveSmallIntegerField(
        default=25, help_text="The most one panel member can give a candidate."
    )
    key_behaviours = models.TextField("key behaviours and skills", blank=True)
    lead_officer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-interviews_from", "post"]
        constraints = [
            models.CheckConstraint(
                condition=Q(interviews_to__isnull=True) | Q(interviews_to__gte=models.F("interviews_from")),
                name="interviews_end_after_they_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.post} ({self.interviews_from:%-d %b %Y})"

    def get_absolute_url(self) -> str:
        return reverse("inspection:recruitment_detail", args=[self.pk])


class RecruitmentPanelist(models.Model):
    """One member of the interview panel: an involved customer or a member of staff."""

    exercise = models.ForeignKey(RecruitmentExercise, on_delete=models.CASCADE, related_name="panelists")
    customer = models.ForeignKey(Customer, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    staff_name = models.CharField("member of staff", max_length=120, blank=True)
    briefed_on = models.DateField(null=True, blank=True)
    briefed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["exercise", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(customer__isnull=False) & Q(staff_name=""))
                | (Q(customer__isnull=True) & ~Q(staff_name="")),
                name="panelist_is_customer_or_staff",
            ),
            models.UniqueConstraint(fields=["exercise", "customer"], name="customer_on_panel_once"),
        ]

    def __str__(self) -> str:
        return self.customer.full_name if self.customer_id else self.staff_name

    @property
    def is_customer(self) -> bool:
        return self.customer_id is not None


class Candidate(models.Model):
    exercise = models.ForeignKey(RecruitmentExercise, on_delete=models.CASCADE, related_name="candidates")
    label = models.CharField(max_length=60, help_text="How the panel refers to them, e.g. Candidate A.")
    interviewed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["exercise", "label"]
        constraints = [models.UniqueConstraint(fields=["exercise", "label"], name="candidate_label_once")]

    def __str__(self) -> str:
        return self.label


class CandidateScore(models.Model):
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="scores")
    panelist = models.ForeignKey(RecruitmentPanelist, on_delete=models.CASCADE, related_name="scores")
    score = models.PositiveSmallIntegerField()
    comments = models.TextField(blank=True, help_text="Fed back into the assessment.")

    class Meta:
        ordering = ["candidate", "panelist"]
        constraints = [models.UniqueConstraint(fields=["candidate", "panelist"], name="candidate_scored_once")]

    def __str__(self) -> str:
        return f"{self.candidate} by {self.panelist}: {self.score}"
