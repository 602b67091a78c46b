"""Screening answers decide the TSM bases on their own, and shared owners are asked about communal areas.

* Every response's base flags are worked out again from its screening answers: only "yes" puts
  the respondent in a base; "don't know" and no answer leave them out. Until now a missing or
  "don't know" communal-areas answer took the estate's record, which put renters in TP10's base
  without a "yes".
* The TSM surveys' communal-areas question and TP10 are no longer renters only: shared owners
  with communal areas count in LCHO TP10 (surveys.tsm).
"""

from django.db import migrations

FIELD_OF = {"had_repair": "had_repair", "complained": "complained", "communal_areas": "has_communal_areas"}


def forwards(apps, schema_editor):
    Question = apps.get_model("surveys", "Question")
    Response = apps.get_model("surveys", "Response")
    Answer = apps.get_model("surveys", "Answer")
    Question.objects.filter(survey__kind="tsm", code__in=["COMMUNAL", "TP10"]).update(renters_only=False)
    screening = dict(Question.objects.exclude(screens_for="").values_list("pk", "screens_for"))
    said: dict[int, dict[str, bool]] = {}
    for response_id, question_id, value in Answer.objects.filter(question__in=list(screening)).values_list(
        "response", "question", "value"
    ):
        if value in ("yes", "no"):
            said.setdefault(response_id, {})[FIELD_OF[screening[question_id]]] = value == "yes"
    changed = []
    for response in Response.objects.only("pk", "had_repair", "complained", "has_communal_areas").iterator():
        flags = said.get(response.pk, {})
        new = {field: flags.get(field) for field in FIELD_OF.values()}
        if any(getattr(response, field) != value for field, value in new.items()):
            for field, value in new.items():
                setattr(response, field, value)
            changed.append(response)
    Response.objects.bulk_update(changed, list(FIELD_OF.values()), batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("surveys", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
