from django.urls import path

from . import views

app_name = "feedback"

urlpatterns = [
    path("complaints/", views.ComplaintListView.as_view(), name="complaints"),
    path("complaints/new/", views.complaint_create, name="complaint_create"),
    path("complaints/<int:pk>/", views.complaint_detail, name="complaint_detail"),
    path("complaints/<int:pk>/edit/", views.complaint_update, name="complaint_update"),
    path("complaints/<int:pk>/acknowledge/", views.complaint_acknowledge, name="complaint_acknowledge"),
    path("complaints/<int:pk>/extend/", views.complaint_extend, name="complaint_extend"),
    path("complaints/<int:pk>/respond/", views.complaint_respond, name="complaint_respond"),
    path("complaints/<int:pk>/escalate/", views.complaint_escalate, name="complaint_escalate"),
    path("complaints/<int:pk>/close/", views.complaint_close, name="complaint_close"),
    path("complaints/<int:pk>/lessons-learned/", views.complaint_lessons, name="complaint_lessons"),
    path("compliments/", views.ComplimentListView.as_view(), name="compliments"),
    path("compliments/new/", views.compliment_create, name="compliment_create"),
    path("compliments/<int:pk>/", views.compliment_detail, name="compliment_detail"),
    path("suggestions/", views.SuggestionListView.as_view(), name="suggestions"),
    path("suggestions/new/", views.suggestion_create, name="suggestion_create"),
    path("suggestions/<int:pk>/", views.suggestion_detail, name="suggestion_detail"),
    path("suggestions/<int:pk>/respond/", views.suggestion_respond, name="suggestion_respond"),
    path("figures/", views.figures, name="figures"),
]
