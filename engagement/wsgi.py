import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "engagement.settings")
application = get_wsgi_application()


def _warm() -> None:
    """Import every view (through the URLconf) and compile the templates most pages extend, before
    gunicorn forks its workers (preload_app in gunicorn.conf.py). No database access here: a
    connection opened in the master would be shared by every worker."""
    from django.template.loader import get_template
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018  (imports each app's views)
    for name in ("base.html", "engagement/list.html", "engagement/_list_table.html", "engagement/home_manager.html"):
        get_template(name)


_warm()
