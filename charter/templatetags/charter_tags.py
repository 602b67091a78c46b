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


RAG_SYMBOLS = {"green": "●", "amber": "▲", "red": "■"}  # the charts' marker shapes: readable in greyscale


@register.filter
def rag_symbol(rag: str) -> str:
    return RAG_SYMBOLS.get(rag, "○")


@register.filter
def rag_label(rag: str) -> str:
    from ..models import Rag

    return Rag(rag).label if rag in Rag.values else Rag.NONE.label


@register.filter
def we_did(text: str) -> str:
    """What we did, without the "Done:" label staff sometimes type in front of it (the column says it)."""
    text = (text or "").strip()
    return text[5:].lstrip() if text.lower().startswith("done:") else text
