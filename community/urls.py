from django.urls import path

from . import views

app_name = "community"

urlpatterns = [
    path("", views.index, name="index"),
    path("budgets/<int:pk>/", views.budget_detail, name="budget_detail"),
    path("funding/apply/", views.apply, name="apply"),
    path("funding/<int:pk>/", views.application_detail, name="application_detail"),
    path("funding/<int:pk>/score/", views.application_score, name="application_score"),
    path("funding/<int:pk>/decide/", views.application_decide, name="application_decide"),
    path("funding/<int:pk>/payment/", views.payment_add, name="payment_add"),
    path("funding/<int:pk>/outcomes/", views.outcomes_record, name="outcomes_record"),
    path("funded/", views.funded, name="funded"),
    path("call-for-action/", views.call_new, name="call_new"),
    path("call-for-action/sent/", views.call_thanks, name="call_thanks"),
    path("calls/", views.call_list, name="call_list"),
    path("calls/<int:pk>/", views.call_detail, name="call_detail"),
    path("calls/<int:pk>/decide/", views.call_decide, name="call_decide"),
    path("calls/<int:pk>/scrutiny/", views.call_scrutiny, name="call_scrutiny"),
    path("awards/nominate/", views.nominate, name="nominate"),
    path("awards/nominate/sent/", views.nominate_thanks, name="nominate_thanks"),
    path("awards/winners/", views.winners, name="winners"),
    path("awards/nominations/", views.nomination_list, name="nomination_list"),
    path("awards/nominations/<int:pk>/", views.nomination_detail, name="nomination_detail"),
    path("awards/nominations/<int:pk>/consent/", views.nomination_consent, name="nomination_consent"),
]
