"""The inspection app's navigation links."""

from engagement.registry import register_nav

register_nav("Inspections", "inspection:exercise_list", "staff", order=64)
