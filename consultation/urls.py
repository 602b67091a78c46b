from django.urls import path

from . import views

app_name = "consultation"

urlpatterns = [
    path("club/", views.ClubListView.as_view(), name="club"),
    path("club/new/", views.member_add, name="member_add"),
    path("join/", views.join, name="join"),
    path("join/leave/", views.leave, name="leave"),
    path("programme/", views.ProgrammeView.as_view(), name="programme"),
    path("programme/new/", views.consultation_create, name="consultation_create"),
    path("programme/<int:pk>/", views.consultation_detail, name="consultation_detail"),
    path("samples/", views.samples, name="samples"),
    path("samples/draw/", views.sample_draw, name="sample_draw"),
    path("samples/<int:pk>/", views.sample_detail, name="sample_detail"),
]
