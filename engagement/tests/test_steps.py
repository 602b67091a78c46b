"""The one write helper and form page every app's write pages share (engagement/steps.py).

Rule (README, shared pieces): POST → a service → a message → a redirect. Only a valid POST runs the
service; a rule the service refuses goes onto the form, which is shown again with what was typed; a
button's refusal is flashed and the page goes back all the same; the same thing sent again is
answered "already sent" (create_once). The form page is one GOV.UK template: the title, the intro,
the shared error summary, the fields, the submit label and a cancel link.
"""

import pytest
from django import forms
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from engagement.steps import form_page, step, unique_save

pytestmark = pytest.mark.django_db


class _RepairForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput, required=False)
    what = forms.CharField(label="What needs repairing", help_text="For example: the door entry system.")


class _PhotoForm(_RepairForm):
    photo = forms.FileField(label="A photo", required=False)


def _request(rf, user, method="get", data=None):
    request = getattr(rf, method)("/repairs/new/", data or {})
    request.user = user
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    return request


def _said(request):
    return [(message.level_tag, str(message)) for message in get_messages(request)]


def test_a_valid_post_runs_the_service_with_what_was_typed_then_says_so_and_redirects(rf, officer):
    request = _request(rf, officer, "post", {"what": "Door entry"})
    ran = []
    response = step(
        request,
        form=_RepairForm(request.POST),
        run=lambda data: ran.append(data["what"]) or 7,
        success=lambda number: f"Repair {number} logged.",
        target=lambda number: f"/repairs/{number}/",
    )
    assert ran == ["Door entry"]
    assert response.status_code == 302 and response["Location"] == "/repairs/7/"
    assert _said(request) == [("success", "Repair 7 logged.")]


@pytest.mark.parametrize("method, data", [("get", {}), ("post", {"what": ""})])
def test_a_get_or_an_invalid_post_runs_nothing_and_asks_for_the_form(rf, officer, method, data):
    request = _request(rf, officer, method, data)
    ran = []
    response = step(
        request,
        form=_RepairForm(request.POST or None),
        run=lambda data: ran.append(data),
        success="Logged.",
        target="/",
    )
    assert response is None and ran == [] and _said(request) == []


def test_a_rule_the_service_refuses_goes_onto_the_form_next_to_its_field(rf, officer):
    request = _request(rf, officer, "post", {"what": "Door entry"})
    form = _RepairForm(request.POST)

    def refuse(data):
        raise ValidationError({"what": "That repair is already logged."})

    assert step(request, form=form, run=refuse, success="Logged.", target="/") is None
    assert form.errors == {"what": ["That repair is already logged."]}
    assert _said(request) == []


def test_a_button_the_service_refuses_says_why_and_goes_back_all_the_same(rf, officer):
    request = _request(rf, officer, "post")

    def refuse():
        raise ValidationError("the minutes are not in yet.")

    response = step(request, run=refuse, success="Closed.", target="/meetings/3/", refused="Not yet: ")
    assert response["Location"] == "/meetings/3/"
    assert _said(request) == [("error", "Not yet: the minutes are not in yet.")]


@pytest.mark.parametrize("created, said", [(True, ("success", "Sent.")), (False, ("info", "Already sent."))])
def test_the_same_thing_sent_again_is_answered_already_sent(rf, officer, created, said):
    request = _request(rf, officer, "post", {"what": "Door entry"})
    response = step(
        request,
        form=_RepairForm(request.POST),
        run=lambda data: ("/calls/5/", created),
        success="Sent.",
        resent="Already sent.",
        target=lambda url: url,
    )
    assert response["Location"] == "/calls/5/"
    assert _said(request) == [said]


def test_a_clash_on_a_unique_constraint_is_a_refusal_and_the_page_can_go_on(officer):
    User = get_user_model()

    def save():
        return User.objects.create(username=officer.username)

    with pytest.raises(ValidationError) as refused:
        unique_save(save, "That person is already here.")
    assert refused.value.messages == ["That person is already here."]
    assert User.objects.filter(username=officer.username).count() == 1  # the transaction is still usable


def test_the_form_page_shows_title_intro_fields_hints_the_submit_label_and_cancel(rf, officer):
    form = _RepairForm(initial={"token": "abc"})
    html = form_page(
        _request(rf, officer),
        form,
        title="Log a repair",
        intro="We fix urgent repairs within a day.",
        submit_label="Log it",
        cancel_url="/repairs/",
    ).content.decode()
    assert "<h1" in html and "Log a repair</h1>" in html
    assert '<p class="lead">We fix urgent repairs within a day.</p>' in html
    assert "For example: the door entry system." in html
    assert '<input type="hidden" name="token" value="abc"' in html  # the one-time token field travels hidden
    assert 'for="id_token"' not in html
    assert ">Log it</button>" in html and 'href="/repairs/"' in html
    assert "multipart" not in html  # only a form with a file is sent as multipart
    assert "error-summary" not in html


def test_a_form_with_a_file_is_multipart_and_a_refused_form_shows_the_shared_error_summary(rf, officer):
    form = _PhotoForm(data={"what": ""}, files={"photo": SimpleUploadedFile("door.jpg", b"x")})
    form.is_valid()
    response = form_page(
        _request(rf, officer, "post"), form, title="Log a repair", status=422, extra={"messages_only": True}
    )
    html = response.content.decode()
    assert response.status_code == 422
    assert 'enctype="multipart/form-data"' in html
    assert "There is a problem" in html
    assert '<a href="#id_what">This field is required.</a>' in html  # `extra` reaches the summary
    assert "<title>Error: Log a repair" in html
    assert 'href="/">Cancel</a>' in html  # no cancel_url: back to the home page
