import pytest

from engagement.access import user_passes_policy
from engagement.factories import AdminUserFactory, ManagerFactory, OfficerFactory, UserFactory
from engagement.models import Role

pytestmark = pytest.mark.django_db


def test_an_officer_is_staff_but_not_a_manager():
    officer = OfficerFactory()
    assert officer.is_engagement_staff
    assert not officer.is_manager
    assert not officer.is_involved_customer


def test_a_manager_is_staff_and_a_manager():
    manager = ManagerFactory()
    assert manager.is_engagement_staff and manager.is_manager


def test_an_involved_customer_is_not_staff():
    customer = UserFactory(role=Role.CUSTOMER)
    assert customer.is_involved_customer
    assert not customer.is_engagement_staff
    assert not user_passes_policy(customer, "staff")
    assert user_passes_policy(customer, "customer")


def test_only_the_admin_role_opens_the_django_admin():
    assert AdminUserFactory().is_staff
    assert not ManagerFactory().is_staff
    officer = OfficerFactory(is_staff=True)
    officer.refresh_from_db()
    assert not officer.is_staff


@pytest.mark.parametrize(
    ("role", "policy", "allowed"),
    [
        (Role.OFFICER, "staff", True),
        (Role.OFFICER, "manager", False),
        (Role.OFFICER, "customer", False),
        (Role.MANAGER, "staff", True),
        (Role.MANAGER, "manager", True),
        (Role.MANAGER, "customer", False),
        (Role.CUSTOMER, "staff", False),
        (Role.CUSTOMER, "manager", False),
        (Role.CUSTOMER, "customer", True),
        (Role.ADMIN, "manager", True),
    ],
)
def test_policies_follow_the_roles(role, policy, allowed):
    assert user_passes_policy(UserFactory(role=role), policy) is allowed


def test_an_inactive_user_passes_no_policy():
    assert not user_passes_policy(OfficerFactory(is_active=False), "staff")
