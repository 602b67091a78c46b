"""factory_boy factories for feedback. Deadlines are worked out by the Code's rules, so a factory
complaint has the dates a real one would have; the traits move it through the stages."""

import datetime

import factory

from engagement.factories import CustomerFactory, OfficerFactory

from . import deadlines
from .models import (
    Complaint,
    ComplaintCategory,
    ComplaintStatus,
    Compliment,
    ComplimentAbout,
    FeedbackChannel,
    LessonsLearned,
    Outcome,
    Suggestion,
)


class ComplaintFactory(factory.django.DjangoModelFactory):
    """A stage 1 complaint awaiting acknowledgement. Traits: acknowledged, responded, upheld, escalated."""

    class Meta:
        model = Complaint
        skip_postgeneration_save = True

    customer = factory.SubFactory(CustomerFactory)
    estate = factory.LazyAttribute(lambda c: c.customer.estate if c.customer else None)
    received_on = datetime.date(2026, 11, 2)
    channel = FeedbackChannel.PHONE
    category = ComplaintCategory.REPAIRS
    description = "The repair to the kitchen window was promised three times and never done."
    desired_outcome = "Fix the window and apologise."
    stage1_handler = factory.SubFactory(OfficerFactory)
    stage1_acknowledged_on = None
    stage1_ack_due_on = factory.LazyAttribute(lambda c: deadlines.acknowledgement_due(stage=1, start=c.received_on))
    stage1_response_due_on = factory.LazyAttribute(
        lambda c: (
            deadlines.response_due(stage=1, acknowledged_on=c.stage1_acknowledged_on)
            if c.stage1_acknowledged_on
            else deadlines.provisional_response_due(stage=1, start=c.received_on)
        )
    )

    class Params:
        acknowledged = factory.Trait(
            status=ComplaintStatus.ACKNOWLEDGED,
            stage1_acknowledged_on=factory.LazyAttribute(lambda c: c.received_on + datetime.timedelta(days=1)),
        )
        responded = factory.Trait(
            acknowledged=True,
            status=ComplaintStatus.RESPONDED,
            stage1_outcome=Outcome.NOT_UPHELD,
            stage1_responded_on=factory.LazyAttribute(lambda c: c.stage1_acknowledged_on + datetime.timedelta(days=7)),
            stage1_working_days=factory.LazyAttribute(
                lambda c: deadlines.working_days_taken(start=c.received_on, end=c.stage1_responded_on)
            ),
        )
        upheld = factory.Trait(responded=True, stage1_outcome=Outcome.UPHELD, stage1_remedy="Window repaired; £50.")


class LessonsLearnedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LessonsLearned

    complaint = factory.SubFactory(ComplaintFactory, upheld=True)
    what_went_wrong = "Repair appointments were cancelled without telling the customer."
    root_cause = "The contractor's system did not send cancellations to us."
    what_we_changed = "Cancellations now come to us daily and we text the customer the same day."
    owner = factory.SelfAttribute("complaint.stage1_handler")
    learned_on = datetime.date(2026, 11, 20)


class ComplimentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Compliment

    received_on = datetime.date(2026, 11, 2)
    customer = factory.SubFactory(CustomerFactory)
    channel = FeedbackChannel.EMAIL
    about = ComplimentAbout.PERSON
    staff_member = factory.SubFactory(OfficerFactory)
    description = "Thank you for sorting out the communal lighting so quickly."


class SuggestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Suggestion

    received_on = datetime.date(2026, 11, 2)
    customer = factory.SubFactory(CustomerFactory)
    estate = factory.LazyAttribute(lambda s: s.customer.estate if s.customer else None)
    channel = FeedbackChannel.LETTER
    suggestion = "Put a bench by the bus stop on the estate."
