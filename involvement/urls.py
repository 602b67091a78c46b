from django.urls import path

from . import views

app_name = "involvement"

urlpatterns = [
    # Public: the menu of involvement and the training programme (nothing personal)
    path("", views.get_involved, name="get_involved"),
    path("training/", views.training_programme, name="training_programme"),
    path("training/courses/<int:pk>/book/", views.course_book, name="course_book"),
    # Tenants' and residents' associations and forums
    path("groups/", views.GroupListView.as_view(), name="group_list"),
    path("groups/new/", views.group_create, name="group_create"),
    path("groups/<int:pk>/", views.group_detail, name="group_detail"),
    path("groups/<int:pk>/edit/", views.group_update, name="group_update"),
    path("groups/<int:pk>/officers/new/", views.group_officer_add, name="group_officer_add"),
    path("groups/<int:pk>/support/new/", views.group_support_add, name="group_support_add"),
    path("groups/<int:pk>/renew/", views.group_renew, name="group_renew"),
    path("groups/<int:pk>/constitution/", views.group_constitution, name="group_constitution"),
    path("groups/<int:pk>/constitution/download/", views.constitution_download, name="constitution_download"),
    # Literature review
    path("review/", views.DocumentListView.as_view(), name="document_list"),
    path("review/mine/", views.my_reviews, name="my_reviews"),
    path("review/new/", views.document_submit, name="document_submit"),
    path("review/<int:pk>/", views.document_detail, name="document_detail"),
    path("review/<int:pk>/comment/", views.document_comment, name="document_comment"),
    path("review/<int:pk>/decide/", views.document_decide, name="document_decide"),
    path("review/<int:pk>/revise/", views.document_revise, name="document_revise"),
    path("review/<int:pk>/file/", views.document_file, name="document_file"),
    # Training programmes (staff)
    path("programmes/", views.programme_list, name="programme_list"),
    path("programmes/new/", views.programme_create, name="programme_create"),
    path("programmes/<int:pk>/", views.programme_detail, name="programme_detail"),
    path("programmes/<int:pk>/courses/new/", views.course_create, name="course_create"),
    path("courses/<int:pk>/", views.course_detail, name="course_detail"),
    path("courses/<int:pk>/book/", views.course_book_for, name="course_book_for"),
    path("bookings/<int:pk>/attendance/", views.booking_attendance, name="booking_attendance"),
]
