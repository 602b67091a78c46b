"""django-import-export resources for patches, estates and customers from a housing management system.

Configured for files of 50,000 rows (benchmarks/customer_import.py): every existing record is read
once per file into dictionaries (by the housing system's id and by the portal's own key, so a record
typed in the portal before the first import is adopted rather than duplicated); look-ups (patches,
estates, erased people) are dictionaries too; changes are detected by comparing a record's values
before and after the row (import-export's diff deep-copies every record and renders HTML, which
we do not show); saving is in bulk (`use_bulk`, batches of 1,000). No query is made per row.

A row is *unchanged* when none of its fields differ: importing the same file twice changes nothing.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils import timezone
from import_export import fields, resources
from import_export.instance_loaders import BaseInstanceLoader

from engagement.models import Channel, Customer, Estate, EstateType, Patch, Tenure

from . import widgets as w

CHANGES_KEPT = 500  # changes listed on the run's page and kept on the ImportRun (all are counted)


class PrefetchedLoader(BaseInstanceLoader):
    def __init__(self, resource, dataset=None):
        super().__init__(resource, dataset)
        resource.prefetch()

    def get_instance(self, row):
        return self.resource.find_existing(row)


class HousingResource(resources.ModelResource):
    """Shared by the three kinds of record: prefetching, change tracking, counting, bulk saving."""

    natural_key = ""  # the portal's own unique field (Patch.code, Estate.name, Customer.reference)
    key_label = ""
    extra_update_fields: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.by_source: dict[str, object] = {}
        self.by_natural: dict[str, object] = {}
        self.changes: list[dict] = []
        self.lines: list[int] = []  # the file's line for each dataset row (set by the service)
        self.erased_skipped = 0
        self._before = None
        self._import_fields = None
        self._tracked = None

    # --- instances ----------------------------------------------------------------------------
    def prefetched_fields(self) -> list[str]:
        # Only what a row can set or is matched on: loading dates and notes for 50,000 records
        # took a third of a dry run.
        return ["pk", "source_reference", self.natural_key, *self.tracked()]

    def prefetch(self):
        for obj in self._meta.model.objects.only(*self.prefetched_fields()):
            if obj.source_reference:
                self.by_source[obj.source_reference.upper()] = obj
            self.by_natural[str(getattr(obj, self.natural_key)).upper()] = obj

    def find_existing(self, row):
        source = str(row.get("source_reference") or "").strip().upper()
        if source in self.by_source:
            return self.by_source[source]
        candidate = self.by_natural.get(" ".join(str(row.get(self.natural_key) or "").split()).upper())
        if candidate is not None and not candidate.source_reference:
            return candidate  # typed in the portal before the first import: adopt it
        return None

    def get_import_fields(self):
        # import-export works the list out again for every row (a fifth of the time at 50,000 rows).
        if self._import_fields is None:
            self._import_fields = super().get_import_fields()
        return self._import_fields

    def tracked(self) -> list[str]:
        if self._tracked is None:
            model = self._meta.model
            names = [field.attribute for field in self.get_import_fields()]
            names += ["ended_on"] * hasattr(model, "ended_on")
            self._tracked = [model._meta.get_field(name).attname for name in names]
        return self._tracked

    def after_init_instance(self, instance, new, row, **kwargs):
        self._before = None if new else [getattr(instance, name) for name in self.tracked()]

    def row_problems(self, instance, new, row) -> dict:
        """Problems that need the whole record, e.g. a key already used by another record."""
        problems = {}
        natural = str(getattr(instance, self.natural_key) or "").upper()
        holder = self.by_natural.get(natural)
        if natural and holder is not None and holder.pk != instance.pk:
            other = f" (the housing system's id {holder.source_reference})" if holder.source_reference else ""
            problems[self.natural_key] = [f"the {self.key_label} {natural} is already another record's{other}"]
        return problems

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if getattr(self, "_erased", False):
            return True
        new = instance.pk is None
        problems = {key: list(value) for key, value in (import_validation_errors or {}).items()}
        if not problems:
            problems = self.row_problems(instance, new, row)
        if problems:
            raise ValidationError(problems)
        number = self._row_number
        if new:
            self._note(number, instance, "add", [])
            return False
        after = [getattr(instance, name) for name in self.tracked()]
        changed = [name for name, old, now in zip(self.tracked(), self._before, after, strict=True) if old != now]
        if not changed:
            return True
        self._note(number, instance, "change", changed)
        return False

    def _note(self, number, instance, action, changed):
        if len(self.changes) < CHANGES_KEPT:
            line = self.lines[number - 1] if number and self.lines else number
            key = instance.source_reference or getattr(instance, self.natural_key)
            fields = [name.removesuffix("_id") for name in changed]
            self.changes.append({"line": line, "key": key, "action": action, "fields": fields})

    def import_row(self, row, instance_loader, **kwargs):
        self._row_number = kwargs.get("row_number", 0)
        self._erased = False
        return super().import_row(row, instance_loader, **kwargs)

    # --- saving -------------------------------------------------------------------------------
    def save_instance(self, instance, is_create, row, **kwargs):
        if kwargs.get("dry_run"):
            self.before_save_instance(instance, row, **kwargs)
            return  # nothing is written, nothing is kept: a dry run of 50,000 rows stays small
        super().save_instance(instance, is_create, row, **kwargs)

    def get_bulk_update_fields(self):
        return [field.attribute for field in self.get_import_fields()] + list(self.extra_update_fields)


def _field(attribute: str, widget, column: str = "", **kwargs) -> fields.Field:
    # A foreign key is set by its id (attribute "estate_id"): no model instance made per row.
    return fields.Field(attribute=attribute, column_name=column or attribute, widget=widget, **kwargs)


class PatchResource(HousingResource):
    natural_key = "code"
    key_label = "patch code"
    source_reference = _field("source_reference", w.TextWidget("patch id", required=True, max_length=40))
    code = _field("code", w.TextWidget("patch code", required=True, max_length=10, upper=True))
    name = _field("name", w.TextWidget("patch name", required=True, max_length=100))

    class Meta:
        model = Patch
        fields = ("source_reference", "code", "name")
        import_id_fields = ("source_reference",)
        instance_loader_class = PrefetchedLoader
        use_bulk = True
        batch_size = 1000
        skip_diff = True
        report_skipped = False

    def row_problems(self, instance, new, row):
        problems = super().row_problems(instance, new, row)
        for other in self.by_natural.values():
            if other.name.lower() == instance.name.lower() and other.pk != instance.pk:
                problems["name"] = [f"the patch name {instance.name!r} is already another patch's"]
        return problems


class EstateResource(HousingResource):
    natural_key = "name"
    key_label = "estate name"
    extra_update_fields = ("homes",)

    class Meta:
        model = Estate
        fields = (
            "source_reference",
            "name",
            "patch",
            "estate_type",
            "homes_lcra",
            "homes_lcho",
            "homes_leasehold",
            "has_communal_areas",
            "address",
            "postcode",
        )
        import_id_fields = ("source_reference",)
        instance_loader_class = PrefetchedLoader
        use_bulk = True
        batch_size = 1000
        skip_diff = True
        report_skipped = False

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        patches = {}
        for pk, code, source in Patch.objects.values_list("pk", "code", "source_reference"):
            patches[code.lower()] = pk
            if source:
                patches.setdefault(source.lower(), pk)
        declared = {
            "source_reference": w.TextWidget("estate id", required=True, max_length=40),
            "name": w.TextWidget("estate name", required=True, max_length=120),
            "patch_id": w.LookupWidget("patch", patches),
            "estate_type": w.ChoiceWidget(
                "type of estate",
                EstateType.choices,
                aliases={
                    "general needs": "general_needs",
                    "supported": "care_supported",
                    "leasehold": "leasehold_block",
                },
            ),
            "homes_lcra": w.HomesWidget("rented homes (LCRA)"),
            "homes_lcho": w.HomesWidget("shared-ownership homes (LCHO)"),
            "homes_leasehold": w.HomesWidget("leasehold homes"),
            "has_communal_areas": w.YesNoWidget("communal areas", blank=True),
            "address": w.TextWidget("address", max_length=200),
            "postcode": w.PostcodeWidget(),
        }
        for name, widget in declared.items():
            self.fields[name.removesuffix("_id")] = _field(name, widget, column=name.removesuffix("_id"))

    def before_save_instance(self, instance, row, **kwargs):
        # bulk_create and bulk_update do not call Estate.save(): keep the total equal to its parts.
        instance.homes = instance.homes_lcra + instance.homes_lcho + instance.homes_leasehold


TENURE_ALIASES = {
    "general needs": "general_needs",
    "secure": "general_needs",
    "assured": "general_needs",
    "starter": "general_needs",
    "supported": "care_supported",
    "shared ownership": "shared_owner",
    "leasehold": "leaseholder",
}
CHANNEL_ALIASES = {"e-mail": "email", "text": "sms", "post": "letter", "telephone": "phone", "phone": "phone"}


class CustomerResource(HousingResource):
    natural_key = "reference"
    key_label = "tenancy reference"
    extra_update_fields = ("ended_on", "updated_at")

    class Meta:
        model = Customer
        fields = (
            "source_reference",
            "reference",
            "title",
            "first_name",
            "last_name",
            "address",
            "postcode",
            "estate",
            "tenure",
            "email",
            "phone",
            "preferred_channel",
            "language",
            "large_print",
            "braille",
            "easy_read",
            "consent_to_contact",
        )
        import_id_fields = ("source_reference",)
        instance_loader_class = PrefetchedLoader
        use_bulk = True
        batch_size = 1000
        skip_diff = True
        report_skipped = False

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        estates = {}
        for pk, name, source in Estate.objects.values_list("pk", "name", "source_reference"):
            estates[name.lower()] = pk
            if source:
                estates.setdefault(source.lower(), pk)
        self.erased = set(
            Customer.objects.exclude(erased_reference_digest="").values_list("erased_reference_digest", flat=True)
        )
        declared = {
            "source_reference": w.TextWidget("person id", required=True, max_length=40),
            "reference": w.TextWidget("tenancy reference", required=True, max_length=20, upper=True),
            "title": w.TextWidget("title", max_length=20),
            "first_name": w.TextWidget("first name", required=True, max_length=80),
            "last_name": w.TextWidget("last name", required=True, max_length=80),
            "address": w.TextWidget("address", required=True, max_length=200),
            "postcode": w.PostcodeWidget(),
            "estate_id": w.LookupWidget("estate", estates),
            "tenure": w.ChoiceWidget("tenure", Tenure.choices, aliases=TENURE_ALIASES),
            "email": w.EmailWidget(),
            "phone": w.TextWidget("phone number", max_length=40),
            "preferred_channel": w.ChoiceWidget(
                "channel", Channel.choices, aliases=CHANNEL_ALIASES, default=Channel.LETTER
            ),
            "language": w.TextWidget("language", max_length=40),
            "large_print": w.YesNoWidget("large print"),
            "braille": w.YesNoWidget("braille"),
            "easy_read": w.YesNoWidget("easy read"),
            "consent_to_contact": w.YesNoWidget("consent to contact"),
        }
        for name, widget in declared.items():
            extra = {"default": "English"} if name == "language" else {}
            self.fields[name.removesuffix("_id")] = _field(name, widget, column=name.removesuffix("_id"), **extra)

    def prefetch(self):
        # Erased people keep their row (anonymised, reference "ERASED-<pk>"): never matched by a file.
        for obj in Customer.objects.filter(erased_at__isnull=True).only(*self.prefetched_fields()):
            if obj.source_reference:
                self.by_source[obj.source_reference.upper()] = obj
            self.by_natural[obj.reference.upper()] = obj

    def before_import_row(self, row, **kwargs):
        reference = str(row.get("reference") or "").strip()
        self._erased = bool(reference) and Customer.reference_digest(reference) in self.erased

    def get_or_init_instance(self, instance_loader, row):
        if self._erased:
            self.erased_skipped += 1
            return Customer(), True  # never filled from the row: skip_row skips it first
        return super().get_or_init_instance(instance_loader, row)

    def import_instance(self, instance, row, **kwargs):
        if self._erased:
            return
        super().import_instance(instance, row, **kwargs)
        instance.ended_on = None  # in the file: a current tenancy (one who came back is current again)

    def before_save_instance(self, instance, row, **kwargs):
        instance.updated_at = timezone.now()  # bulk_update does not touch auto_now fields


RESOURCES = {"patches": PatchResource, "estates": EstateResource, "customers": CustomerResource}
