"""What surveys hold about one customer, for GDPR export and erasure (engagement/gdpr.py).

Erasure keeps every estate champion survey's ratings and every satisfaction survey response with
its closed answers (the TSMs, the 10% rule and the champion trends count them), and removes what
the customer wrote in their own words and the photos they sent."""

from engagement.gdpr import REMOVED, audit_scrub, records_of

from .models import Answer, ChampionIssue, ChampionPhoto, ChampionSurvey, Response

CHAMPION_FIELDS = [
    "visited_on",
    "grounds_rating",
    "grounds_comment",
    "cleaning_rating",
    "cleaning_comment",
    "repairs_rating",
    "repairs_comment",
    "asb_rating",
    "asb_comment",
    "anything_else",
    "submitted_at",
]
COMMENTS = ["grounds_comment", "cleaning_comment", "repairs_comment", "asb_comment", "anything_else"]


def export(customer) -> list[dict]:
    surveys = ChampionSurvey.objects.filter(customer=customer).select_related("estate").order_by("visited_on")
    rows = []
    for survey, row in zip(surveys, records_of(surveys, CHAMPION_FIELDS), strict=True):
        photos = [p.original_name for p in survey.photos.all()]
        rows.append({"record": "estate champion survey", "estate": str(survey.estate), **row, "photos": photos})
    responses = Response.objects.filter(customer=customer).select_related("survey").order_by("responded_on")
    for response in responses:
        answers = {}
        for answer in response.answers.select_related("question").order_by("question__position", "pk"):
            question = answer.question
            # The question in words and the answer as the customer saw it ("Very satisfied").
            answers[str(question)] = answer.text or dict(question.options()).get(answer.value, answer.value)
        rows.append(
            {
                "record": "survey response",
                "survey": str(response.survey),
                **records_of(Response.objects.filter(pk=response.pk), ["responded_on", "channel", "assisted_by"])[0],
                "answers": answers,
            }
        )
    return rows


def erase(customer) -> int:
    surveys = ChampionSurvey.objects.filter(customer=customer)
    issues = ChampionIssue.objects.filter(survey__in=surveys).exclude(comment="")
    responses = Response.objects.filter(customer=customer)
    free_text = Answer.objects.filter(response__in=responses).exclude(text="")
    for queryset in (surveys, issues, responses):
        audit_scrub(queryset)
    changed = surveys.update(**{field: "" for field in COMMENTS}) + issues.update(comment=REMOVED)
    changed += free_text.update(text=REMOVED) + responses.update(assisted_by="")
    photos = list(ChampionPhoto.objects.filter(customer=customer))
    for photo in photos:
        photo.image.delete(save=False)
    # Invitations stay (response rates count them); they hold nothing but the anonymised customer.
    return changed + ChampionPhoto.objects.filter(pk__in=[p.pk for p in photos]).delete()[0]
