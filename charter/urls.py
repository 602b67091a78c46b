from django.urls import path, register_converter

from engagement.quarters import QuarterConverter

from . import views

register_converter(QuarterConverter, "charter_quarter")

app_name = "charter"

urlpatterns = [
    path("", views.charter_index, name="index"),
    path("<charter_quarter:quarter>/", views.charter_quarter, name="quarter"),
    path("<charter_quarter:quarter>/recalculate/", views.quarter_recompute, name="quarter_recompute"),
    path("<charter_quarter:quarter>/measures/<int:measure_id>/", views.value_enter, name="value_enter"),
    path("measures/<int:pk>/", views.measure_detail, name="measure_detail"),
    path("figures/<int:pk>/evidence/", views.value_evidence, name="value_evidence"),
    path("reports/", views.BoardReportListView.as_view(), name="report_list"),
    path("reports/request/", views.report_request, name="report_request"),
    path("reports/<int:pk>/", views.report_detail, name="report_detail"),
    path("reports/<int:pk>/status/", views.report_status, name="report_status"),
    path("reports/<int:pk>/download/", views.report_download, name="report_download"),
]
