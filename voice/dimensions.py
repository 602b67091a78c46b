"""The characteristics the customer profile, representativeness and weighting are read by.

Each dimension knows where it lives on a Customer (and on a survey Response, whose estate and
tenure are kept on the row so a response stays where it was given) and how a stored value reads as
a group. Equality dimensions come from EqualityProfile (LEFT JOIN: no profile = "Not known") and
are always suppressed in small cells; tenure, place, language and digital exclusion are on the
Customer record every officer reads already, so their counts are shown as they are.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from engagement.models import EstateType, Tenure

from .characteristics import EQUALITY, NOT_KNOWN_LABEL, PREFER_NOT_LABEL, UNKNOWN_GROUPS

UNKNOWN_ORDER = (PREFER_NOT_LABEL, NOT_KNOWN_LABEL)


@dataclass(frozen=True)
class Dimension:
    key: str
    label: str
    customer_path: str  # a lookup from Customer
    response_path: str  # a lookup from surveys.Response
    group: Callable  # stored value -> group label
    order: tuple[str, ...] = ()  # groups in this order first (then by size)
    noun: str = "customers in the group “{group}”"
    action: str = "Target the next mail-out to {noun}."
    suppressed: bool = False  # special category data: hide small cells
    weightable: bool = True

    def __reduce__(self):
        # Pickled by its key: its `group` is often a lambda (a kept dashboard panel holds dimensions).
        return (dimension, (self.key,))

    def describe(self, group: str) -> str:
        return self.noun.format(group=group)

    def suggest(self, group: str) -> str:
        return self.action.format(noun=self.describe(group), group=group)


def _labels(choices) -> Callable:
    labels = dict(choices)
    return lambda value: labels.get(value, value or NOT_KNOWN_LABEL)


def _language(value) -> str:
    text = (value or "").strip()
    return text[:1].upper() + text[1:].lower() if text else NOT_KNOWN_LABEL


def _digital(value) -> str:
    return "Digitally excluded" if value else "Uses the internet"


TENURE = Dimension(
    "tenure",
    "Tenure",
    "tenure",
    "tenure",
    _labels(Tenure.choices),
    order=tuple(label for _v, label in Tenure.choices),
    noun="customers with the tenure “{group}”",
    action="Target the next mail-out to {noun}, by each customer's preferred channel.",
)
PATCH = Dimension(
    "patch",
    "Patch",
    "estate__patch__name",
    "estate__patch__name",
    lambda value: value or NOT_KNOWN_LABEL,
    noun="customers in {group}",
    action="Door-knock in {group} and ask its patch officer to bring the survey to the next event there.",
)
ESTATE_TYPE = Dimension(
    "estate_type",
    "Type of estate or scheme",
    "estate__estate_type",
    "estate__estate_type",
    _labels(EstateType.choices),
    order=tuple(label for _v, label in EstateType.choices),
    noun="customers living in a “{group}”",
    action="Visit in person: a drop-in at each {group} or a slot at its residents' meeting.",
)
LANGUAGE = Dimension(
    "language",
    "Preferred language",
    "language",
    "customer__language",
    _language,
    order=("English",),
    noun="customers whose preferred language is {group}",
    action="Offer the survey translated, or with an interpreter, to {noun}.",
    weightable=False,
)
DIGITAL = Dimension(
    "digital",
    "Digital exclusion",
    "digitally_excluded",
    "customer__digitally_excluded",
    _digital,
    order=("Uses the internet", "Digitally excluded"),
    noun="customers who are “{group}”",
    action="Offer paper, phone or a door-knock to {noun}: an online link does not reach them.",
)

ACTIONS = {
    "age_band": "Target the next mail-out to {noun}: a text message with the link, and the Youth Board's channels.",
    "ethnicity": "Target the next mail-out to {noun}, with community partners and an interpreter on offer.",
    "disability": "Offer {noun} an accessible way to answer: phone, large print, easy read, or a home visit.",
}


def _equality_dimension(characteristic) -> Dimension:
    mapping = characteristic.group_of()
    return Dimension(
        characteristic.key,
        characteristic.label,
        f"equality__{characteristic.key}",
        f"customer__equality__{characteristic.key}",
        lambda value, mapping=mapping: mapping.get(value or "", NOT_KNOWN_LABEL),
        order=tuple(characteristic.groups()),
        noun=characteristic.noun,
        action=ACTIONS.get(characteristic.key, "Target the next mail-out to {noun} and offer help to take part."),
        suppressed=True,
        weightable=characteristic.key in ("age_band", "sex", "ethnicity", "disability"),
    )


EQUALITY_DIMENSIONS = tuple(_equality_dimension(c) for c in EQUALITY)
# The customer profile (the baseline), in the order the issue lists it; the rest of the equality
# characteristics follow on the representativeness pages.
PROFILE = (TENURE, PATCH, ESTATE_TYPE, *EQUALITY_DIMENSIONS[:1], EQUALITY_DIMENSIONS[3], EQUALITY_DIMENSIONS[4])
PROFILE = PROFILE + (LANGUAGE, DIGITAL)
ALL = PROFILE + tuple(d for d in EQUALITY_DIMENSIONS if d not in PROFILE)
BY_KEY = {d.key: d for d in ALL}


def dimension(key: str) -> Dimension:
    return BY_KEY[key]


WEIGHTABLE = tuple(d for d in ALL if d.weightable)


def is_known(group: str) -> bool:
    return group not in UNKNOWN_GROUPS
