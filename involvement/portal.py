"""The involvement app's navigation links and its deadline kind (a residents' group's renewal)."""

from engagement.registry import register_nav, register_personal_data

from . import deadlines, gdpr  # noqa: F401  (deadlines registers the group renewal with the one chase)

register_nav("Get involved", "involvement:get_involved", "public", order=89, more=True)
register_nav("Involvement", "involvement:group_list", "staff", order=65, more=True)
register_nav("Documents to review", "involvement:my_reviews", "customer", order=65)

register_personal_data(
    "involvement",
    label="Residents' groups, course bookings and document reviews",
    export=gdpr.export,
    erase=gdpr.erase,
    order=60,
)
