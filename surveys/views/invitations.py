"""Invitations: sending them (staff) and answering through a signed link (public: the link is the key)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from engagement.access import access

from .. import services
from ..forms import InvitationAnswerForm
from ..models import Invitation, Survey

ANSWERED_SESSION_KEY = "surveys_answered_invitation"


@require_POST
@access("staff")
def invitations_send(request, pk: int):
    survey = get_object_or_404(Survey, pk=pk)
    if not survey.is_open():
        messages.error(request, "The survey is not open, so no invitations were sent.")
        return redirect(survey)
    count = services.invitations_send(survey=survey, user=request.user)
    messages.success(request, f"{count} customer{'s' if count != 1 else ''} invited by email.")
    return redirect(survey)


@access("public")
def invitation(request, token: str):
    try:
        invite = services.invitation_resolve(token)
    except services.InvitationProblem as problem:
        return render(request, "surveys/invitation_problem.html", {"problem": problem}, status=problem.status)
    survey = invite.survey
    questions = survey.questions.all()
    form = InvitationAnswerForm(request.POST or None, questions=questions)
    if request.method == "POST" and form.is_valid():
        try:
            services.invitation_answer(invitation=invite, answers=form.answers())
        except services.InvitationProblem as problem:
            return render(request, "surveys/invitation_problem.html", {"problem": problem}, status=problem.status)
        # The last page may offer other apps' optional next step for this invitation (a page link).
        request.session[ANSWERED_SESSION_KEY] = invite.pk
        return redirect("surveys:invitation_thanks")
    return render(request, "surveys/invitation_form.html", {"form": form, "survey": survey, "invitation": invite})


@access("public")
def invitation_thanks(request):
    answered = request.session.get(ANSWERED_SESSION_KEY)
    invite = Invitation.objects.filter(pk=answered, used_at__isnull=False).first() if answered else None
    return render(request, "surveys/invitation_thanks.html", {"invitation": invite})
