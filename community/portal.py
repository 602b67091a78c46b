"""The community app's navigation link, its deadline kind and what it holds about a customer (GDPR)."""

from engagement.registry import register_nav, register_personal_data

from . import deadlines, gdpr  # noqa: F401  (deadlines registers the call-for-action deadline with the one chase)

register_nav("Community", "community:index", "staff", order=62, more=True)
register_nav("Apply for funding", "community:apply", "customer", order=62)
# What this app holds about a customer, for the manager's GDPR export and erasure.
register_personal_data(
    "community", label="Funding applications and calls for action", export=gdpr.export, erase=gdpr.erase, order=60
)
