from django import forms, template
from django.utils import timezone

from ..access import user_passes_policy
from ..registry import NAV_ITEMS

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
    """'due in 3 days', 'due today', '2 days overdue' — for deadlines shown to people."""
    if due is None:
        return ""
    today = today or timezone.localdate()
    delta = (due - today).days
    if delta == 0:
        return "due today"
    if delta == 1:
        return "due tomorrow"
    if delta > 1:
        return f"due in {delta} days"
    if delta == -1:
        return "1 day overdue"
    return f"{-delta} days overdue"


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
