"""Who may open each API URL with a browser session. The data endpoints take a bearer token only,
so every session (and no session) gets 401: tokens, scopes and customer tokens are tested in
api/tests/. The schema takes a token or a manager's session; the docs page is the manager's."""

from tests.access import MANAGER_ONLY

TOKEN_ONLY = "401 401 401 401"

MATRIX = {
    "api:schema": ("401 403 403 200", None),
    "api:docs": (MANAGER_ONLY, None),
    "api:activities": (TOKEN_ONLY, None),
    "api:actions": (TOKEN_ONLY, None),
    "api:complaints": (TOKEN_ONLY, None),
    "api:complaint_figures": (TOKEN_ONLY, None),
    "api:tsm_figures": (TOKEN_ONLY, None),
    "api:charter_figures": (TOKEN_ONLY, None),
}


def build_world(world):
    """Nothing to add: without a token nothing is read."""
