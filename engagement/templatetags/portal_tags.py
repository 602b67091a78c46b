from django import forms, template
from django.utils import timezone
from django.utils.encoding import force_str
from django_tables2.utils import AttributeDict

from ..access import user_passes_policy
from ..deadlines import due_phrase
from ..registry import DEADLINE_KINDS, NAV_ITEMS, PAGE_LINKS

register = template.Library()


@register.simple_tag(takes_context=True)
def nav_items(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None:
        return []
    path = request.path
    items = []
    for item in NAV_ITEMS:
        # Visitors who have not logged in see the public pages only (Get involved, You said, we did).
        allowed = user_passes_policy(user, item.policy) if user.is_authenticated else item.policy == "public"
        if allowed:
            url = item.url
            current = path == url if url == "/" else path.startswith(url)
            items.append({"label": item.label, "url": url, "current": current, "more": item.more})
    return items


@register.inclusion_tag("engagement/_page_links.html", takes_context=True)
def page_links(context, page: str, obj=None):
    """Links other apps add to this page (engagement.registry.register_page_link), for this user."""
    request = context.get("request")
    user = getattr(request, "user", None)
    links = []
    for link in PAGE_LINKS:
        if link.page != page:
            continue
        if link.policy != "public" and (user is None or not user_passes_policy(user, link.policy)):
            continue
        url = link.url(obj)
        if url:
            links.append({"label": link.label, "url": url})
    return {"links": links}


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
    if hasattr(widget, "anchor_for"):  # the GOV.UK date input: its first box in error
        return widget.anchor_for(field.auto_id, field.value())
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple | forms.MultiWidget):
        return f"{field.auto_id}_0"
    return field.auto_id


@register.simple_tag
def stack_rows(table) -> list:
    """This page's rows of a list table (engagement/_list_table.html) as (row attributes, [(cell
    attributes, cell)]): each cell's attributes are its column's own, plus what makes the row a card
    on a phone: the first cell is the card's title, the `stack_lead` columns come next, every cell
    but the title is labelled with its column's heading.

    A cell's attributes depend only on its column here (no list gives a cell attributes worked out
    from its record), so they are worked out once a column, not once a cell: 450 cells a page."""
    lead = getattr(table, "stack_lead", ()) or ()
    by_column = {}
    for number, column in enumerate(table.columns):
        attrs = AttributeDict(column.attrs.get("td", {}))
        classes = (attrs.get("class") or "").split()
        if number == 0:
            classes += [] if "stack-title" in classes else ["stack-title"]
        else:
            attrs["data-label"] = force_str(column.header)
            if column.name in lead:
                classes.append("stack-lead")
        if classes:
            attrs["class"] = " ".join(classes)
        by_column[column.name] = attrs.as_html()
    return [
        (row.attrs.as_html(), [(by_column[column.name], cell) for column, cell in row.items()])
        for row in table.paginated_rows
    ]


@register.simple_tag
def stack_table_attrs(table) -> str:
    """A list table's attributes with the class that turns its rows into cards on a phone."""
    attrs = AttributeDict(table.attrs)
    classes = (attrs.get("class") or "table").split()
    if "table-stack" not in classes:
        classes.append("table-stack")
    attrs["class"] = " ".join(classes)
    return attrs.as_html()


@register.filter
def filter_input(field):
    """A list filter's input with Bootstrap's class for its kind (engagement/_filter_field.html):
    the filters of every list are drawn on every page view, so they skip crispy's per-field
    templates. A widget that brings its own class (a day/month/year date) keeps it."""
    widget = field.field.widget
    attrs = {}
    if not widget.attrs.get("class") and not isinstance(widget, forms.MultiWidget):
        if isinstance(widget, forms.CheckboxInput | forms.RadioSelect | forms.CheckboxSelectMultiple):
            kind = "form-check-input"
        elif isinstance(widget, forms.Select):
            kind = "form-select"
        else:
            kind = "form-control"
        attrs["class"] = f"{kind} is-invalid" if field.errors else kind
    if isinstance(widget, forms.Select) and widget.template_name == forms.Select.template_name:
        # The same markup with the options inline: an included template an option was a third
        # of a list's filter form.
        widget.template_name = "engagement/widgets/filter_select.html"
    return field.as_widget(attrs=attrs)


@register.filter
def more_items(items) -> bool:
    return any(item["more"] for item in items)


@register.filter
def more_current(items) -> bool:
    return any(item["more"] and item["current"] for item in items)
