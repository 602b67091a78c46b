"""Homes by tenure type on each estate, split from the one number we held.

How the existing `homes` is split (the manager should check each estate against the housing
management system; the estate admin page and the estates CSV carry the three numbers):
* an estate with customer records is split in proportion to its customers' tenures (general
  needs, care & supported, young people → rented (LCRA); shared owner → LCHO; leaseholder →
  leasehold), by largest remainder so the three add up to the old total;
* an estate with no customer records goes by its type: a leasehold block is all leasehold,
  every other type all rented.
"""

import django.db.models.expressions
from django.db import migrations, models

LCRA_TENURES = {"general_needs", "care_supported", "young_people"}


def split_homes(total: int, *, lcra: int, lcho: int, leasehold: int, estate_type: str) -> tuple[int, int, int]:
    """(rented, shared-ownership, leasehold) homes adding up to `total`, from counts of customer records."""
    records = lcra + lcho + leasehold
    if not records:
        return (0, 0, total) if estate_type == "leasehold_block" else (total, 0, 0)
    shares = [total * n / records for n in (lcra, lcho, leasehold)]
    homes = [int(share) for share in shares]
    by_remainder = sorted(range(3), key=lambda i: (-(shares[i] - homes[i]), i))
    for i in by_remainder[: total - sum(homes)]:
        homes[i] += 1
    return homes[0], homes[1], homes[2]


def forwards(apps, schema_editor):
    Estate = apps.get_model("engagement", "Estate")
    Customer = apps.get_model("engagement", "Customer")
    counts: dict[int, dict[str, int]] = {}
    for estate_id, tenure, n in (
        Customer.objects.values_list("estate", "tenure")
        .annotate(n=models.Count("pk"))
        .values_list("estate", "tenure", "n")
    ):
        counts.setdefault(estate_id, {})[tenure] = n
    for estate in Estate.objects.all():
        by_tenure = counts.get(estate.pk, {})
        estate.homes_lcra, estate.homes_lcho, estate.homes_leasehold = split_homes(
            estate.homes,
            lcra=sum(by_tenure.get(t, 0) for t in LCRA_TENURES),
            lcho=by_tenure.get("shared_owner", 0),
            leasehold=by_tenure.get("leaseholder", 0),
            estate_type=estate.estate_type,
        )
        estate.save(update_fields=["homes_lcra", "homes_lcho", "homes_leasehold"])


def backwards(apps, schema_editor):
    pass  # `homes` still holds the total


class Migration(migrations.Migration):
    dependencies = [
        ("engagement", "0003_action_form_token"),
    ]

    operations = [
        migrations.AddField(
            model_name="estate",
            name="homes_lcho",
            field=models.PositiveIntegerField(default=0, verbose_name="shared-ownership homes (LCHO)"),
        ),
        migrations.AddField(
            model_name="estate",
            name="homes_lcra",
            field=models.PositiveIntegerField(
                default=0,
                help_text="General needs, care & supported and young people's homes.",
                verbose_name="rented homes (LCRA)",
            ),
        ),
        migrations.AddField(
            model_name="estate",
            name="homes_leasehold",
            field=models.PositiveIntegerField(
                default=0,
                help_text="Leaseholders who are not shared owners: outside the TSMs.",
                verbose_name="leasehold homes",
            ),
        ),
        migrations.AlterField(
            model_name="estate",
            name="homes",
            field=models.PositiveIntegerField(editable=False, verbose_name="number of homes"),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.AddConstraint(
            model_name="estate",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "homes",
                        django.db.models.expressions.CombinedExpression(
                            django.db.models.expressions.CombinedExpression(
                                models.F("homes_lcra"), "+", models.F("homes_lcho")
                            ),
                            "+",
                            models.F("homes_leasehold"),
                        ),
                    )
                ),
                name="estate_homes_is_the_sum_by_tenure",
            ),
        ),
    ]
