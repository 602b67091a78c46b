"""What the voice app holds about one customer, for GDPR export and erasure (engagement/gdpr.py).

The export is the customer's own right of access, so it carries their own answers in full (the
manager downloads it for them). Erasure deletes the answers outright: equality information is
never needed to keep a count right, and the consent history keeps only dates and methods."""

from engagement.gdpr import audit_scrub, plain_record

from .characteristics import EQUALITY
from .models import EqualityConsent, EqualityProfile


def export(customer) -> list[dict]:
    rows = []
    profile = EqualityProfile.objects.filter(customer=customer).first()
    if profile is not None:
        rows.append(
            plain_record(
                record="equality information",
                **{c.label.lower(): getattr(profile, f"get_{c.key}_display")() or "Not answered" for c in EQUALITY},
                **{"consent given": profile.consent_given_at, "explanation version": profile.explanation_version},
            )
        )
    for consent in EqualityConsent.objects.filter(customer=customer):
        rows.append(
            plain_record(
                record="equality consent",
                when=consent.given_at,
                how=consent.get_method_display(),
                **{"explanation version": consent.explanation_version, "withdrawn": consent.withdrawn},
            )
        )
    return rows


def erase(customer) -> int:
    profiles = EqualityProfile.objects.filter(customer=customer)
    audit_scrub(profiles)
    return profiles.delete()[0]
