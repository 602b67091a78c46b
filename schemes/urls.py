from django.urls import path

from . import views

app_name = "schemes"
urlpatterns = [
    path("", views.compliance, name="compliance"),
    path("<int:pk>/", views.scheme_detail, name="scheme_detail"),
    path("<int:pk>/settings/", views.scheme_settings, name="scheme_settings"),
    path("<int:pk>/leavers/new/", views.leaver_create, name="leaver_create"),
    path("<int:pk>/suggestion-box/", views.suggestion_box, name="suggestion_box"),
    path("obligations/<int:pk>/", views.obligation_detail, name="obligation_detail"),
    path("obligations/<int:pk>/sense-check/", views.sense_check_start, name="sense_check_start"),
    path("obligations/<int:pk>/exit-interview/", views.exit_interview, name="exit_interview"),
    path("feedback/", views.InformalFeedbackListView.as_view(), name="feedback_list"),
    path("feedback/new/", views.feedback_create, name="feedback_create"),
    path("feedback/<int:pk>/", views.feedback_detail, name="feedback_detail"),
]
