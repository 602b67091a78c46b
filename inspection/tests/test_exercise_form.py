"""The form to plan an inspection or mystery shop offers only real kinds and methods: a radio
group generated from a model field without a default would start with a blank "---------" choice."""

import pytest

from inspection.forms import ExerciseForm
from inspection.models import ExerciseKind, ExerciseMethod

pytestmark = pytest.mark.django_db


def test_the_exercise_form_offers_only_real_kinds_and_methods_as_radios():
    form = ExerciseForm()
    radios = str(form["kind"]) + str(form["method"])
    assert "---------" not in radios and 'value=""' not in radios
    assert [value for value, _ in form.fields["kind"].choices] == list(ExerciseKind.values)
    assert [value for value, _ in form.fields["method"].choices] == list(ExerciseMethod.values)


def test_a_kind_must_still_be_chosen():
    form = ExerciseForm(data={})
    assert not form.is_valid()
    assert "kind" in form.errors and "method" in form.errors
