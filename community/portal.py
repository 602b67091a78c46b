"""The community app's navigation links and its deadline kind."""

from engagement.registry import register_nav

from . import deadlines  # noqa: F401  (registers the call-for-action deadline with the one chase)

register_nav("Community", "community:index", "staff", order=62)
