"""Pages of the inspection app: exercises with their report and improvement plan, and recruitment.

All staff pages: mystery shoppers are covert and interview scores are confidential.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from engagement.access import access
from engagement.landlord import landlord_current
from engagement.models import Action
from engagement.steps import form_page, step

from . import forms, services
from .models import EXERCISE_ORDER, Exercise, ExerciseStatus, Participant, RecruitmentExercise, RecruitmentPanelist


def _exercise(pk: int) -> Exercise:
    return get_object_or_404(Exercise.objects.select_related("lead_officer", "commissioned_by"), pk=pk)


@access("staff")
def exercise_list(request):
    exercises = Exercise.objects.select_related("lead_officer").order_by("-planned_on")
    return render(request, "inspection/exercise_list.html", {"exercises": exercises})


@access("staff")
def exercise_create(request):
    form = forms.ExerciseForm(
        request.POST or None, initial={"lead_officer": request.user, "planned_on": timezone.localdate()}
    )
    done = step(request, form=form, run=lambda data: form.save(), success="Exercise created.", target=lambda e: e)
    return done or form_page(
        request, form, title="Plan an inspection or mystery shop", cancel_url=reverse("inspection:exercise_list")
    )


def _exercise_context(exercise: Exercise) -> dict:
    return {
        "exercise": exercise,
        "results": services.checklist_results(exercise),
        "participants": exercise.participants.select_related("customer", "expense_claim"),
        "actions": Action.objects.from_source(exercise).select_related("owner").order_by("due_on"),
        "today": timezone.localdate(),
    }


@access("staff")
def exercise_detail(request, pk: int):
    exercise = _exercise(pk)
    context = _exercise_context(exercise)
    context.update(
        stages=list(ExerciseStatus.choices),
        stage_index=EXERCISE_ORDER.index(exercise.status),
        blockers=services.exercise_blockers(exercise) if exercise.status != ExerciseStatus.CLOSED else [],
    )
    return render(request, "inspection/exercise_detail.html", context)


@access("staff")
def exercise_report(request, pk: int):
    """The report after the exercise, on one printable page (Print → Save as PDF)."""
    return render(request, "inspection/exercise_report.html", _exercise_context(_exercise(pk)))


@access("staff")
def exercise_report_pdf(request, pk: int):
    """The same report as an A4 PDF (WeasyPrint, like the posters and the board pack): a few pages."""
    from weasyprint import HTML

    exercise = _exercise(pk)
    context = {**_exercise_context(exercise), "LANDLORD_NAME": landlord_current().name}
    html = render_to_string("inspection/report_pdf.html", context)
    response = HttpResponse(HTML(string=html, base_url=settings.SITE_URL).write_pdf(), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="report-{slugify(exercise.title)}.pdf"'
    return response


@access("staff")
def exercise_update(request, pk: int):
    exercise = _exercise(pk)
    form = forms.ReportForm(request.POST or None, instance=exercise)
    done = step(request, form=form, run=lambda data: form.save(), success="Saved.", target=exercise)
    return done or form_page(
        request,
        form,
        title=f"Scenario, findings and recommendations: {exercise}",
        intro="Recommendations one a line. Good practice is shared with other services.",
        cancel_url=exercise.get_absolute_url(),
    )


@access("staff")
def exercise_advance(request, pk: int):
    exercise = _exercise(pk)
    if request.method != "POST":
        return redirect(exercise)
    return step(
        request,
        run=lambda: services.exercise_advance(exercise=exercise, by=request.user),
        success="Moved on.",
        refused="Not yet: ",
        target=exercise,
    )


@access("staff")
def item_add(request, pk: int):
    exercise = _exercise(pk)
    form = forms.ChecklistItemForm(request.POST or None)
    done = step(
        request,
        form=form,
        run=lambda data: services.checklist_item_add(exercise=exercise, **data),
        success="Checklist item added.",
        target=exercise,
    )
    return done or form_page(
        request, form, title=f"Add to the checklist: {exercise}", cancel_url=exercise.get_absolute_url()
    )


@access("staff")
def participant_add(request, pk: int):
    exercise = _exercise(pk)
    form = forms.ParticipantForm(request.POST or None)
    done = step(
        request,
        form=form,
        run=lambda data: services.participant_add(exercise=exercise, **data),
        success="Customer added.",
        target=exercise,
    )
    return done or form_page(
        request, form, title=f"Add a customer taking part: {exercise}", cancel_url=exercise.get_absolute_url()
    )


def _participant(pk: int) -> Participant:
    return get_object_or_404(Participant.objects.select_related("exercise", "customer", "expense_claim"), pk=pk)


@access("staff")
def participant_scores(request, pk: int):
    participant = _participant(pk)
    exercise = participant.exercise
    current = {s.item_id: (s.score, s.comment) for s in participant.scores.all()}
    form = forms.ItemScoresForm(request.POST or None, items=exercise.checklist.all(), current=current)
    done = step(
        request,
        form=form,
        run=lambda data: services.item_scores_record(participant=participant, scores=form.scores()),
        success="Scores saved.",
        target=exercise,
    )
    return done or form_page(
        request, form, title=f"{participant}'s scores: {exercise}", cancel_url=exercise.get_absolute_url()
    )


@access("staff")
def participant_expenses(request, pk: int):
    participant = _participant(pk)
    form = forms.ExpensesForm(request.POST or None, initial={"incurred_on": timezone.localdate()})
    done = step(
        request,
        form=form,
        run=lambda data: services.participant_expenses_record(participant=participant, **data),
        success="Expenses recorded as a claim; approve it in Expense claims.",
        target=participant.exercise,
    )
    return done or form_page(
        request,
        form,
        title=f"{participant}'s expenses: {participant.exercise}",
        intro="For example the cost of the telephone calls. It becomes an expense claim, decided like any other.",
        cancel_url=participant.exercise.get_absolute_url(),
    )


@access("staff")
def participant_paid(request, pk: int):
    participant = _participant(pk)
    if request.method != "POST":
        return redirect(participant.exercise)
    return step(
        request,
        run=lambda: services.participant_expenses_paid(participant=participant),
        success="Marked as paid.",
        target=participant.exercise,
    )


@access("staff")
def action_add(request, pk: int):
    exercise = _exercise(pk)
    form = forms.ImprovementActionForm(request.POST or None, initial={"owner": request.user})
    done = step(
        request,
        form=form,
        run=lambda data: services.improvement_action_add(exercise=exercise, by=request.user, **data),
        success="Added to the service improvement plan.",
        target=exercise,
    )
    return done or form_page(
        request, form, title=f"Service improvement plan: {exercise}", cancel_url=exercise.get_absolute_url()
    )


# --- Recruitment -----------------------------------------------------------------------------------


@access("staff")
def recruitment_list(request):
    exercises = RecruitmentExercise.objects.order_by("-interviews_from")
    return render(request, "inspection/recruitment_list.html", {"exercises": exercises})


@access("staff")
def recruitment_create(request):
    form = forms.RecruitmentForm(request.POST or None)

    def save(data):
        form.instance.lead_officer = request.user
        return form.save()

    done = step(request, form=form, run=save, success="Recruitment added.", target=lambda r: r)
    return done or form_page(
        request,
        form,
        title="Customers on a recruitment panel",
        intro="Tell us the post and the interview dates as early as possible, so involved customers can be there.",
        cancel_url=reverse("inspection:recruitment_list"),
    )


@access("staff")
def recruitment_detail(request, pk: int):
    exercise = get_object_or_404(RecruitmentExercise, pk=pk)
    return render(
        request,
        "inspection/recruitment_detail.html",
        {
            "exercise": exercise,
            "panelists": exercise.panelists.select_related("customer", "briefed_by"),
            "results": services.candidate_results(exercise),
        },
    )


@access("staff")
def panelist_add(request, pk: int):
    exercise = get_object_or_404(RecruitmentExercise, pk=pk)
    form = forms.PanelistForm(request.POST or None)
    done = step(
        request,
        form=form,
        run=lambda data: services.panelist_add(exercise=exercise, **data),
        success="Panel member added.",
        target=exercise,
    )
    return done or form_page(
        request, form, title=f"Add to the interview panel: {exercise.post}", cancel_url=exercise.get_absolute_url()
    )


@access("staff")
def panelist_brief(request, pk: int):
    panelist = get_object_or_404(RecruitmentPanelist.objects.select_related("exercise"), pk=pk)
    if request.method != "POST":
        return redirect(panelist.exercise)
    return step(
        request,
        run=lambda: services.panelist_brief(panelist=panelist, by=request.user),
        success=f"Briefing recorded for {panelist}.",
        target=panelist.exercise,
    )


@access("staff")
def candidate_add(request, pk: int):
    exercise = get_object_or_404(RecruitmentExercise, pk=pk)
    form = forms.CandidateForm(request.POST or None)
    done = step(
        request,
        form=form,
        run=lambda data: services.candidate_add(exercise=exercise, **data),
        success="Candidate added.",
        target=exercise,
    )
    return done or form_page(
        request, form, title=f"Add a candidate: {exercise.post}", cancel_url=exercise.get_absolute_url()
    )


@access("staff")
def score_add(request, pk: int):
    exercise = get_object_or_404(RecruitmentExercise, pk=pk)
    form = forms.CandidateScoreForm(request.POST or None, exercise=exercise)
    done = step(
        request,
        form=form,
        run=lambda data: services.candidate_score_record(**data),
        success="Score recorded.",
        target=exercise,
    )
    return done or form_page(
        request,
        form,
        title=f"Record a score: {exercise.post}",
        intro="Every panel member's score counts the same: a customer's as much as a manager's.",
        cancel_url=exercise.get_absolute_url(),
    )
