from django.urls import path

from . import views

app_name = "voice"

urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("surveys/<int:pk>/", views.survey_representation, name="survey"),
    path("surveys/<int:pk>/weighting/", views.survey_weighting, name="survey_weighting"),
    path("tsm/<int:year>/", views.tsm_representation, name="tsm"),
    path("panels/<int:pk>/", views.panel_representation, name="panel"),
    path("about-you/", views.my_equality, name="my_equality"),
    path("about-you/remove/", views.my_equality_withdraw, name="my_equality_withdraw"),
    path("after-survey/<str:token>/", views.survey_equality, name="survey_equality"),
    path("customers/<int:pk>/record/", views.customer_record, name="customer_record"),
    path("customers/<int:pk>/", views.customer_equality, name="customer_equality"),
]
