import pytest
from django.core.management import call_command

from engagement.models import Action, Customer, Estate, Patch, Role, User

pytestmark = pytest.mark.django_db


def test_seed_demo_builds_a_landlord_of_about_ten_thousand_homes_and_running_it_again_adds_nothing():
    call_command("seed_demo", "--today", "2026-11-23")
    counts = _counts()
    assert counts["patches"] == 6
    assert 35 <= counts["estates"] <= 45
    assert 9_000 <= counts["homes"] <= 11_000
    assert 2_500 <= counts["customers"] <= 3_500
    assert counts["officers"] == 6 and counts["managers"] == 1 and counts["admins"] == 1
    assert 38 <= counts["involved"] <= 42
    assert set(Estate.objects.values_list("estate_type", flat=True)) == {
        "general_needs",
        "care_supported",
        "young_people",
        "leasehold_block",
    }
    assert Customer.objects.filter(large_print=True).exists()
    assert Customer.objects.filter(digitally_excluded=True).exists()
    assert Customer.objects.exclude(language="English").exists()

    call_command("seed_demo", "--today", "2026-11-23")
    assert _counts() == counts


def test_the_demo_logins_in_the_readme_work(client):
    call_command("seed_demo", "--today", "2026-11-23")
    for username in ("sarah.okafor", "janet.price", "margaret.hughes"):
        assert User.objects.get(username=username).check_password("demo-portal-2026")
    assert User.objects.get(username="margaret.hughes").customer.estate is not None


def _counts():
    return {
        "patches": Patch.objects.count(),
        "estates": Estate.objects.count(),
        "homes": sum(Estate.objects.values_list("homes", flat=True)),
        "customers": Customer.objects.count(),
        "officers": User.objects.filter(role=Role.OFFICER).count(),
        "managers": User.objects.filter(role=Role.MANAGER).count(),
        "admins": User.objects.filter(role=Role.ADMIN).count(),
        "involved": Customer.objects.filter(user__isnull=False).count(),
        "actions": Action.objects.count(),
        "users": User.objects.count(),
    }
