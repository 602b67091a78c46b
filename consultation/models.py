"""The consultation club (Trafford's "Speakeasy", seed 002): members choose how surveys reach
them and which services they care about; staff keep a forward programme of consultations and
target surveys to members; a quarterly satisfaction survey goes to a random sample of customers."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse

from engagement.models import Customer


class Service(models.Model):
    """A service customers can choose to be consulted about (data: the landlord's own list)."""

    name = models.CharField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class SurveyWay(models.TextChoices):
    """Seed 002: "from postal, phone, email, online or via text"."""

    POST = "post", "By post"
    PHONE = "phone", "A phone call"
    EMAIL = "email", "By e-mail"
    ONLINE = "online", "Online (a link by e-mail)"
    TEXT = "text", "By text message"


class ClubMemberQuerySet(models.QuerySet):
    def current(self):
        return self.filter(left_on__isnull=True, customer__erased_at__isnull=True)

    def interested_in(self, services):
        """Members who care about any of these services, or about every service."""
        return self.filter(models.Q(any_service=True) | models.Q(services__in=services)).distinct()


class ClubMember(models.Model):
    customer = models.OneToOneField(Customer, on_delete=models.CASCADE, related_name="club_membership")
    joined_on = models.DateField()
    survey_way = models.CharField("how they want surveys", max_length=10, choices=SurveyWay.choices)
    any_service = models.BooleanField("any service", default=False, help_text="Happy to answer surveys on any service.")
    services = models.ManyToManyField(Service, blank=True, related_name="members")
    joined_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The officer who signed them up; empty when they joined themselves.",
    )
    left_on = models.DateField(null=True, blank=True)

    objects = ClubMemberQuerySet.as_manager()

    class Meta:
        ordering = ["customer__last_name", "customer__first_name"]

    def __str__(self) -> str:
        return self.customer.full_name

    def get_absolute_url(self) -> str:
        return reverse("consultation:club")


class Consultation(models.Model):
    """One entry of the forward programme: what is consulted on, by which team, when."""

    title = models.CharField(max_length=150)
    service = models.ForeignKey(Service, null=True, blank=True, on_delete=models.PROTECT, related_name="consultations")
    team = models.CharField(max_length=100, help_text="The team that asked for it, e.g. Repairs.")
    purpose = models.TextField(blank=True, help_text="What we want to find out and why.")
    opens_on = models.DateField()
    closes_on = models.DateField()
    survey_url = models.URLField("link to the survey", blank=True)
    mailout = models.ForeignKey("mailouts.MailOut", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    form_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        ordering = ["opens_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_on__gte=models.F("opens_on")), name="consultation_closes_after_it_opens"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("consultation:consultation_detail", args=[self.pk])


class SampleRound(models.Model):
    """One quarter's random sample for the satisfaction survey, with the figures it was drawn
    from so anyone can check it later (consultation/sampling.py has the rule)."""

    quarter = models.CharField(max_length=10, unique=True, help_text="e.g. 2026-27-q3")
    drawn_on = models.DateField()
    population = models.PositiveIntegerField(help_text="Customers who consent to contact.")
    yearly_target = models.PositiveIntegerField(help_text="Over half the population, as a number.")
    already_this_year = models.PositiveIntegerField()
    wanted = models.PositiveIntegerField(help_text="This quarter's share of what is still needed.")
    eligible = models.PositiveIntegerField(help_text="Customers not sampled within the interval.")
    interval_days = models.PositiveIntegerField()
    seed = models.BigIntegerField()
    mailout = models.ForeignKey("mailouts.MailOut", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-drawn_on", "-pk"]

    def __str__(self) -> str:
        return f"Sample for {self.quarter}"

    def get_absolute_url(self) -> str:
        return reverse("consultation:sample_detail", args=[self.pk])

    @property
    def quarter_label(self) -> str:
        from engagement.quarters import Quarter

        return Quarter.parse(self.quarter).label

    @property
    def sampled(self) -> int:
        return min(self.wanted, self.eligible)

    @property
    def shortfall(self) -> int:
        return self.wanted - self.sampled


class Sampled(models.Model):
    """Who was sampled, and when: the record the no-repeat rule reads."""

    round = models.ForeignKey(SampleRound, on_delete=models.CASCADE, related_name="members")
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="satisfaction_samples")
    sampled_on = models.DateField()

    class Meta:
        ordering = ["round", "customer__last_name", "customer__first_name"]
        verbose_name_plural = "sampled customers"
        constraints = [models.UniqueConstraint(fields=["round", "customer"], name="sampled_once_a_round")]
        indexes = [models.Index(fields=["customer", "sampled_on"])]

    def __str__(self) -> str:
        return f"{self.customer} ({self.sampled_on})"
