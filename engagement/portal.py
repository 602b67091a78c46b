"""The core app's navigation links and home-page panels."""

from .registry import register_nav

register_nav("Home", "home", "authenticated", order=0)
register_nav("Customers", "customer_list", "staff", order=80)
register_nav("Actions", "action_list", "staff", order=85)
register_nav("You said, we did", "you_said_we_did", "customer", order=90)

from . import measures  # noqa: E402,F401  (registers the core charter measures)
