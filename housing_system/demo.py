"""Demo data for the housing system import: the demo's records carry housing-system ids, and the
column matching for the sample files in docs/onboarding/ is saved, so uploading those files (or
dropping them in HOUSING_SYSTEM_FOLDER and running `sync_housing_system`) shows the dry run at once.

Idempotent: ids are only set where blank; the mappings are updated in place.
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import Value
from django.db.models.functions import Concat

from engagement.demo import ESTATES
from engagement.models import Customer, Estate, Patch

from .models import ColumnMapping, RecordType

SAMPLE_COLUMNS = {
    RecordType.PATCHES: {"source_reference": "Patch ID", "code": "Patch Code", "name": "Patch Name"},
    RecordType.ESTATES: {
        "source_reference": "Scheme No",
        "name": "Scheme Name",
        "patch": "Patch",
        "estate_type": "Type",
        "homes_lcra": "Rented homes",
        "homes_lcho": "Shared ownership homes",
        "homes_leasehold": "Leasehold homes",
        "has_communal_areas": "Communal areas",
        "postcode": "Postcode",
    },
    RecordType.CUSTOMERS: {
        "source_reference": "Person ID",
        "reference": "Tenancy Ref",
        "title": "Title",
        "first_name": "Forename",
        "last_name": "Surname",
        "address": "Address Line 1",
        "postcode": "Postcode",
        "estate": "Scheme",
        "tenure": "Tenure",
        "email": "Email",
        "phone": "Phone",
        "preferred_channel": "Contact Method",
        "language": "Language",
        "large_print": "Large Print",
        "braille": "Braille",
        "easy_read": "Easy Read",
        "consent_to_contact": "Consent",
    },
}


def seed(rng, today, context) -> dict:
    Patch.objects.filter(source_reference="").update(source_reference=Concat(Value("PAT-"), "code"))
    for index, (name, *_rest) in enumerate(ESTATES, start=1):
        Estate.objects.filter(name=name, source_reference="").update(source_reference=f"SCH-{index:03d}")
    Customer.objects.filter(source_reference="", erased_at__isnull=True).update(
        source_reference=Concat(Value("PER-"), "reference")
    )
    for record_type, columns in SAMPLE_COLUMNS.items():
        ColumnMapping.objects.update_or_create(
            source_system=settings.HOUSING_SYSTEM_NAME, record_type=record_type, defaults={"columns": columns}
        )
    return {}
