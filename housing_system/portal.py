"""The housing system import's navigation link and nightly beat job."""

from engagement.registry import register_nav, register_periodic

register_nav("Housing system import", "housing_system:run_list", "manager", order=76, more=True)
# At night, after the housing system's own overnight extract and before the 05:30 charter figures.
register_periodic("Housing system nightly sync", "housing_system.tasks.sync_housing_system", hour=2, minute=30)
