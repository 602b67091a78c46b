from django.urls import path

from . import views

app_name = "surveys"

urlpatterns = [
    # Estate champions (involved customers)
    path("champion/", views.champion_home, name="champion_home"),
    path("champion/estates/<int:estate_id>/new/", views.champion_new, name="champion_new"),
    path("champion/<int:pk>/", views.champion_detail, name="champion_detail"),
    path("photos/<int:pk>/", views.photo, name="photo"),
    # Estate champions (staff)
    path("champion-surveys/", views.SubmissionListView.as_view(), name="submissions"),
    path("champion-surveys/trends/", views.champion_trends, name="champion_trends"),
    path("champion-surveys/<int:pk>/", views.submission_detail, name="submission_detail"),
    path("champion-issues/", views.IssueListView.as_view(), name="issues"),
    path("champion-issues/<int:pk>/", views.issue_detail, name="issue_detail"),
    # Satisfaction surveys and TSMs (staff)
    path("", views.SurveyListView.as_view(), name="survey_list"),
    path("new/", views.survey_create, name="survey_create"),
    path("new-tsm/", views.tsm_create, name="tsm_create"),
    path("tsm/", views.tsm_measures, name="tsm"),
    path("responses/", views.ResponseListView.as_view(), name="responses"),
    path("responses/<int:pk>/", views.response_detail, name="response_detail"),
    path("<int:pk>/", views.survey_detail, name="survey_detail"),
    path("<int:pk>/edit/", views.survey_update, name="survey_update"),
    path("<int:pk>/questions/new/", views.question_create, name="question_create"),
    path("questions/<int:pk>/edit/", views.question_update, name="question_update"),
    path("<int:pk>/responses/new/", views.response_create, name="response_create"),
    path("<int:pk>/results/", views.results, name="results"),
    path("<int:pk>/results.csv", views.results_export, name="results_export"),
    path("<int:pk>/import/", views.response_import, name="response_import"),
    path("<int:pk>/import-template.csv", views.import_template, name="import_template"),
    path("<int:pk>/invite/", views.invitations_send, name="invitations_send"),
    # Invitation links (anyone with the link)
    path("answer/thanks/", views.invitation_thanks, name="invitation_thanks"),
    path("answer/<str:token>/", views.invitation, name="invitation"),
]
