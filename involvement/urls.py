from django.urls import path

from . import views

app_name = "involvement"

# Mounted at the root: the public pages under /get-involved/, the staff pages under /involvement/
# (so the menu marks one of them as the current page, never both).

urlpatterns = [
    # Public: the menu of involvement and the training programme (nothing personal)
    path("get-involved/", views.get_involved, name="get_involved"),
    path("get-involved/training/", views.training_programme, name="training_programme"),
    path("get-involved/training/courses/<int:pk>/book/", views.course_book, name="course_book"),
    # Tenants' and residents' associations and forums
    path("involvement/groups/", views.GroupListView.as_view(), name="group_list"),
    path("involvement/groups/new/", views.group_create, name="group_create"),
    path("involvement/groups/<int:pk>/", views.group_detail, name="group_detail"),
    path("involvement/groups/<int:pk>/edit/", views.group_update, name="group_update"),
    path("involvement/groups/<int:pk>/officers/new/", views.group_officer_add, name="group_officer_add"),
    path("involvement/groups/<int:pk>/support/new/", views.group_support_add, name="group_support_add"),
    path("involvement/groups/<int:pk>/renew/", views.group_renew, name="group_renew"),
    path("involvement/groups/<int:pk>/constitution/", views.group_constitution, name="group_constitution"),
    path(
        "involvement/groups/<int:pk>/constitution/download/", views.constitution_download, name="constitution_download"
    ),
    # Literature review
    path("involvement/review/", views.DocumentListView.as_view(), name="document_list"),
    path("involvement/review/mine/", views.my_reviews, name="my_reviews"),
    path("involvement/review/new/", views.document_submit, name="document_submit"),
    path("involvement/review/<int:pk>/", views.document_detail, name="document_detail"),
    path("involvement/review/<int:pk>/comment/", views.document_comment, name="document_comment"),
    path("involvement/review/<int:pk>/decide/", views.document_decide, name="document_decide"),
    path("involvement/review/<int:pk>/revise/", views.document_revise, name="document_revise"),
    path("involvement/review/<int:pk>/file/", views.document_file, name="document_file"),
    # Training programmes (staff)
    path("involvement/programmes/", views.programme_list, name="programme_list"),
    path("involvement/programmes/new/", views.programme_create, name="programme_create"),
    path("involvement/programmes/<int:pk>/", views.programme_detail, name="programme_detail"),
    path("involvement/programmes/<int:pk>/courses/new/", views.course_create, name="course_create"),
    path("involvement/courses/<int:pk>/", views.course_detail, name="course_detail"),
    path("involvement/courses/<int:pk>/book/", views.course_book_for, name="course_book_for"),
    path("involvement/bookings/<int:pk>/attendance/", views.booking_attendance, name="booking_attendance"),
]
