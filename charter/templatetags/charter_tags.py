from django import template

from ..services import format_value

register = template.Library()

RAG_CLASSES = {"green": "badge-ok", "amber": "badge-due", "red": "badge-overdue"}


@register.filter
def rag_class(rag: str) -> str:
    return RAG_CLASSES.get(rag, "bg-light text-dark border")


@register.filter
def figure(value, unit: str) -> str:
    # A missing quarter resolves to "" in templates: that is "no figure", not a number.
    return format_value(None if value in ("", None) else value, unit)
