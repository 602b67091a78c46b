from django import forms, template
from django.utils import timezone

from ..access import user_passes_policy
from ..deadlines import due_phrase
from ..registry import DEADLINE_KINDS, NAV_ITEMS

register = template.Library()


@register.simple_tag(takes_context=True)
def nav_items(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return []
    path = request.path
    items = []
    for item in NAV_ITEMS:
        if user_passes_policy(user, item.policy):
            url = item.url
            current = path == url if url == "/" else path.startswith(url)
            items.append({"label": item.label, "url": url, "current": current})
    return items


@register.filter
def days_phrase(due, today=None):
    """'due in 3 working days', 'due today', '2 working days overdue': every deadline shown to
    people is counted in working days, the unit of the deadline engine and of its notices."""
    return due_phrase(due, today or timezone.localdate())


@register.simple_tag
def deadline_rule(key: str) -> str:
    """The rule of a kind of deadline in words, from the constants it is computed with."""
    kind = DEADLINE_KINDS.get(key)
    return kind.rule if kind else ""


@register.filter
def error_anchor(field) -> str:
    """The id an error summary links to: the field's input, or the first option of a radio or
    checkbox group, or the first part of a split field (GOV.UK). Empty for a hidden field."""
    widget = field.field.widget
    if widget.is_hidden or not field.auto_id:
        return ""
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple | forms.MultiWidget):
        return f"{field.auto_id}_0"
    return field.auto_id
