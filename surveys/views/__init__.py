"""Views of the surveys app: thin wrappers over services and selectors.

Customer pages (estate champion survey) check that the estate is one the champion looks after
and that a submission is their own (404 otherwise). Invitation pages are public: the signed
link is the key. Everything else is for staff.

One module a sub-domain: estate champion surveys and photos (champion), satisfaction surveys,
questions, responses and results (satisfaction), CSV import (imports), invitations, and the TSM
pages (tsm_pages). urls.py finds every view here.
"""

from .champion import (
    DRAFT_KEY,
    IssueListView,
    SubmissionListView,
    champion_detail,
    champion_home,
    champion_new,
    champion_trends,
    issue_detail,
    keeps_answers_when_logged_out,
    photo,
    submission_detail,
)
from .imports import import_template, response_import
from .invitations import invitation, invitation_thanks, invitations_send
from .satisfaction import (
    ResponseListView,
    SurveyListView,
    question_create,
    question_update,
    response_create,
    response_detail,
    results,
    results_export,
    survey_create,
    survey_detail,
    survey_update,
)
from .tsm_pages import tsm_create, tsm_measures

__all__ = [
    "DRAFT_KEY",
    "keeps_answers_when_logged_out",
    "champion_home",
    "champion_new",
    "champion_detail",
    "photo",
    "SubmissionListView",
    "submission_detail",
    "champion_trends",
    "IssueListView",
    "issue_detail",
    "SurveyListView",
    "ResponseListView",
    "survey_create",
    "survey_update",
    "tsm_create",
    "survey_detail",
    "question_create",
    "question_update",
    "response_create",
    "response_detail",
    "results",
    "results_export",
    "response_import",
    "import_template",
    "invitations_send",
    "tsm_measures",
    "invitation",
    "invitation_thanks",
]
