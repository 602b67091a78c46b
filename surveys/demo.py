"""Demo data for surveys: estate champions with a year of surveys (and what we did about them),
a TSM perception survey with a year of responses, and a scheme residents' survey.

Deterministic (only the given rng) and idempotent: champion surveys are found by their form
token (drawn from the rng), and each satisfaction survey is filled only while it has no responses.
Every random value is drawn whether or not its row exists, so the sequence never shifts.
"""

from __future__ import annotations

import datetime
import uuid

from django.db import transaction
from django.utils import timezone

from engagement.models import Action, ActionStatus, Customer, EstateType, Tenure

from . import tsm
from .models import (
    Answer,
    ChampionIssue,
    ChampionSurvey,
    IssueStatus,
    PopulationBasis,
    Question,
    Rating,
    Response,
    ResponseChannel,
    Scale,
    Survey,
    SurveyKind,
)
from .services import champion_survey_submit, response_flags, tsm_survey_create

CHAMPION_COUNT = 12
PANEL_NAME = "Estate Champions"
TSM_TITLE = "Tenant Satisfaction Measures perception survey (rolling year)"
TSM_RESPONSES = 2000
SCHEME_SURVEY_TITLE = "Care and supported schemes: six-monthly residents' survey"

# A comment always agrees with its rating: complaints with "poor", praise with "good".
COMMENTS = {
    "grounds": [
        "Grass by the garages not cut for weeks.",
        "Hedges along the path are overgrown and blocking the footpath.",
        "Leaves piled up by the bin store, slippery when wet.",
    ],
    "cleaning": [
        "Stairwell in block B not mopped, sticky floors.",
        "Lift smells and the floor is dirty.",
        "Bin store not swept, rubbish left around the bins.",
    ],
    "repairs": [
        "Communal door closer still broken, reported a month ago.",
        "Light on the second floor landing still out.",
        "Gutter still leaking over the entrance.",
    ],
    "asb": [
        "New graffiti on the garage doors.",
        "Mattresses dumped by the bin store again.",
        "Young people gathering in the stairwell late at night.",
    ],
}
PRAISE = {
    "grounds": ["Grounds looked lovely this time, thank you.", "Grass cut and edges done, looks tidy."],
    "cleaning": ["Cleaner has been, corridors spotless.", "Stairs mopped and the windows cleaned."],
    "repairs": ["Fence panel by the play area fixed, good job.", "Landing light fixed within the week."],
    "asb": ["Quieter than last month.", "Graffiti on the garages has gone."],
}
OKAY_REMARKS = {
    "grounds": ["Mostly fine, a few weeds by the car park."],
    "cleaning": ["Clean enough, the bin store could do with a sweep."],
    "repairs": ["Nothing new broken since last time."],
    "asb": ["A bit of litter by the shops, nothing serious."],
}
ANYTHING_ELSE = [
    "Residents asked when the notice board will be updated.",
    "Could we have a community clean-up day in the spring?",
    "Parking bays being used by people who do not live here.",
    "Thank you for sorting the bins out.",
]
WE_WILL = {
    "grounds": "Ask the grounds maintenance contractor to visit within 10 working days and check the schedule.",
    "cleaning": "Raise it with the cleaning contractor and inspect the block the following week.",
    "repairs": "Chase the repair with the repairs team and confirm a date with residents.",
    "asb": "Arrange removal and add the spot to the monthly estate inspection.",
    "other": "Look into it and report back at the next residents' meeting.",
}
CLOSE_REASONS = [
    "This is the council's land, not ours. We have reported it to the council for you.",
    "Already fixed on a repair raised by another resident the same week.",
]
PRAISE_REPLY = "Thank you for the praise: we passed it on to the contractor."
ANYTHING_ELSE_PRAISE = {"Thank you for sorting the bins out."}

# Sector-like baselines: share very or fairly satisfied per TP measure.
TSM_BASE = {
    "TP01": 0.72,
    "TP02": 0.73,
    "TP03": 0.68,
    "TP04": 0.71,
    "TP05": 0.77,
    "TP06": 0.60,
    "TP07": 0.69,
    "TP08": 0.77,
    "TP09": 0.35,
    "TP10": 0.64,
    "TP11": 0.64,
    "TP12": 0.58,
}
ASSISTED = ["Support worker", "Daughter", "Interpreter (Urdu)", "Scheme manager", "Son", "Interpreter (Polish)"]


def seed(rng, today: datetime.date, context: dict) -> dict:
    officers, manager, estates = context["officers"], context["manager"], context["estates"]
    involved = context["involved"]
    with transaction.atomic():
        champions = _seed_champions(today, officers, estates, involved)
        added = _seed_champion_surveys(rng, today, champions)
        tsm_survey = _seed_tsm(rng, today, manager)
        _seed_scheme_survey(rng, today, officers[0], estates)
    return {
        "estate_champions": [customer for customer, _ in champions],
        "tsm_survey": tsm_survey,
        "champion_surveys_seeded": added,
    }


def _seed_champions(today, officers, estates, involved):
    """The Estate Champions panel and about 12 champions (the panels demo reuses the panel by name)."""
    from panels.models import Membership, MembershipRole, Panel, PanelKind

    panel, _ = Panel.objects.get_or_create(
        name=PANEL_NAME,
        defaults={
            "kind": PanelKind.ESTATE_CHAMPIONS,
            "officer": officers[0],
            "purpose": "Customers who keep an eye on grounds maintenance, communal cleaning, repairs and low-level "
            "anti-social behaviour on their estate, without a commitment to meetings.",
        },
    )
    champions = []
    for index, customer in enumerate(involved[:CHAMPION_COUNT]):
        covered = [customer.estate]
        if index == 0:
            # Margaret looks after her own estate and one neighbour in the same patch.
            neighbours = [e for e in estates if e.patch_id == customer.estate.patch_id and e.pk != customer.estate_id]
            covered.append(neighbours[0] if neighbours else next(e for e in estates if e.pk != customer.estate_id))
        membership = Membership.objects.filter(panel=panel, customer=customer).first()
        if membership is None:
            membership = Membership.objects.create(
                panel=panel,
                customer=customer,
                role=MembershipRole.CHAMPION,
                starts_on=today - datetime.timedelta(days=400 - 7 * index),
            )
            membership.estates.set(covered)
        champions.append((customer, list(membership.estates.order_by("name"))))
    return champions


def _seed_champion_surveys(rng, today, champions) -> int:
    existing = set(ChampionSurvey.objects.values_list("form_token", flat=True))
    added = 0
    in_hand: dict = {}  # (estate, topic) -> the open action already dealing with it
    for customer, estates in champions:
        for estate in estates:
            mood = rng.random()  # some estates are better looked after than others
            for months_ago in range(11, -1, -1):
                visit = today - datetime.timedelta(days=30 * months_ago + rng.randint(0, 20))
                goes = rng.random() < 0.85
                token = uuid.UUID(int=rng.getrandbits(128))
                ratings, comments = {}, {}
                for topic in ("grounds", "cleaning", "repairs", "asb"):
                    roll = rng.random()
                    rating = Rating.POOR if roll < 0.12 + 0.2 * mood else Rating.OKAY if roll < 0.45 else Rating.GOOD
                    said = {Rating.POOR: COMMENTS, Rating.GOOD: PRAISE}.get(rating, OKAY_REMARKS)[topic]
                    comment = rng.choice(said) if (rating == Rating.POOR or rng.random() < 0.1) else ""
                    ratings[topic], comments[topic] = rating, comment
                anything = rng.choice(ANYTHING_ELSE) if rng.random() < 0.15 else ""
                triage_rolls = [rng.random() for _ in range(5)]
                if not goes or token in existing or visit > today:
                    continue
                answers = {"visited_on": visit, "anything_else": anything}
                for topic in ratings:
                    answers[f"{topic}_rating"] = ratings[topic]
                    answers[f"{topic}_comment"] = comments[topic]
                submitted = timezone.make_aware(datetime.datetime.combine(visit, datetime.time(15, 30)))
                survey, created = champion_survey_submit(
                    customer=customer,
                    estate=estate,
                    form_token=token,
                    answers=answers,
                    submitted_at=submitted,
                    notify_officer=False,
                )
                if created:
                    added += 1
                    _triage(survey, triage_rolls, today, in_hand)
    return added


def _triage(survey: ChampionSurvey, rolls: list[float], today: datetime.date, in_hand: dict) -> None:
    """What the team did about older issues; the last fortnight's problems are still waiting.
    Praise is thanked and closed on the day; a problem already being dealt with is not actioned twice."""
    officer = survey.estate.officer or survey.estate.patch.officer
    if officer is None:
        return
    recent = (today - survey.visited_on).days < 14
    for issue, roll in zip(survey.issues.order_by("pk"), rolls, strict=False):
        triaged_at = timezone.make_aware(datetime.datetime.combine(survey.visited_on, datetime.time(10)))
        praise = issue.rating == Rating.GOOD or issue.comment in ANYTHING_ELSE_PRAISE
        open_action = in_hand.get((issue.estate_id, issue.topic))
        if open_action is not None and (open_action.done_on or today) < survey.visited_on:
            open_action = None  # sorted before this visit
        if praise:
            ChampionIssue.objects.filter(pk=issue.pk).update(
                status=IssueStatus.CLOSED, closed_reason=PRAISE_REPLY, triaged_by=officer, triaged_at=triaged_at
            )
        elif recent:
            continue
        elif open_action is not None:
            ChampionIssue.objects.filter(pk=issue.pk).update(
                status=IssueStatus.CLOSED,
                closed_reason=f"Already in hand: we agreed on {open_action.created_on:%-d %B %Y} to "
                f"{open_action.we_will[0].lower()}{open_action.we_will[1:]}",
                triaged_by=officer,
                triaged_at=triaged_at,
            )
        elif roll < 0.65:
            due = survey.visited_on + datetime.timedelta(days=28)
            # Older issues are sorted by now; a few recent ones are still in hand.
            done = (due <= today - datetime.timedelta(days=28) and roll < 0.64) or (due <= today and roll < 0.5)
            action = Action(
                you_said=f"Estate champion at {issue.estate}, {survey.visited_on:%-d %B %Y}: {issue.summary}",
                we_will=WE_WILL[issue.topic],
                owner=officer,
                estate=issue.estate,
                due_on=due,
                status=ActionStatus.DONE if done else ActionStatus.IN_PROGRESS,
                done_on=min(due, today) if done else None,
                we_did="Done: contractor attended and the champion confirmed it is sorted." if done else "",
                publish=True,
                created_by=officer,
            )
            action.source = issue
            action.save()
            action.created_on = survey.visited_on
            in_hand[(issue.estate_id, issue.topic)] = action
            ChampionIssue.objects.filter(pk=issue.pk).update(
                status=IssueStatus.ACTIONED, action=action, triaged_by=officer, triaged_at=triaged_at
            )
        elif roll < 0.85:
            ChampionIssue.objects.filter(pk=issue.pk).update(
                status=IssueStatus.CLOSED,
                closed_reason=CLOSE_REASONS[int(roll * 100) % len(CLOSE_REASONS)],
                triaged_by=officer,
                triaged_at=triaged_at,
            )


def _answer_value(rng, base: float, offset: float, scale: str, allow_dont_know: bool) -> str:
    if allow_dont_know and rng.random() < 0.03:
        return "dont_know"
    roll = rng.random()
    satisfied = roll < max(0.05, min(0.97, base + offset))
    split = rng.random()
    if scale == Scale.AGREEMENT:
        if satisfied:
            return "strongly_agree" if split < 0.4 else "agree"
        return "neither" if split < 0.35 else "disagree" if split < 0.7 else "strongly_disagree"
    if satisfied:
        return "very_satisfied" if split < 0.4 else "fairly_satisfied"
    return "neither" if split < 0.35 else "fairly_dissatisfied" if split < 0.7 else "very_dissatisfied"


def _seed_tsm(rng, today, manager) -> Survey:
    survey, _ = tsm_survey_create(
        title=TSM_TITLE,
        opens_on=today - datetime.timedelta(days=364),
        closes_on=today + datetime.timedelta(days=60),
        created_by=manager,
    )
    pool = list(Customer.objects.filter(tenure__in=tsm.TSM_TENURES).select_related("estate").order_by("reference"))
    chosen = rng.sample(pool, min(TSM_RESPONSES, len(pool)))
    offsets = {estate_id: rng.uniform(-0.1, 0.08) for estate_id in sorted({c.estate_id for c in pool})}
    questions = {q.code: q for q in survey.questions.all()}
    plan = []
    for customer in chosen:
        renter = customer.tenure != Tenure.SHARED_OWNER
        responded_on = survey.opens_on + datetime.timedelta(days=rng.randint(0, 364))
        channel = rng.choices(
            [ResponseChannel.PHONE, ResponseChannel.ONLINE, ResponseChannel.DOOR_KNOCK, ResponseChannel.PAPER],
            [55, 20, 15, 10],
        )[0]
        assisted = rng.choice(ASSISTED) if rng.random() < 0.08 else ""
        values = {
            "REPAIR12": ("yes" if rng.random() < 0.6 else "no") if renter else "",
            "COMPLAINT12": "yes" if rng.random() < 0.12 else "no",
            # Shared owners are asked about communal areas too (they count in LCHO TP10).
            "COMMUNAL": ("yes" if customer.estate.has_communal_areas else "no") if rng.random() < 0.92 else "dont_know",
        }
        offset = offsets[customer.estate_id]
        for item in tsm.PERCEPTION:
            value = _answer_value(rng, TSM_BASE[item.code], offset, item.scale, item.allow_dont_know)
            asked = not (item.renters_only and not renter)
            if item.eligibility == "had_repair" and values["REPAIR12"] != "yes":
                asked = False
            if item.eligibility == "complained" and values["COMPLAINT12"] != "yes":
                asked = False
            if item.eligibility == "communal_areas" and values["COMMUNAL"] != "yes":
                asked = False
            values[item.code] = value if asked else ""
        plan.append((customer, responded_on, channel, assisted, values))
    if survey.responses.exists():
        return survey
    _bulk_responses(survey, questions, plan)
    return survey


def _bulk_responses(survey: Survey, questions: dict[str, Question], plan) -> None:
    ordered = list(questions.values())
    responses = []
    for customer, responded_on, channel, assisted, values in plan:
        by_id = {questions[code].pk: value for code, value in values.items() if code in questions}
        responses.append(
            Response(
                survey=survey,
                customer=customer,
                estate=customer.estate,
                tenure=customer.tenure,
                responded_on=responded_on,
                channel=channel,
                assisted_by=assisted,
                **response_flags(ordered, by_id, customer.estate),
            )
        )
    Response.objects.bulk_create(responses, batch_size=500)
    answers = []
    for response, (_customer, _on, _channel, _assisted, values) in zip(responses, plan, strict=True):
        for code, value in values.items():
            question = questions.get(code)
            if question is None or not value:
                continue
            if question.is_closed:
                answers.append(
                    Answer(response=response, question=question, value=value, positive=question.positive(value))
                )
            else:
                answers.append(Answer(response=response, question=question, text=value))
    Answer.objects.bulk_create(answers, batch_size=2000)


SCHEME_QUESTIONS = [
    ("Q1", "How satisfied or dissatisfied are you with your scheme as a place to live?", Scale.SATISFACTION),
    ("Q2", "How satisfied or dissatisfied are you with the cleaning of the communal areas?", Scale.SATISFACTION),
    ("Q3", "Staff at the scheme treat me with respect.", Scale.AGREEMENT),
    ("Q4", "Do you know how to raise a concern or make a complaint?", Scale.YES_NO),
    ("Q5", "What one thing would make living here better?", Scale.FREE_TEXT),
]
SCHEME_IDEAS = [
    "More activities in the lounge in the afternoons.",
    "A bench by the front door.",
    "Faster repairs to the lift.",
    "Better lighting in the car park.",
    "A regular coffee morning with the housing officer.",
]


def _seed_scheme_survey(rng, today, officer, estates) -> None:
    schemes = [e for e in estates if e.estate_type == EstateType.CARE_SUPPORTED]
    survey, created = Survey.objects.get_or_create(
        title=SCHEME_SURVEY_TITLE,
        defaults={
            "purpose": "Every six months (May and November) we ask residents of our care and supported schemes how "
            "they feel about where they live, and act on what they tell us.",
            "tenures": [Tenure.CARE_SUPPORTED],
            "population_basis": PopulationBasis.CUSTOMERS,
            "opens_on": today - datetime.timedelta(days=20),
            "closes_on": today + datetime.timedelta(days=10),
            "created_by": officer,
            "kind": SurveyKind.GENERAL,
        },
    )
    if created:
        survey.estates.set(schemes)
        Question.objects.bulk_create(
            Question(survey=survey, position=n, code=code, text=text, scale=scale, allow_dont_know=scale != "free_text")
            for n, (code, text, scale) in enumerate(SCHEME_QUESTIONS, start=1)
        )
    residents = list(Customer.objects.filter(estate__in=schemes, tenure=Tenure.CARE_SUPPORTED).order_by("reference"))
    chosen = rng.sample(residents, len(residents) // 4) if residents else []
    plan = []
    for customer in chosen:
        values = {
            "Q1": _answer_value(rng, 0.8, 0, Scale.SATISFACTION, True),
            "Q2": _answer_value(rng, 0.7, 0, Scale.SATISFACTION, True),
            "Q3": _answer_value(rng, 0.85, 0, Scale.AGREEMENT, True),
            "Q4": "yes" if rng.random() < 0.7 else "no",
            "Q5": rng.choice(SCHEME_IDEAS) if rng.random() < 0.5 else "",
        }
        channel = rng.choice([ResponseChannel.PAPER, ResponseChannel.DOOR_KNOCK, ResponseChannel.EVENT])
        assisted = rng.choice(ASSISTED) if customer.needs_assistance else ""
        plan.append((customer, today - datetime.timedelta(days=rng.randint(0, 19)), channel, assisted, values))
    if survey.responses.exists():
        return
    _bulk_responses(survey, {q.code: q for q in survey.questions.all()}, plan)
