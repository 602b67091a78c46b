"""The mail-outs app's navigation link and what it holds about a customer."""

from engagement.registry import register_nav, register_personal_data

from . import gdpr

register_nav("Mail-outs", "mailouts:list", "staff", order=65, more=True)

register_personal_data("mailouts", label="Mail-outs sent to them", export=gdpr.export, erase=gdpr.erase, order=60)
