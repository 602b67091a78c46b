"""The characteristics the portal may hold about a customer's equality, and how each is reported.

Sources for the categories:
* Ethnic group: ONS Census 2021 England and Wales, 19 detailed groups within 5 high-level groups
  ("Ethnic group classification 2021", ons.gov.uk). We store the detailed group the customer chose
  and report by the high-level group, so cells stay large enough to show.
* Sex, gender identity, religion, sexual orientation and unpaid care: the Census 2021 questions
  (gender identity: "Is the gender you identify with the same as your sex registered at birth?";
  unpaid care: "Do you look after, or give any help or support to, anyone because they have
  long-term physical or mental health conditions or illnesses, or problems related to old age?").
* Disability: the Equality Act 2010 definition as the Census asks it (a condition lasting or
  expected to last 12 months or more that limits day-to-day activities a lot or a little); reported
  as disabled / not disabled.
* Age band: self-declared bands; 16–34 is one band because the younger tenants are the group the
  sector most often fails to hear.

Every question offers "Prefer not to say" (`PREFER_NOT`); an unanswered question is stored as ""
and reported as "Not known". Neither counts in the percentages that compare groups (those are of
people whose answer we know), but both are shown so nobody mistakes a gap in the data for a gap
in the voice.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PREFER_NOT = "prefer_not"
PREFER_NOT_LABEL = "Prefer not to say"
NOT_KNOWN = ""
NOT_KNOWN_LABEL = "Not known"


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    group: str = ""  # the reporting group ("Asian, Asian British or Asian Welsh"); "" = itself


@dataclass(frozen=True)
class Characteristic:
    key: str  # the EqualityProfile field (or a Customer-based key for the non-equality ones)
    label: str  # "Age band"
    question: str  # as the customer is asked it
    options: tuple[Option, ...]
    noun: str = ""  # how a verdict names a group: "customers aged {group}"
    equality: bool = True  # held on EqualityProfile (special category data: suppressed, manager-only)
    groups_order: tuple[str, ...] = field(default=())

    def choices(self) -> list[tuple[str, str]]:
        return [(o.value, o.label) for o in self.options] + [(PREFER_NOT, PREFER_NOT_LABEL)]

    def group_of(self) -> dict[str, str]:
        """Stored value -> reporting group (the high-level group, or the option's own label)."""
        mapping = {o.value: (o.group or o.label) for o in self.options}
        mapping[PREFER_NOT] = PREFER_NOT_LABEL
        mapping[NOT_KNOWN] = NOT_KNOWN_LABEL
        return mapping

    def groups(self) -> list[str]:
        """Reporting groups in order, the unknowns last."""
        seen: list[str] = list(self.groups_order)
        for option in self.options:
            name = option.group or option.label
            if name not in seen:
                seen.append(name)
        return seen + [PREFER_NOT_LABEL, NOT_KNOWN_LABEL]

    def describe(self, group: str) -> str:
        return self.noun.format(group=group[0].lower() + group[1:] if self.key != "ethnicity" else group)


ASIAN = "Asian, Asian British or Asian Welsh"
BLACK = "Black, Black British, Black Welsh, Caribbean or African"
MIXED = "Mixed or Multiple ethnic groups"
WHITE = "White"
OTHER = "Other ethnic group"

AGE_BAND = Characteristic(
    "age_band",
    "Age band",
    "How old are you?",
    (
        Option("16_34", "16–34"),
        Option("35_49", "35–49"),
        Option("50_64", "50–64"),
        Option("65_74", "65–74"),
        Option("75_plus", "75 and over"),
    ),
    noun="customers aged {group}",
)
SEX = Characteristic(
    "sex",
    "Sex",
    "What is your sex?",
    (Option("female", "Female"), Option("male", "Male")),
    noun="{group} customers",
)
GENDER_IDENTITY = Characteristic(
    "gender_identity",
    "Gender identity",
    "Is the gender you identify with the same as your sex registered at birth?",
    (Option("same", "Yes, the same"), Option("different", "No, different")),
    noun="customers whose answer on gender identity was “{group}”",
)
ETHNICITY = Characteristic(
    "ethnicity",
    "Ethnic group",
    "What is your ethnic group?",
    (
        Option("asian_bangladeshi", "Bangladeshi", ASIAN),
        Option("asian_chinese", "Chinese", ASIAN),
        Option("asian_indian", "Indian", ASIAN),
        Option("asian_pakistani", "Pakistani", ASIAN),
        Option("asian_other", "Any other Asian background", ASIAN),
        Option("black_african", "African", BLACK),
        Option("black_caribbean", "Caribbean", BLACK),
        Option("black_other", "Any other Black, Black British or Caribbean background", BLACK),
        Option("mixed_white_asian", "White and Asian", MIXED),
        Option("mixed_white_black_african", "White and Black African", MIXED),
        Option("mixed_white_black_caribbean", "White and Black Caribbean", MIXED),
        Option("mixed_other", "Any other Mixed or Multiple ethnic background", MIXED),
        Option("white_british", "English, Welsh, Scottish, Northern Irish or British", WHITE),
        Option("white_irish", "Irish", WHITE),
        Option("white_gypsy_traveller", "Gypsy or Irish Traveller", WHITE),
        Option("white_roma", "Roma", WHITE),
        Option("white_other", "Any other White background", WHITE),
        Option("other_arab", "Arab", OTHER),
        Option("other_any", "Any other ethnic group", OTHER),
    ),
    noun="customers of the {group} group",
    groups_order=(ASIAN, BLACK, MIXED, WHITE, OTHER),
)
DISABILITY = Characteristic(
    "disability",
    "Disability",
    "Do you have any physical or mental health conditions or illnesses lasting or expected to last 12 months "
    "or more? Do they reduce your ability to carry out day-to-day activities?",
    (
        Option("limited_a_lot", "Yes, limited a lot", "Disabled"),
        Option("limited_a_little", "Yes, limited a little", "Disabled"),
        Option("not_limited", "Yes, but not limited", "Not disabled"),
        Option("no", "No condition", "Not disabled"),
    ),
    noun="{group} customers",
)
RELIGION = Characteristic(
    "religion",
    "Religion",
    "What is your religion?",
    (
        Option("none", "No religion"),
        Option("christian", "Christian"),
        Option("buddhist", "Buddhist"),
        Option("hindu", "Hindu"),
        Option("jewish", "Jewish"),
        Option("muslim", "Muslim"),
        Option("sikh", "Sikh"),
        Option("other", "Any other religion"),
    ),
    noun="customers whose religion is “{group}”",
)
SEXUAL_ORIENTATION = Characteristic(
    "sexual_orientation",
    "Sexual orientation",
    "Which of the following best describes your sexual orientation?",
    (
        Option("straight", "Straight or heterosexual"),
        Option("gay_lesbian", "Gay or lesbian"),
        Option("bisexual", "Bisexual"),
        Option("other", "Another sexual orientation"),
    ),
    noun="customers who described themselves as “{group}”",
)
CARING = Characteristic(
    "caring",
    "Unpaid care",
    "Do you look after, or give any help or support to, anyone because they have long-term physical or mental "
    "health conditions or illnesses, or problems related to old age?",
    (Option("no", "No"), Option("yes", "Yes, I give unpaid care")),
    noun="customers who answered “{group}” on unpaid care",
)

EQUALITY = (AGE_BAND, SEX, GENDER_IDENTITY, ETHNICITY, DISABILITY, RELIGION, SEXUAL_ORIENTATION, CARING)
EQUALITY_BY_KEY = {c.key: c for c in EQUALITY}
EQUALITY_FIELDS = [c.key for c in EQUALITY]
UNKNOWN_GROUPS = (PREFER_NOT_LABEL, NOT_KNOWN_LABEL)
