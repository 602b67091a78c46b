from django.conf import settings


def portal(request):
    user = getattr(request, "user", None)
    unread = 0
    if user is not None and user.is_authenticated:
        unread = user.notifications.filter(read_at__isnull=True).count()
        large_print = user.wants_large_print
    else:
        large_print = bool(request.session.get("large_text")) if hasattr(request, "session") else False
    return {
        "large_print": large_print,
        "SITE_NAME": settings.SITE_NAME,
        "LANDLORD_NAME": settings.LANDLORD_NAME,
        "unread_notifications": unread,
    }
