"""Mail-outs: one communication to many customers, each reached the way their record says.

A `MailOut` is what staff send (a kind, a subject and the text) to an audience; a `Delivery` is
one recipient's copy, recorded when the mail-out is created (who, where, by which channel, in
which format) and claimed exactly once when it goes. Letters are collected on the mail-out's
`PrintBatch`: one PDF, one letter a page.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from engagement.models import Customer
from engagement.storage import private_storage


class Kind(models.Model):
    """What a communication is (minutes, "You said, we did", a survey invitation …): data, so
    a landlord can add its own without a code change."""

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class How(models.TextChoices):
    """How one copy goes. Phone: the survey is done by a call, so the copy is on a call list."""

    EMAIL = "email", "E-mail"
    SMS = "sms", "Text message"
    LETTER = "letter", "Letter"
    PHONE = "phone", "Phone call"
    NONE = "none", "Not sent"


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "Waiting to go"
    SENDING = "sending", "Interrupted while sending: check before sending again"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"
    LEFT_OUT = "left_out", "Left out"


class MailOut(models.Model):
    kind = models.ForeignKey(Kind, on_delete=models.PROTECT, related_name="mailouts")
    subject = models.CharField(max_length=150)
    body = models.TextField(help_text="Plain words; blank lines start new paragraphs.")
    audience = models.CharField(max_length=500, help_text="Who it went to, in words, as chosen.")
    source_key = models.CharField(max_length=60, blank=True, help_text='What sent it, e.g. "walk:12".')
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    form_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)  # one-time form token

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.kind}: {self.subject}"

    def get_absolute_url(self) -> str:
        return reverse("mailouts:detail", args=[self.pk])


class Delivery(models.Model):
    """One recipient's copy. Name, address and contact details are copied from the customer
    record when the mail-out is made, so the record shows where it really went."""

    mailout = models.ForeignKey(MailOut, on_delete=models.CASCADE, related_name="deliveries")
    customer = models.ForeignKey(
        Customer, null=True, blank=True, on_delete=models.CASCADE, related_name="mail_deliveries"
    )
    name = models.CharField(max_length=200)
    address = models.TextField(blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    channel = models.CharField(max_length=10, choices=How.choices)
    large_print = models.BooleanField(default=False)
    braille = models.BooleanField(default=False)
    easy_read = models.BooleanField(default=False)
    language = models.CharField(max_length=40, blank=True, help_text="Set when not English: translate it.")
    status = models.CharField(max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING)
    reason = models.CharField(max_length=300, blank=True, help_text="Why it was left out, or the error.")
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    batch = models.ForeignKey("PrintBatch", null=True, blank=True, on_delete=models.SET_NULL, related_name="letters")

    class Meta:
        ordering = ["mailout", "name", "pk"]
        verbose_name_plural = "deliveries"
        constraints = [
            models.UniqueConstraint(
                fields=["mailout", "customer"], condition=Q(customer__isnull=False), name="one_copy_per_customer"
            ),
        ]
        indexes = [models.Index(fields=["mailout", "status"])]

    def __str__(self) -> str:
        return f"{self.name}: {self.get_channel_display()} ({self.get_status_display()})"

    @property
    def address_lines(self) -> list[str]:
        return [line.strip() for line in self.address.replace(",", "\n").splitlines() if line.strip()]

    @property
    def format_needs(self) -> list[str]:
        needs = [label for flag, label in ((self.braille, "braille"), (self.easy_read, "easy read")) if flag]
        if self.language:
            needs.append(f"translate into {self.language}")
        return needs


def _batch_path(instance, filename):
    return f"mailouts/batches/{instance.mailout_id}/{filename}"


class PrintBatch(models.Model):
    """A mail-out's letters, as one PDF to print: a cover sheet, then one letter a page."""

    mailout = models.OneToOneField(MailOut, on_delete=models.CASCADE, related_name="print_batch")
    pdf = models.FileField(upload_to=_batch_path, storage=private_storage, blank=True)
    built_at = models.DateTimeField(null=True, blank=True)
    posted_on = models.DateField(null=True, blank=True)
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-mailout__created_at"]
        verbose_name_plural = "print batches"

    def __str__(self) -> str:
        return f"Letters for {self.mailout}"
