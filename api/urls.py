from django.urls import path

from . import docs, views

app_name = "api"

urlpatterns = [
    path("schema/", docs.SchemaView.as_view(), name="schema"),
    path("docs/", docs.docs, name="docs"),
    path("v1/activities/", views.ActivityList.as_view(), name="activities"),
    path("v1/actions/", views.ActionList.as_view(), name="actions"),
    path("v1/complaints/", views.ComplaintList.as_view(), name="complaints"),
    path("v1/figures/complaints/", views.ComplaintFiguresList.as_view(), name="complaint_figures"),
    path("v1/figures/tsm/", views.TsmFiguresList.as_view(), name="tsm_figures"),
    path("v1/figures/charter/", views.CharterFiguresList.as_view(), name="charter_figures"),
]
