from django.urls import path

from . import views

app_name = "housing_system"

urlpatterns = [
    path("", views.run_list, name="run_list"),
    path("runs/<int:pk>/", views.run_detail, name="run_detail"),
    path("runs/<int:pk>/columns/", views.run_columns, name="run_columns"),
    path("runs/<int:pk>/commit/", views.run_commit, name="run_commit"),
]
