import factory

from engagement.factories import InvolvedCustomerFactory, OfficerFactory

from .models import Membership, MembershipRole, Panel, PanelKind


class PanelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Panel
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Panel {n}")
    kind = PanelKind.CUSTOMER_VOICE_GROUP
    officer = factory.SubFactory(OfficerFactory)
    meets_every_months = 2


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    panel = factory.SubFactory(PanelFactory)
    customer = factory.SubFactory(InvolvedCustomerFactory)
    role = MembershipRole.MEMBER


class EstateChampionFactory(MembershipFactory):
    """An estate champion: pass estates=[...] to set the estates they look after."""

    panel = factory.SubFactory(
        PanelFactory, name="Estate Champions", kind=PanelKind.ESTATE_CHAMPIONS, meets_every_months=None
    )
    role = MembershipRole.CHAMPION

    class Meta:
        skip_postgeneration_save = True

    @factory.post_generation
    def estates(self, create, extracted, **kwargs):
        if create:
            self.estates.set(extracted if extracted is not None else [self.customer.estate])
