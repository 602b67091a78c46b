"""Who may open each regulator URL: the TSM figures are the manager's (and the board's)."""

from tests.access import MANAGER_ONLY

MATRIX = {
    "regulator:tsm_overview": (MANAGER_ONLY, None),
    "regulator:annual_return": (MANAGER_ONLY, lambda w: [2026]),
    "regulator:annual_return_export": (MANAGER_ONLY, lambda w: [2026, "csv"]),
    "regulator:manual_enter": (MANAGER_ONLY, lambda w: [2026, "BS01", "lcra"]),
    "regulator:tenant_summary": (MANAGER_ONLY, lambda w: [2026]),
    "regulator:tenant_summary_pdf": (MANAGER_ONLY, lambda w: [2026]),
}


def build_world(world):
    """Nothing to add: the page reads figures other apps own."""
