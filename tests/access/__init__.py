"""Expected statuses for the access matrix, in the order of ROLES."""

ROLES = ("anonymous", "customer", "officer", "manager")

STAFF = "302 403 200 200"
MANAGER_ONLY = "302 403 403 200"
ANY_LOGGED_IN = "302 200 200 200"
CUSTOMER_ONLY = "302 200 403 403"
PUBLIC = "200 200 200 200"
POST_ONLY = "405 405 405 405"
