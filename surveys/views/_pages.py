"""Helpers shared by the surveys pages."""

from __future__ import annotations

import uuid

# The staff forms' messages each name their question (GOV.UK), so the error summary shows the message
# alone, not "Label: message" (engagement/_error_summary.html).
MESSAGES_ONLY = {"messages_only": True}


def _token(value) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError):
        return None
