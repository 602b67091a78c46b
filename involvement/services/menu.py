"""Loading a landlord's configuration: its settings (the core) and its menu of involvement."""

from __future__ import annotations

from django.db import transaction

from engagement.landlord import landlord_data, landlord_settings_load
from panels.models import Panel

from ..models import InvolvementLevel, Opportunity


def landlord_load(*, key: str) -> list[str]:
    """Load engagement/landlords/<key>.yaml: the landlord's settings, its levels and opportunities
    and the panels and groups they lead to. Idempotent: running it again changes nothing; levels
    and opportunities no longer in the file are removed (they are configuration, not records);
    panels are only ever added (they hold members and meetings). Returns notes for the operator."""
    data = landlord_data(key)
    with transaction.atomic():
        _, notes = landlord_settings_load(data=data)
        level_keys = []
        for position, level_data in enumerate(data.get("levels", []), start=1):
            level, _ = InvolvementLevel.objects.update_or_create(
                key=level_data["key"],
                defaults={"position": position, "title": level_data["title"], "summary": level_data.get("summary", "")},
            )
            level_keys.append(level.key)
            titles = []
            for index, item in enumerate(level_data.get("opportunities", []), start=1):
                panel = None
                if item.get("panel"):
                    panel, created = Panel.objects.get_or_create(
                        name=item["panel"]["name"],
                        defaults={"kind": item["panel"]["kind"], "purpose": item["involves"]},
                    )
                    if created:
                        notes.append(f"Added the panel {panel.name}.")
                Opportunity.objects.update_or_create(
                    level=level,
                    title=item["title"],
                    defaults={
                        "position": index,
                        "involves": item["involves"],
                        "time_needed": item["time"],
                        "clocks": item["clocks"],
                        "panel": panel,
                    },
                )
                titles.append(item["title"])
            level.opportunities.exclude(title__in=titles).delete()
        InvolvementLevel.objects.exclude(key__in=level_keys).delete()
    return notes
