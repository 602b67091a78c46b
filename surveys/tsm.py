"""The standard Tenant Satisfaction Measures perception survey (TP01–TP12) and who counts in each.

Source: Regulator of Social Housing, *Tenant Satisfaction Measures: Technical Requirements* (2023)
and its annex (the survey questions). The rules as we apply them:

* Stock types. Every TSM is reported separately for low-cost rental accommodation (LCRA: our
  general needs, care & supported and young people's tenants) and low-cost home ownership (LCHO:
  shared owners), never as one mixed figure (`engagement.models.STOCK_TYPE_OF_TENURE`).
  Leaseholders who are not shared owners are outside the TSMs altogether.
* Measures per stock type. LCRA reports TP01–TP12. LCHO reports TP01 and TP05–TP12 only: shared
  owners are not asked about repairs or home maintenance (no TP02, TP03, TP04), but shared owners
  who have communal areas are asked the communal-areas question and count in LCHO TP10.
* Each TP measure is the share of respondents who were very or fairly satisfied (TP08: strongly
  agree or agree) out of those who gave an answer; "don't know / not applicable" is left out of
  the base. TP01 has no "don't know" option.
* Screening. TP02 and TP03 count only respondents who said *yes* to "had a repair in the last 12
  months"; TP09 only those who said *yes* to "complained in the last 12 months"; TP10 only those
  who said *yes* to "communal areas". "Don't know" and no answer to a screening question leave the
  respondent out of that base (`screening_flag`): the estate's record is never used in its place.
* One response per tenant per survey (a unique constraint on Response).
* Accuracy: see `surveys.statistics.regulator_accuracy` (TP01, ±5/4/3/2% at 95% confidence by the
  number of relevant homes of the stock type).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from engagement.models import STOCK_TYPE_OF_TENURE, StockType, tenures_of

from .models import Eligibility, Scale, Screens


@dataclass(frozen=True)
class TemplateQuestion:
    code: str
    short: str
    text: str  # "{landlord}" stands for the landlord's name (engagement.landlord), filled in when a survey is made
    scale: str = Scale.SATISFACTION
    allow_dont_know: bool = True
    eligibility: str = Eligibility.EVERYONE
    screens_for: str = Screens.NOTHING
    renters_only: bool = False
    required: bool = False


SCREENING = [
    TemplateQuestion(
        "REPAIR12",
        "Had a repair in the last 12 months",
        "Has {landlord} carried out a repair to your home in the last 12 months?",
        scale=Scale.YES_NO,
        allow_dont_know=False,
        screens_for=Screens.HAD_REPAIR,
        renters_only=True,
    ),
    TemplateQuestion(
        "COMPLAINT12",
        "Complained in the last 12 months",
        "Have you made a complaint to {landlord} in the last 12 months?",
        scale=Scale.YES_NO,
        allow_dont_know=False,
        screens_for=Screens.COMPLAINED,
    ),
    TemplateQuestion(
        "COMMUNAL",
        "Has communal areas",
        "Do you live in a building with communal areas, inside or outside, that {landlord} is responsible "
        "for maintaining?",
        scale=Scale.YES_NO,
        screens_for=Screens.COMMUNAL_AREAS,
    ),
]

PERCEPTION = [
    TemplateQuestion(
        "TP01",
        "Overall satisfaction",
        "Taking everything into account, how satisfied or dissatisfied are you with the service provided by "
        "{landlord}?",
        allow_dont_know=False,
        required=True,
    ),
    TemplateQuestion(
        "TP02",
        "Satisfaction with repairs",
        "How satisfied or dissatisfied are you with the overall repairs service from {landlord} over the "
        "last 12 months?",
        eligibility=Eligibility.HAD_REPAIR,
        renters_only=True,
    ),
    TemplateQuestion(
        "TP03",
        "Satisfaction with time taken to complete most recent repair",
        "How satisfied or dissatisfied are you with the time taken to complete your most recent repair after you "
        "reported it?",
        eligibility=Eligibility.HAD_REPAIR,
        renters_only=True,
    ),
    TemplateQuestion(
        "TP04",
        "Satisfaction that the home is well maintained",
        "How satisfied or dissatisfied are you that {landlord} provides a home that is well maintained?",
        renters_only=True,
    ),
    TemplateQuestion(
        "TP05",
        "Satisfaction that the home is safe",
        "Thinking about the condition of the property or building you live in, how satisfied or dissatisfied are "
        "you that {landlord} provides a home that is safe?",
    ),
    TemplateQuestion(
        "TP06",
        "Satisfaction that the landlord listens to tenant views and acts upon them",
        "How satisfied or dissatisfied are you that {landlord} listens to your views and acts upon them?",
    ),
    TemplateQuestion(
        "TP07",
        "Satisfaction that the landlord keeps tenants informed about things that matter to them",
        "How satisfied or dissatisfied are you that {landlord} keeps you informed about things that matter to you?",
    ),
    TemplateQuestion(
        "TP08",
        "Agreement that the landlord treats tenants fairly and with respect",
        "To what extent do you agree or disagree with the following: “{landlord} treats me fairly and with respect”?",
        scale=Scale.AGREEMENT,
    ),
    TemplateQuestion(
        "TP09",
        "Satisfaction with the landlord's approach to handling complaints",
        "How satisfied or dissatisfied are you with {landlord}'s approach to complaints handling?",
        eligibility=Eligibility.COMPLAINED,
    ),
    TemplateQuestion(
        "TP10",
        "Satisfaction that the landlord keeps communal areas clean and well maintained",
        "How satisfied or dissatisfied are you that {landlord} keeps these communal areas clean and well maintained?",
        eligibility=Eligibility.COMMUNAL_AREAS,
    ),
    TemplateQuestion(
        "TP11",
        "Satisfaction that the landlord makes a positive contribution to neighbourhoods",
        "How satisfied or dissatisfied are you that {landlord} makes a positive contribution to your neighbourhood?",
    ),
    TemplateQuestion(
        "TP12",
        "Satisfaction with the landlord's approach to handling anti-social behaviour",
        "How satisfied or dissatisfied are you with {landlord}'s approach to handling anti-social behaviour?",
    ),
]

TEMPLATE = SCREENING + PERCEPTION
TP_CODES = [question.code for question in PERCEPTION]
SHORT_NAMES = {question.code: question.short for question in TEMPLATE}

# Tenures inside the TSMs, and the one left out of renters-only questions (TP02–TP04).
TSM_TENURES = [str(t) for t in STOCK_TYPE_OF_TENURE]
OWNERSHIP_TENURES = tenures_of(StockType.LCHO)
STOCK_TYPES = [StockType.LCRA, StockType.LCHO]

# The measures each stock type reports.
RENTERS_ONLY_CODES = [item.code for item in PERCEPTION if item.renters_only]  # TP02, TP03, TP04
CODES_FOR_STOCK = {
    StockType.LCRA: TP_CODES,
    StockType.LCHO: [code for code in TP_CODES if code not in RENTERS_ONLY_CODES],
}


def screening_flag(value: str) -> bool | None:
    """A screening answer as a base flag: only "yes" puts a respondent in the base.

    "no" is False; "don't know" and no answer are None (unknown), which also leaves them out.
    """
    return {"yes": True, "no": False}.get(value)


def stock_q(stock: str, *, prefix: str = "") -> Q:
    """Responses from one stock type's tenants (LCRA or LCHO), as a filter on Response."""
    return Q(**{f"{prefix}tenure__in": tenures_of(stock)})


def eligibility_q(eligibility: str, *, renters_only: bool = False, prefix: str = "") -> Q:
    """Which responses count for a question, as a filter on Response (or `prefix`+Response)."""
    condition = {
        Eligibility.EVERYONE: Q(),
        Eligibility.HAD_REPAIR: Q(**{f"{prefix}had_repair": True}),
        Eligibility.COMPLAINED: Q(**{f"{prefix}complained": True}),
        Eligibility.COMMUNAL_AREAS: Q(**{f"{prefix}has_communal_areas": True}),
    }[Eligibility(eligibility)]
    if renters_only:
        condition &= ~Q(**{f"{prefix}tenure__in": OWNERSHIP_TENURES})
    return condition
