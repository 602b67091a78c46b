"""Which way each customer gets a communication: the rule, in one place.

Seed 000 section 5 (Communication): "It is our customer's choice how they receive their
information" — with the language ("Do we need to translate?"), accessibility ("large print,
braille or in other formats?") and digital exclusion considered every time. Section 2.6 and the
Accessible Information Standard: people with sensory loss get the means to take part like anyone.

In order, for one customer:
1. No consent to contact: left out (and counted, so staff see how many before sending).
2. Braille, an easy-read version or a language other than English: a letter, because that copy
   has to be produced specially; the print batch's cover sheet says which.
3. Digitally excluded: a letter.
4. E-mail wanted and an e-mail address held: e-mail. A text message wanted and a phone number
   held: a text message. (Without the address or number: a letter.)
5. Anything else (letter, phone call, in person): a letter. Large print is a letter's format.

The consultation club lets a member choose how surveys reach them (`wanted`): post, e-mail,
online (an e-mail with the link), text or a phone call (on the call list). Steps 1 and 2 still
apply, except a phone call, which needs no special copy.
"""

from __future__ import annotations

from engagement.models import Channel, Customer

from .models import How

NO_CONSENT = "No consent to contact"
SPECIAL_FORMAT = "Needs braille, easy read or a translation: produced and posted"
OFFLINE = "Digitally excluded"

_CHANNEL_FOR = {Channel.EMAIL: How.EMAIL, Channel.SMS: How.SMS}


def needs_special_copy(customer: Customer) -> bool:
    return bool(customer.braille or customer.easy_read or _language(customer))


def _language(customer: Customer) -> str:
    language = (customer.language or "").strip()
    return "" if language.lower() in {"", "english"} else language


def route(customer: Customer, *, wanted: str | None = None) -> tuple[str, str]:
    """(How, why): the channel for this customer's copy and, where it is not their plain
    choice, the reason. `wanted` overrides the preferred channel (a club member's choice)."""
    if not customer.consent_to_contact:
        return How.NONE, NO_CONSENT
    choice = wanted or _CHANNEL_FOR.get(customer.preferred_channel, How.LETTER)
    if choice == How.PHONE:
        return (How.PHONE, "") if customer.phone else (How.LETTER, "No phone number held")
    if needs_special_copy(customer):
        return How.LETTER, SPECIAL_FORMAT
    if choice in (How.EMAIL, How.SMS) and customer.digitally_excluded:
        return How.LETTER, OFFLINE
    if choice == How.EMAIL:
        return (How.EMAIL, "") if customer.email else (How.LETTER, "No e-mail address held")
    if choice == How.SMS:
        return (How.SMS, "") if customer.phone else (How.LETTER, "No mobile number held")
    return How.LETTER, ""


def format_of(customer: Customer) -> dict:
    """The copy's format, recorded on the delivery."""
    return {
        "large_print": customer.large_print,
        "braille": customer.braille,
        "easy_read": customer.easy_read,
        "language": _language(customer),
    }
