from django.urls import path

from . import views

app_name = "inspection"

urlpatterns = [
    path("", views.exercise_list, name="exercise_list"),
    path("new/", views.exercise_create, name="exercise_create"),
    path("<int:pk>/", views.exercise_detail, name="exercise_detail"),
    path("<int:pk>/report/", views.exercise_report, name="exercise_report"),
    path("<int:pk>/report.pdf", views.exercise_report_pdf, name="exercise_report_pdf"),
    path("<int:pk>/edit/", views.exercise_update, name="exercise_update"),
    path("<int:pk>/advance/", views.exercise_advance, name="exercise_advance"),
    path("<int:pk>/checklist/", views.item_add, name="item_add"),
    path("<int:pk>/customers/", views.participant_add, name="participant_add"),
    path("<int:pk>/plan/", views.action_add, name="action_add"),
    path("participants/<int:pk>/scores/", views.participant_scores, name="participant_scores"),
    path("participants/<int:pk>/expenses/", views.participant_expenses, name="participant_expenses"),
    path("participants/<int:pk>/paid/", views.participant_paid, name="participant_paid"),
    path("recruitment/", views.recruitment_list, name="recruitment_list"),
    path("recruitment/new/", views.recruitment_create, name="recruitment_create"),
    path("recruitment/<int:pk>/", views.recruitment_detail, name="recruitment_detail"),
    path("recruitment/<int:pk>/panel/", views.panelist_add, name="panelist_add"),
    path("recruitment/<int:pk>/candidates/", views.candidate_add, name="candidate_add"),
    path("recruitment/<int:pk>/scores/", views.score_add, name="score_add"),
    path("recruitment/panel/<int:pk>/briefed/", views.panelist_brief, name="panelist_brief"),
]
