from django.urls import path

from . import views

app_name = "activities"

urlpatterns = [
    path("", views.MyActivitiesView.as_view(), name="mine"),
    path("reports-due/", views.MyReportsDueView.as_view(), name="reports_due"),
    path("all/", views.AllActivitiesView.as_view(), name="all"),
    path("upcoming/", views.upcoming, name="upcoming"),
    path("new/", views.activity_create, name="create"),
    path("new/with-report/", views.log_and_report, name="log_and_report"),
    path("<int:pk>/", views.activity_detail, name="detail"),
    path("<int:pk>/edit/", views.activity_update, name="update"),
    path("<int:pk>/report/", views.report_file, name="report"),
    path("<int:pk>/verify/", views.report_verify, name="verify"),
    path("<int:pk>/return/", views.report_return, name="return"),
    path("<int:pk>/cancel/", views.activity_cancel, name="cancel"),
    path("<int:pk>/attachments/", views.attachment_add, name="attachment_add"),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment"),
]
