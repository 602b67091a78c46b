"""The involvement app's pages, one module a part of the menu, re-exported for urls.py."""

from .groups import (
    GroupListView,
    constitution_download,
    group_constitution,
    group_create,
    group_detail,
    group_officer_add,
    group_renew,
    group_support_add,
    group_update,
)
from .literature import (
    DocumentListView,
    document_comment,
    document_decide,
    document_detail,
    document_file,
    document_revise,
    document_submit,
    my_reviews,
)
from .public import course_book, get_involved, training_programme
from .training import (
    booking_attendance,
    course_book_for,
    course_create,
    course_detail,
    programme_create,
    programme_detail,
    programme_list,
)

__all__ = [
    "DocumentListView",
    "GroupListView",
    "booking_attendance",
    "constitution_download",
    "course_book",
    "course_book_for",
    "course_create",
    "course_detail",
    "document_comment",
    "document_decide",
    "document_detail",
    "document_file",
    "document_revise",
    "document_submit",
    "get_involved",
    "group_constitution",
    "group_create",
    "group_detail",
    "group_officer_add",
    "group_renew",
    "group_support_add",
    "group_update",
    "my_reviews",
    "programme_create",
    "programme_detail",
    "programme_list",
    "training_programme",
]
