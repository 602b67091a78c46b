"""The inspection app's navigation link and what it holds about a customer (GDPR)."""

from engagement.registry import register_nav, register_personal_data

from . import gdpr

register_nav("Inspections", "inspection:exercise_list", "staff", order=64, more=True)
register_personal_data(
    "inspection", label="Inspections and interview panels", export=gdpr.export, erase=gdpr.erase, order=61
)
