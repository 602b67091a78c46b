import django_tables2 as tables

from engagement.table_cells import DateColumn

from .models import Action, Customer


def table_drawn(table, request) -> str:
    """A list's table as the list page draws it (engagement/_list_table.html), for keeping."""
    from django.template.loader import get_template

    return get_template("engagement/_list_table.html").render({"table": table, "request": request})


class ActionTable(tables.Table):
    stack_lead = ("due_on", "estate", "status")  # first on a phone's card
    we_will = tables.Column(linkify=True, verbose_name="We will")
    you_said = tables.Column(verbose_name="You said / we found")
    owner = tables.Column(accessor="owner", order_by=("owner__first_name", "owner__last_name"))
    estate = tables.Column(default="All customers")
    # "Put forward" is the wish; "Published" is the date staff approved the public wording.
    publish = tables.BooleanColumn(verbose_name="Put forward")
    published_at = DateColumn("j M Y", verbose_name="Published")

    class Meta:
        model = Action
        fields = ["we_will", "you_said", "owner", "estate", "due_on", "status", "done_on", "publish", "published_at"]
        order_by = ("due_on",)

    def render_you_said(self, value):
        return value if len(value) <= 90 else value[:88] + "…"

    def render_we_will(self, value):
        return value if len(value) <= 90 else value[:88] + "…"


class CustomerTable(tables.Table):
    name = tables.Column(accessor="full_name", linkify=True, order_by=("last_name", "first_name"))

    class Meta:
        model = Customer
        fields = ["name", "reference", "address", "postcode", "estate", "tenure", "preferred_channel"]
        sequence = ["name", "reference", "address", "postcode", "estate", "tenure", "preferred_channel"]
        order_by = ("name",)
