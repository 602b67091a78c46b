from .landlord import landlord_current


def portal(request):
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        large_print = user.wants_large_print
    else:
        large_print = bool(request.session.get("large_text")) if hasattr(request, "session") else False
    landlord = landlord_current(request)
    return {
        "large_print": large_print,
        "LANDLORD": landlord,
        "SITE_NAME": landlord.site_name,
        "LANDLORD_NAME": landlord.name,
        "unread_notifications": unread_count(request),
    }


def unread_count(request) -> int:
    """The badge in the menu, counted once a request: a page that renders another template with
    the request (every list's table, through django-tables2) runs the context processors again."""
    if not hasattr(request, "_unread_notifications"):
        user = getattr(request, "user", None)
        unread = 0
        if user is not None and user.is_authenticated:
            unread = user.notifications.filter(read_at__isnull=True).count()
        request._unread_notifications = unread
    return request._unread_notifications
