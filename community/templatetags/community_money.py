from django import template

from community.money import pounds

register = template.Library()


@register.filter(name="pounds")
def pounds_filter(pence, pennies=True):
    """{{ budget.amount_pence|pounds }} → £140,000.00; {{ x|pounds:False }} drops .00."""
    return pounds(pence, pennies=bool(pennies))
