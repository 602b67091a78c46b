"""The consultation club's rules: joining, the forward programme, targeted surveys and the
quarterly sample (rule in sampling.py). Every survey goes out as a mail-out, each member by the
way they chose (mailouts.routing: post, phone, e-mail, online, text)."""

from __future__ import annotations

import datetime
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from engagement.models import Customer, User
from engagement.quarters import Quarter
from engagement.services import create_once
from mailouts.models import How, MailOut
from mailouts.services import kind_for, mailout_create, mailout_plan

from . import sampling
from .models import ClubMember, Consultation, Sampled, SampleRound, Service, SurveyWay

# How each way a member chose reaches them as a mail-out copy.
WAY_TO_HOW = {
    SurveyWay.POST: How.LETTER,
    SurveyWay.PHONE: How.PHONE,
    SurveyWay.EMAIL: How.EMAIL,
    SurveyWay.ONLINE: How.EMAIL,
    SurveyWay.TEXT: How.SMS,
}


def survey_kind():
    return kind_for("survey-invitation", "Survey invitation")


def club_join(
    *,
    customer: Customer,
    survey_way: str,
    services: list[Service],
    any_service: bool,
    by: User | None = None,
    today: datetime.date | None = None,
) -> tuple[ClubMember, bool]:
    """Join the club, or change how and about what a member is surveyed (one membership a
    customer, so a double submit changes nothing more). Joining is agreeing to be contacted
    with surveys, so it records consent to contact. `by` is the officer signing them up."""
    if not any_service and not services:
        raise ValidationError({"services": "Choose the services you want to be asked about, or any service."})
    today = today or timezone.localdate()
    with transaction.atomic():
        member, created = ClubMember.objects.select_for_update().get_or_create(
            customer=customer,
            defaults={"joined_on": today, "survey_way": survey_way, "any_service": any_service, "joined_by": by},
        )
        if not created:
            member.survey_way, member.any_service = survey_way, any_service
            if member.left_on is not None:
                member.left_on, member.joined_on, member.joined_by = None, today, by
            member.save()
        member.services.set(services)
        if not customer.consent_to_contact:
            Customer.objects.filter(pk=customer.pk).update(consent_to_contact=True)
    return member, created


def club_leave(*, member: ClubMember, today: datetime.date | None = None) -> None:
    ClubMember.objects.filter(pk=member.pk, left_on__isnull=True).update(left_on=today or timezone.localdate())


def consultation_plan(*, by: User, form_token: uuid.UUID | None = None, **fields) -> tuple[Consultation, bool]:
    if fields["closes_on"] < fields["opens_on"]:
        raise ValidationError({"closes_on": "The closing date must be on or after the opening date."})

    def build() -> Consultation:
        return Consultation.objects.create(created_by=by, form_token=form_token, **fields)

    return create_once(Consultation, form_token=form_token, build=build)


def target_members(*, services: list[Service], ways: list[str]):
    """Current members who care about any of these services (or about any service) and chose
    one of these ways."""
    members = ClubMember.objects.current().filter(survey_way__in=ways)
    if services:
        members = members.interested_in(services)
    return members.select_related("customer").order_by("customer__last_name", "customer__first_name", "pk")


def _wanted(members) -> dict[int, str]:
    return {member.customer_id: WAY_TO_HOW[member.survey_way] for member in members}


def target_plan(*, services: list[Service], ways: list[str]):
    members = list(target_members(services=services, ways=ways))
    return mailout_plan(customers=[m.customer for m in members], wanted=_wanted(members))


def consultation_survey_send(
    *,
    consultation: Consultation,
    services: list[Service],
    ways: list[str],
    subject: str,
    body: str,
    by: User,
    form_token: uuid.UUID | None = None,
) -> MailOut:
    """Send the consultation's survey to the members chosen, each the way they asked."""
    members = list(target_members(services=services, ways=ways))
    if not members:
        raise ValidationError("No current member matches those services and ways.")
    words = ", ".join(str(s) for s in services) or "any service"
    mailout, _ = mailout_create(
        kind=survey_kind(),
        subject=subject,
        body=body,
        by=by,
        customers=[m.customer for m in members],
        wanted=_wanted(members),
        audience_label=f"Consultation club members interested in {words}; ways: "
        + ", ".join(SurveyWay(w).label.lower() for w in ways),
        source_key=f"consultation:{consultation.pk}",
        form_token=form_token,
    )
    Consultation.objects.filter(pk=consultation.pk, mailout__isnull=True).update(mailout=mailout)
    return mailout


def sample_draw(
    *,
    quarter: Quarter,
    by: User | None,
    subject: str = "",
    body: str = "",
    today: datetime.date | None = None,
    seed: int | None = None,
    send: bool = True,
) -> SampleRound:
    """Draw the quarter's random sample (the rule: consultation.sampling), record who was sampled
    and when, and send them the survey as one mail-out. One round a quarter."""
    today = today or timezone.localdate()
    interval = settings.CONSULTATION_NO_REPEAT_DAYS
    people = sampling.population()
    with transaction.atomic():
        if SampleRound.objects.select_for_update().filter(quarter=quarter.code).exists():
            raise ValidationError(f"The sample for {quarter.label} has already been drawn.")
        size = people.count()
        target = sampling.yearly_target(size)
        already = sampling.already_this_year(quarter, people)
        wanted = sampling.wanted_this_quarter(target=target, already=already, quarter=quarter)
        eligible = sampling.eligible_ids(on=today, interval_days=interval, people=people)
        seed = sampling.new_seed() if seed is None else seed
        chosen = sampling.draw(eligible, wanted, seed)
        sample = SampleRound.objects.create(
            quarter=quarter.code,
            drawn_on=today,
            population=size,
            yearly_target=target,
            already_this_year=already,
            wanted=wanted,
            eligible=len(eligible),
            interval_days=interval,
            seed=seed,
            drawn_by=by,
        )
        Sampled.objects.bulk_create([Sampled(round=sample, customer_id=pk, sampled_on=today) for pk in chosen])
        if send and chosen and by is not None:
            customers = list(Customer.objects.filter(pk__in=chosen).order_by("last_name", "first_name", "pk"))
            members = ClubMember.objects.current().filter(customer_id__in=chosen)
            mailout, _ = mailout_create(
                kind=survey_kind(),
                subject=subject or f"How satisfied are you with our services? ({quarter.label})",
                body=body or DEFAULT_SURVEY_TEXT,
                by=by,
                customers=customers,
                wanted=_wanted(members),
                audience_label=f"Satisfaction survey sample, {quarter.label}: {len(chosen)} customers chosen at random",
                source_key=f"sample:{quarter.code}",
            )
            SampleRound.objects.filter(pk=sample.pk).update(mailout=mailout)
            sample.mailout = mailout
    return sample


DEFAULT_SURVEY_TEXT = (
    "You have been chosen at random to tell us how satisfied you are with the services we provide.\n\n"
    "It takes about ten minutes. Answer by post, online or ask us to ring you: whichever suits you.\n\n"
    "We will not ask you again for at least a year."
)


def year_coverage(quarter: Quarter) -> dict:
    """This financial year so far: distinct customers sampled, the target and the population."""
    people = sampling.population()
    size = people.count()
    codes = [Quarter(quarter.year, n).code for n in range(1, 5)]
    reached = (
        Sampled.objects.filter(round__quarter__in=codes, customer__in=people).values("customer").distinct().count()
    )
    target = sampling.yearly_target(size)
    return {
        "population": size,
        "target": target,
        "reached": reached,
        "met": size > 0 and reached >= target,
        "share_pct": round(100 * reached / size, 1) if size else 0,
        "no_consent": Customer.objects.filter(consent_to_contact=False, erased_at__isnull=True).count(),
        "financial_year": quarter.financial_year,
        "settings_possible": sampling.settings_can_meet_target(),
    }
