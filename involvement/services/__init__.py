"""The involvement app's business rules, one module a part of the menu, re-exported here."""

from .groups import group_constitution_attach, group_officer_appoint, group_renew, group_support_record
from .literature import (
    can_comment,
    can_decide,
    review_comment_add,
    review_document_decide,
    review_document_revise,
    review_document_submit,
)
from .menu import landlord_load
from .training import booking_attendance_record, course_book, programme_create

__all__ = [
    "booking_attendance_record",
    "can_comment",
    "can_decide",
    "course_book",
    "group_constitution_attach",
    "group_officer_appoint",
    "group_renew",
    "group_support_record",
    "landlord_load",
    "programme_create",
    "review_comment_add",
    "review_document_decide",
    "review_document_revise",
    "review_document_submit",
]
