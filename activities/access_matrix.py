"""Who may open each activities URL. Statuses: anonymous, customer, officer, manager.

The world's officer leads `activity` (held, report owed) so the officer's 200s are the real
rule "an officer edits their own"; `other_activity` is led by someone else, so the officer gets
403 where only its lead officer or a manager may change it.
"""

from django.core.files.base import ContentFile

from engagement.factories import OfficerFactory
from tests.access import MANAGER_ONLY, POST_ONLY, STAFF

from .factories import ActivityFactory
from .models import ActivityAttachment

ONLY_LEAD_OR_MANAGER = "302 403 403 200"

MATRIX = {
    "activities:mine": (STAFF, None),
    "activities:reports_due": (STAFF, None),
    "activities:all": (STAFF, None),
    "activities:upcoming": (STAFF, None),
    "activities:create": (STAFF, None),
    "activities:log_and_report": (STAFF, None),
    "activities:detail": (STAFF, lambda w: [w["other_activity"].pk]),
    # Officers view everyone's activities but change only their own.
    "activities:update": (ONLY_LEAD_OR_MANAGER, lambda w: [w["other_activity"].pk]),
    "activities:report": (STAFF, lambda w: [w["activity"].pk]),
    "activities:verify": (POST_ONLY, lambda w: [w["reported_activity"].pk]),
    "activities:return": (MANAGER_ONLY, lambda w: [w["reported_activity"].pk]),
    "activities:cancel": (POST_ONLY, lambda w: [w["activity"].pk]),
    "activities:attachment_add": (POST_ONLY, lambda w: [w["activity"].pk]),
    "activities:attachment": (STAFF, lambda w: [w["activity_attachment"].pk]),
}


def build_world(world):
    world["activity"] = ActivityFactory(lead_officer=world["officer"])
    world["other_activity"] = ActivityFactory(lead_officer=OfficerFactory(username="matrix.other.officer"))
    world["reported_activity"] = ActivityFactory(lead_officer=world["officer"], reported=True)
    attachment = ActivityAttachment(
        activity=world["activity"], original_name="sheet.pdf", content_type="application/pdf", size=9
    )
    attachment.file.save("sheet.pdf", ContentFile(b"%PDF-1.4\n"), save=False)
    attachment.save()
    world["activity_attachment"] = attachment
