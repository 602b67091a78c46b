"""gunicorn's settings wherever the portal runs under it (Dockerfile, docker-compose.yml,
benchmarks/pages.py); command-line options override them.

preload_app: the master imports the portal once (engagement/wsgi.py also loads every URL's views
and the main templates) and forks its workers from it, so a new worker answers its first request
in milliseconds instead of importing for seconds, and the workers share that memory.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
preload_app = True
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
