import datetime

import factory

from engagement.factories import OfficerFactory

from .models import Exercise, ExerciseKind, ExerciseMethod, RecruitmentExercise


class ExerciseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Exercise

    title = factory.Sequence(lambda n: f"Repairs line mystery shop {n}")
    kind = ExerciseKind.MYSTERY_SHOP
    method = ExerciseMethod.TELEPHONE
    service_tested = "Repairs reporting line"
    scenario = "Report a dripping tap and ask for an appointment."
    lead_officer = factory.SubFactory(OfficerFactory)
    planned_on = datetime.date(2026, 10, 5)


class RecruitmentExerciseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RecruitmentExercise

    post = "Head of Repairs"
    interviews_from = datetime.date(2026, 12, 2)
    max_score = 25
    lead_officer = factory.SubFactory(OfficerFactory)
