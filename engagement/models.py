"""Core of the portal: people and roles, places, customers, shared actions, notifications."""

from __future__ import annotations

import datetime
import hashlib
import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone


class Role(models.TextChoices):
    OFFICER = "officer", "Engagement officer"
    MANAGER = "manager", "Engagement manager"
    CUSTOMER = "customer", "Involved customer"
    ADMIN = "admin", "Administrator"


STAFF_ROLES = frozenset({Role.OFFICER, Role.MANAGER, Role.ADMIN})


class PortalUserManager(UserManager):
    def staff(self):
        return self.filter(role__in=STAFF_ROLES, is_active=True)

    def officers(self):
        return self.filter(role__in=[Role.OFFICER, Role.MANAGER], is_active=True)

    def managers(self):
        return self.filter(role=Role.MANAGER, is_active=True)


class User(AbstractUser):
    """Anyone who logs in: staff of the engagement team or an involved customer."""

    role = models.CharField(max_length=20, choices=Role.choices, default=Role.OFFICER, db_index=True)
    job_title = models.CharField(max_length=120, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    # The portal's large-print mode, remembered for the person. Unset, a customer gets the
    # large-print communication preference they gave us; staff get standard text.
    large_print = models.BooleanField(
        "large print on the portal", null=True, blank=True, help_text="Empty: follow the customer's preference."
    )

    objects = PortalUserManager()

    class Meta:
        ordering = ["first_name", "last_name"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_engagement_staff(self) -> bool:
        return self.role in STAFF_ROLES

    @property
    def is_manager(self) -> bool:
        return self.role in {Role.MANAGER, Role.ADMIN}

    @property
    def is_involved_customer(self) -> bool:
        return self.role == Role.CUSTOMER

    @property
    def wants_large_print(self) -> bool:
        """Large print as they last chose it on the portal, or else as their communication
        preference asks (one query for a customer who never chose; none for staff)."""
        if self.large_print is not None:
            return self.large_print
        if self.is_involved_customer:
            customer = getattr(self, "customer", None)
            return bool(customer and customer.large_print)
        return False

    def save(self, *args, **kwargs):
        # The admin role is what opens the Django admin; nobody else gets it by accident.
        if self.role == Role.ADMIN:
            self.is_staff = True
        elif not self.is_superuser:
            self.is_staff = False
        super().save(*args, **kwargs)


class Patch(models.Model):
    """An area of the landlord's stock with an assigned engagement/housing officer."""

    name = models.CharField(max_length=100, unique=True)
    code = models.CharField(max_length=10, unique=True)
    # The housing management system's own id, kept by its import (housing_system) so the same
    # file imported twice changes nothing; blank for a record typed in the portal.
    source_reference = models.CharField(max_length=40, blank=True)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="patches",
        limit_choices_to={"role__in": [Role.OFFICER, Role.MANAGER]},
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "patches"
        constraints = [
            models.UniqueConstraint(
                fields=["source_reference"], condition=~Q(source_reference=""), name="patch_source_reference_unique"
            )
        ]

    def __str__(self) -> str:
        return self.name


class EstateType(models.TextChoices):
    GENERAL_NEEDS = "general_needs", "General needs estate"
    CARE_SUPPORTED = "care_supported", "Care & supported scheme"
    YOUNG_PEOPLE = "young_people", "Young people's service"
    LEASEHOLD_BLOCK = "leasehold_block", "Leasehold block"


class StockType(models.TextChoices):
    """The Regulator of Social Housing's two kinds of stock, reported apart in every TSM.

    Tenant Satisfaction Measures: Technical Requirements (Regulator of Social Housing, 2023):
    low-cost rental accommodation (LCRA: general needs, supported housing and housing for older
    people, here care & supported and young people's services) and low-cost home ownership
    (LCHO: shared owners). Leaseholders who are not shared owners are outside the TSMs.
    """

    LCRA = "lcra", "Low-cost rental (LCRA)"
    LCHO = "lcho", "Low-cost home ownership (LCHO)"


class EstateQuerySet(models.QuerySet):
    def for_officer(self, user):
        return self.filter(Q(officer=user) | Q(patch__officer=user))


class Estate(models.Model):
    """An estate or scheme: the place engagement happens and per-1,000-homes rates are based on."""

    name = models.CharField(max_length=120, unique=True)
    patch = models.ForeignKey(Patch, on_delete=models.PROTECT, related_name="estates")
    estate_type = models.CharField("type", max_length=20, choices=EstateType.choices, db_index=True)
    # Homes by tenure type: the TSMs divide by, and sample from, each stock type apart.
    homes_lcra = models.PositiveIntegerField(
        "rented homes (LCRA)", default=0, help_text="General needs, care & supported and young people's homes."
    )
    homes_lcho = models.PositiveIntegerField("shared-ownership homes (LCHO)", default=0)
    homes_leasehold = models.PositiveIntegerField(
        "leasehold homes", default=0, help_text="Leaseholders who are not shared owners: outside the TSMs."
    )
    # The total, kept equal to the three above by save() and a database check.
    homes = models.PositiveIntegerField("number of homes", editable=False)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="estates",
        verbose_name="assigned officer",
        limit_choices_to={"role__in": [Role.OFFICER, Role.MANAGER]},
    )
    address = models.CharField(max_length=200, blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    has_communal_areas = models.BooleanField(default=True)
    source_reference = models.CharField(max_length=40, blank=True)  # as on Patch

    objects = EstateQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(homes=F("homes_lcra") + F("homes_lcho") + F("homes_leasehold")),
                name="estate_homes_is_the_sum_by_tenure",
            ),
            models.UniqueConstraint(
                fields=["source_reference"], condition=~Q(source_reference=""), name="estate_source_reference_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.homes = self.homes_lcra + self.homes_lcho + self.homes_leasehold
        if kwargs.get("update_fields") is not None and {"homes_lcra", "homes_lcho", "homes_leasehold"} & set(
            kwargs["update_fields"]
        ):
            kwargs["update_fields"] = {*kwargs["update_fields"], "homes"}
        super().save(*args, **kwargs)

    def homes_of(self, stock: str) -> int:
        return self.homes_lcra if stock == StockType.LCRA else self.homes_lcho

    @property
    def is_scheme(self) -> bool:
        return self.estate_type in {EstateType.CARE_SUPPORTED, EstateType.YOUNG_PEOPLE}


class Tenure(models.TextChoices):
    GENERAL_NEEDS = "general_needs", "General needs tenant"
    CARE_SUPPORTED = "care_supported", "Care & supported"
    YOUNG_PEOPLE = "young_people", "Young people's services"
    LEASEHOLDER = "leaseholder", "Leaseholder"
    SHARED_OWNER = "shared_owner", "Shared owner"


# Which stock type each tenure reports in; a tenure not here (leaseholder) is outside the TSMs.
STOCK_TYPE_OF_TENURE = {
    Tenure.GENERAL_NEEDS: StockType.LCRA,
    Tenure.CARE_SUPPORTED: StockType.LCRA,
    Tenure.YOUNG_PEOPLE: StockType.LCRA,
    Tenure.SHARED_OWNER: StockType.LCHO,
}


def tenures_of(stock: str) -> list[str]:
    """The tenures that report in one stock type, e.g. LCRA → general needs, care & supported, young people."""
    return [str(tenure) for tenure, kind in STOCK_TYPE_OF_TENURE.items() if kind == stock]


class Channel(models.TextChoices):
    EMAIL = "email", "Email"
    PHONE = "phone", "Phone call"
    SMS = "sms", "Text message"
    LETTER = "letter", "Letter"
    IN_PERSON = "in_person", "In person"


class CustomerQuerySet(models.QuerySet):
    def search(self, text: str):
        text = (text or "").strip()
        if not text:
            return self
        query = Q()
        for word in text.split():
            query &= (
                Q(first_name__icontains=word)
                | Q(last_name__icontains=word)
                | Q(address__icontains=word)
                | Q(postcode__icontains=word)
                | Q(reference__iexact=word)
            )
        return self.filter(query)

    def current(self):
        """Customers whose tenancy has not ended (an ended one keeps their history for the reports)."""
        return self.filter(ended_on__isnull=True)

    def contactable_by_email(self):
        return self.filter(consent_to_contact=True, digitally_excluded=False).exclude(email="")


class Customer(models.Model):
    """A resident of one of our homes, with how they want us to talk to them."""

    reference = models.CharField("tenancy reference", max_length=20, unique=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="customer",
        help_text="Set when the customer has a portal login.",
    )
    title = models.CharField(max_length=20, blank=True)
    first_name = models.CharField(max_length=80)
    last_name = models.CharField(max_length=80, db_index=True)
    address = models.CharField(max_length=200)
    postcode = models.CharField(max_length=10, blank=True)
    estate = models.ForeignKey(Estate, on_delete=models.PROTECT, related_name="customers")
    tenure = models.CharField(max_length=20, choices=Tenure.choices, db_index=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    # Communication preferences
    preferred_channel = models.CharField(max_length=20, choices=Channel.choices, default=Channel.LETTER)
    language = models.CharField("preferred language", max_length=40, default="English")
    large_print = models.BooleanField(default=False)
    braille = models.BooleanField(default=False)
    easy_read = models.BooleanField(default=False)
    digitally_excluded = models.BooleanField(default=False, help_text="No internet access or not able to use it.")
    needs_assistance = models.BooleanField(default=False, help_text="Needs help to take part or give feedback.")
    assistance_notes = models.CharField(max_length=200, blank=True)
    consent_to_contact = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # GDPR erasure (engagement.gdpr): the row stays, anonymised, so every count stays right; the
    # digest of the old tenancy reference stops an import or the demo seed making them again.
    erased_at = models.DateTimeField(null=True, blank=True)
    erased_reference_digest = models.CharField(max_length=64, blank=True, db_index=True)
    # Kept in step with the housing management system (housing_system): its id for this person, and
    # the day a full extract first left them out (they moved out; never deleted, see `current()`).
    source_reference = models.CharField(max_length=40, blank=True)
    ended_on = models.DateField("tenancy ended", null=True, blank=True, db_index=True)

    objects = CustomerQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "first_name"]
        indexes = [models.Index(fields=["estate", "tenure"])]
        constraints = [
            models.UniqueConstraint(
                fields=["source_reference"], condition=~Q(source_reference=""), name="customer_source_reference_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.full_name}, {self.address}"

    def get_absolute_url(self) -> str:
        return reverse("customer_detail", args=[self.pk])

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.title, self.first_name, self.last_name) if part)

    @staticmethod
    def reference_digest(reference: str) -> str:
        """SHA-256 of a tenancy reference (trimmed, upper case): kept instead of an erased reference."""
        return hashlib.sha256(f"tenancy-reference:{reference.strip().upper()}".encode()).hexdigest()

    @classmethod
    def reference_was_erased(cls, reference: str) -> bool:
        return cls.objects.filter(erased_reference_digest=cls.reference_digest(reference)).exists()

    @property
    def format_needs(self) -> list[str]:
        needs = []
        if self.large_print:
            needs.append("large print")
        if self.braille:
            needs.append("braille")
        if self.easy_read:
            needs.append("easy read")
        if self.language and self.language.lower() != "english":
            needs.append(self.language)
        return needs


class ActionStatus(models.TextChoices):
    OPEN = "open", "Open"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"
    CANCELLED = "cancelled", "Cancelled"


OPEN_ACTION_STATUSES = [ActionStatus.OPEN, ActionStatus.IN_PROGRESS]
# Each half of a public "You said, we did" fits a notice-board poster (six to a page).
PUBLIC_WORDING_MAX = 200


class ActionQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_ACTION_STATUSES)

    def overdue(self, today: datetime.date | None = None):
        today = today or timezone.localdate()
        return self.open().filter(due_on__lt=today)

    def published(self):
        """'You said, we did' in public: done actions whose public wording staff approved.

        Only these ever reach the public pages, posters and reports to customers; an action that
        is reopened or cancelled after approval drops out until it is done again."""
        return self.filter(status=ActionStatus.DONE, published_at__isnull=False)

    def awaiting_public_wording(self):
        """Done actions put forward for "You said, we did" whose public wording nobody has approved."""
        return self.filter(status=ActionStatus.DONE, publish=True, published_at__isnull=True)

    def for_place(self, *, estate: Estate | None = None, patch: Patch | None = None):
        """What customers of one estate (or patch) are told: its own changes and those for everyone."""
        if estate is not None:
            return self.filter(Q(estate=estate) | Q(estate__isnull=True))
        if patch is not None:
            return self.filter(Q(estate__patch=patch) | Q(estate__isnull=True))
        return self

    def visible_to_customer(self, customer: Customer | None):
        qs = self.published()
        if customer is None:
            return qs.filter(estate__isnull=True)
        return qs.filter(Q(estate__isnull=True) | Q(estate=customer.estate_id))

    def from_source(self, obj):
        return self.filter(source_type=ContentType.objects.get_for_model(obj), source_id=obj.pk)


class Action(models.Model):
    """One thing we said we would do because of what customers told us ("You said, we did").

    Every source (activity report, meeting, scrutiny project, estate walk, complaint,
    suggestion, estate champion survey) records its actions here, so there is one list,
    one overdue rule and one public page.
    """

    you_said = models.TextField("you said / we found")
    we_will = models.TextField("we will")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="owned_actions",
        limit_choices_to={"role__in": [Role.OFFICER, Role.MANAGER]},
    )
    estate = models.ForeignKey(
        Estate,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
        help_text="The estate or scheme it affects; blank for everyone.",
    )
    due_on = models.DateField("due")
    status = models.CharField(max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    done_on = models.DateField(null=True, blank=True)
    we_did = models.TextField("what we did", blank=True)
    # Put forward for "You said, we did": a wish recorded when the action is agreed. Nothing is
    # public until the action is done and staff approve its public wording (published_at).
    publish = models.BooleanField(
        'put forward for "You said, we did"',
        default=False,
        help_text="Once it is done, staff write and approve the public wording before anything is published.",
    )
    # The only words about an action the public ever sees: written for customers, in the past
    # tense, naming nobody, approved by a member of staff (who and when below; audited).
    public_you_said = models.TextField('"You said" (public wording)', max_length=PUBLIC_WORDING_MAX, blank=True)
    public_we_did = models.TextField('"We did" (public wording)', max_length=PUBLIC_WORDING_MAX, blank=True)
    published_at = models.DateTimeField("published", null=True, blank=True, db_index=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="public wording approved by",
    )
    source_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.SET_NULL)
    source_id = models.PositiveBigIntegerField(null=True, blank=True)
    source = GenericForeignKey("source_type", "source_id")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # The one-time token of the form that created it (services.create_once): a double submit of
    # any "add an action" form, in any app, creates one action.
    form_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [
            models.Index(fields=["status", "due_on"]),
            models.Index(fields=["source_type", "source_id"]),
            models.Index(fields=["publish", "status"]),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(status="done") | Q(done_on__isnull=False), name="action_done_has_date"),
            # Nothing is published without approved public wording.
            models.CheckConstraint(
                condition=Q(published_at__isnull=True) | (~Q(public_you_said="") & ~Q(public_we_did="")),
                name="action_published_has_public_wording",
            ),
        ]

    def __str__(self) -> str:
        return self.we_will[:80]

    def get_absolute_url(self) -> str:
        return reverse("action_detail", args=[self.pk])

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.status in OPEN_ACTION_STATUSES and self.due_on < today

    @property
    def is_published(self) -> bool:
        return self.status == ActionStatus.DONE and self.published_at is not None


class PosterVersion(models.TextChoices):
    STANDARD = "standard", "Standard"
    LARGE_PRINT = "large_print", "Large print"


class PosterPrint(models.Model):
    """One "You said, we did" poster printed for an estate's notice board (seed 2.2, 2.3; charter 3
    and 7): which version, who printed it, when, and the published actions on it, so the poster
    can be printed again exactly and the charter counts posters published from these rows."""

    estate = models.ForeignKey(Estate, on_delete=models.PROTECT, related_name="posters")
    version = models.CharField(max_length=20, choices=PosterVersion.choices, default=PosterVersion.STANDARD)
    items = models.ManyToManyField(Action, related_name="posters")
    printed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    printed_at = models.DateTimeField(default=timezone.now)
    printed_on = models.DateField(default=timezone.localdate, db_index=True)
    form_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        ordering = ["-printed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.estate} poster ({self.get_version_display().lower()}), {self.printed_on:%-d %b %Y}"

    def get_absolute_url(self) -> str:
        return reverse("poster_pdf", args=[self.pk])


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """An in-app message; `notify()` creates it and emails a copy."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    email_wanted = models.BooleanField(default=True)
    # Claimed before sending and stamped after, so a retried task never sends twice.
    email_claimed_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return self.title


class ChaseNotice(models.Model):
    """One chase notice about one deadline, for every kind of deadline in the portal.

    Inserted before anyone is told: the unique row is the claim, so a re-run, a retried task or a
    second worker never sends the same notice twice. The due date is part of the key, so a new
    date (an extension, a returned report) is chased afresh. See `engagement.deadlines`.
    """

    kind = models.CharField(max_length=40)  # a registered DeadlineKind's key
    object_id = models.PositiveBigIntegerField()
    due_on = models.DateField()
    step = models.CharField(max_length=20)  # engagement.deadlines.Step
    # 0 for the reminder and the overdue notice; the escalation's number (1, 2, …).
    period = models.PositiveIntegerField(default=0)
    sent_on = models.DateField(default=timezone.localdate)
    sent_at = models.DateTimeField(default=timezone.now)
    recipients = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="+", blank=True)
    # The claim token of the run that inserted it: a bulk insert that skips conflicts reads back
    # the rows it won by this token.
    batch = models.UUIDField(null=True, blank=True, editable=False, db_index=True)

    class Meta:
        ordering = ["sent_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id", "due_on", "step", "period"], name="one_chase_notice_per_step"
            ),
        ]

    def __str__(self) -> str:
        from .deadlines.policy import Step

        label = Step(self.step).label if self.step in Step.values else self.step
        return f"{label} ({self.period})" if self.step == Step.ESCALATION and self.period > 1 else label


class PendingTask(models.Model):
    """Background work recorded with the change that needs it (the outbox): a Celery task and its
    arguments, stored in the same transaction, queued after commit, deleted once it has run.

    A row that is still here after `engagement.outbox.SWEEP_AFTER` was never queued (broker down)
    or never finished (worker lost): the sweep runs it. Tasks claim their own effects, so a task
    that turns up late as well does nothing twice.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)  # also the Celery task id
    task = models.CharField(max_length=200)
    args = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    # Claimed by one sweep at a time; a claim older than SWEEP_AFTER is a lost sweep's.
    claimed_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at"]
        indexes = [models.Index(fields=["created_at"], name="pending_task_created")]

    def __str__(self) -> str:
        return f"{self.task}{tuple(self.args)}"


from .landlord import Landlord  # noqa: E402,F401  (the landlord's settings: engagement/landlord.py)
