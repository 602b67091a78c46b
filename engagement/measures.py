"""Charter measures computed from the core app's data ("You said, we did")."""

import datetime

from django.db.models import Count, Q
from django.urls import reverse

from .models import Action, ActionStatus, PosterPrint
from .registry import MeasureResult, computed_measure


@computed_measure("actions.changes_made", label="Service changes made following customer feedback", unit="count")
def changes_made(start: datetime.date, end: datetime.date) -> MeasureResult:
    figures = Action.objects.filter(status=ActionStatus.DONE, done_on__range=(start, end)).aggregate(
        done=Count("pk"), published=Count("pk", filter=Q(published_at__isnull=False))
    )
    return MeasureResult(
        value=figures["done"],
        detail=f'{figures["done"]:,} actions completed, {figures["published"]:,} published as "You said, we did"',
        drilldown_url=f"{reverse('action_list')}?status=done",
    )


@computed_measure("actions.you_said_we_did_published", label='"You said, we did" published', unit="count")
def you_said_we_did_published(start: datetime.date, end: datetime.date) -> MeasureResult:
    """Changes published in the period: done actions whose public wording was approved then."""
    published = Action.objects.published().filter(published_at__date__range=(start, end)).count()
    return MeasureResult(
        value=published,
        detail=f"{published:,} completed changes published to customers",
        drilldown_url=reverse("you_said_we_did"),
    )


@computed_measure("actions.posters_published", label='"You Said, We Did" posters published', unit="count")
def posters_published(start: datetime.date, end: datetime.date) -> MeasureResult:
    """ "You Said, We Did" posters published (charter 3 and 7; seed 2.2 and 2.3: posters completed
    and displayed on notice boards). One poster is one estate's poster printed on one day: its
    standard and large-print versions, or a second copy that day, are the same poster."""
    posters = PosterPrint.objects.filter(printed_on__range=(start, end)).values("estate", "printed_on").distinct()
    count = posters.count()
    estates = len({row["estate"] for row in posters})
    return MeasureResult(
        value=count,
        detail=f"{count:,} poster{'s' if count != 1 else ''} printed for {estates} estate{'s' if estates != 1 else ''}",
    )


@computed_measure("actions.on_time_pct", label="Actions completed by their due date", unit="%")
def actions_on_time(start: datetime.date, end: datetime.date) -> MeasureResult:
    from django.db.models import F

    figures = Action.objects.filter(status=ActionStatus.DONE, done_on__range=(start, end)).aggregate(
        done=Count("pk"), on_time=Count("pk", filter=Q(done_on__lte=F("due_on")))
    )
    if not figures["done"]:
        return MeasureResult(value=None, numerator=0, denominator=0, detail="No actions completed in the period")
    return MeasureResult(
        value=round(100 * figures["on_time"] / figures["done"], 1),
        numerator=figures["on_time"],
        denominator=figures["done"],
        detail=f"{figures['on_time']:,} of {figures['done']:,} completed actions were done by their due date",
    )
