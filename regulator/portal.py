"""The regulator app's navigation link."""

from engagement.registry import register_nav

register_nav("TSMs", "regulator:tsm_overview", "manager", order=74, more=True)
