"""The API app's part of the portal: what it holds about a customer (their customer-bound tokens),
for the manager's GDPR export and erasure (engagement/gdpr.py), and the nightly pruning of the call log."""

from django.utils import timezone

from engagement.registry import register_periodic, register_personal_data

from .models import ApiClient


def export(customer) -> list[dict]:
    return [
        {
            "record": "API token for this customer",
            "client": client.name,
            "scopes": client.scopes,
            "created": client.created_at.isoformat(),
            "last used": client.last_used_at.isoformat() if client.last_used_at else "",
            "status": client.status,
        }
        for client in ApiClient.objects.filter(customer=customer).order_by("created_at")
    ]


def erase(customer) -> int:
    """An erased customer's tokens stop working at once (kept, revoked, so their call log still adds up)."""
    return ApiClient.objects.filter(customer=customer, revoked_at__isnull=True).update(revoked_at=timezone.now())


register_personal_data("api", label="API tokens tied to the customer", export=export, erase=erase, order=90)

register_periodic("API call log: delete calls older than 400 days", "api.tasks.prune_api_calls", hour=3, minute=40)
