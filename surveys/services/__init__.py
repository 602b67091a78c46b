"""Business rules of the surveys app: champion surveys and their triage, survey responses,
invitation links, CSV import and the TSM survey template.

One module a sub-domain; the public names are re-exported here, so `surveys.services.<name>`
keeps working.
"""

import logging

from .champion import (
    PENDING_PHOTO_KEEP_DAYS,
    champion_issue_action,
    champion_issue_close,
    champion_photos_discard,
    champion_photos_stash,
    champion_survey_submit,
    pending_photos_purge,
)
from .imports import IMPORT_FIXED_COLUMNS, ImportResult, import_columns, responses_import
from .invitations import (
    INVITATION_MAX_AGE_DAYS,
    INVITATION_SALT,
    InvitationExpired,
    InvitationInvalid,
    InvitationProblem,
    InvitationUsed,
    invitation_answer,
    invitation_create,
    invitation_email_send,
    invitation_resolve,
    invitation_token,
    invitation_url,
    invitations_send,
)
from .questions import question_add
from .responses import response_flags, response_record
from .tsm_template import tsm_survey_create

logger = logging.getLogger(__name__)

__all__ = [
    "PENDING_PHOTO_KEEP_DAYS",
    "champion_photos_stash",
    "champion_photos_discard",
    "champion_survey_submit",
    "champion_issue_action",
    "champion_issue_close",
    "pending_photos_purge",
    "response_flags",
    "response_record",
    "question_add",
    "INVITATION_SALT",
    "INVITATION_MAX_AGE_DAYS",
    "InvitationProblem",
    "InvitationInvalid",
    "InvitationExpired",
    "InvitationUsed",
    "invitation_create",
    "invitation_token",
    "invitation_url",
    "invitation_resolve",
    "invitation_answer",
    "invitations_send",
    "invitation_email_send",
    "ImportResult",
    "IMPORT_FIXED_COLUMNS",
    "import_columns",
    "responses_import",
    "tsm_survey_create",
]
