from auditlog.registry import auditlog

from .models import Action, Customer

# Who changed an action or a customer's preferences, and when.
auditlog.register(Action)
auditlog.register(Customer)
