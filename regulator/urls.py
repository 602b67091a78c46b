from django.urls import path

from . import views

app_name = "regulator"

urlpatterns = [
    path("", views.tsm_overview, name="tsm_overview"),
    path("return/<int:year>/", views.annual_return, name="annual_return"),
    path(
        "return/<int:year>/tsm-return.<str:export_format>",
        views.annual_return_export,
        name="annual_return_export",
    ),
    path("return/<int:year>/<str:code>/<str:stock>/", views.manual_enter, name="manual_enter"),
    path("summary/<int:year>/", views.tenant_summary, name="tenant_summary"),
    path("summary/<int:year>/tsm-summary.pdf", views.tenant_summary_pdf, name="tenant_summary_pdf"),
]
