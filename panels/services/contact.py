"""How the panels app reaches people: a panel's staff, and customers in the portal or on paper."""

from __future__ import annotations

from engagement.models import Channel, Customer, User
from engagement.services import notify

from ..models import Letter, Panel


def _staff_for(panel: Panel | None) -> list[User]:
    """Who answers for a panel: its supporting officer, or the managers when it has none."""
    if panel is not None and panel.officer_id and panel.officer.is_active:
        return [panel.officer]
    return list(User.objects.managers())


def needs_letter(customer: Customer) -> bool:
    """A customer we must write to on paper: no login, or they told us they want letters."""
    return customer.user_id is None or customer.digitally_excluded or customer.preferred_channel == Channel.LETTER


def letter_queue(*, key: str, title: str, body: str, customer: Customer | None = None, recipient: str = "") -> Letter:
    """Add a letter to the print list once (unique on recipient, address and what it is about)."""
    address = f"{customer.address}\n{customer.postcode}".strip() if customer else ""
    letter, _ = Letter.objects.get_or_create(
        recipient=recipient or customer.full_name,
        address=address,
        key=key,
        defaults={
            "customer": customer,
            "title": title[:200],
            "body": body,
            "format_needs": ", ".join(customer.format_needs) if customer else "",
        },
    )
    return letter


def customer_tell(*, customer: Customer, key: str, title: str, body: str, url: str = "") -> str:
    """Tell a customer something the way they want: in the portal (and email if they chose it),
    and on paper when they have no login or asked for letters. Returns how it went."""
    channels = []
    if customer.user_id and customer.user.is_active:
        notify(customer.user, title=title, body=body, url=url)
        channels.append("portal")
    if needs_letter(customer):
        letter_queue(key=key, title=title, body=body, customer=customer)
        channels.append("letter")
    return "+".join(channels) or "none"
