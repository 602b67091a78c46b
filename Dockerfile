# Production image: gunicorn serves the portal; the same image runs the Celery worker and beat.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 VAR_DIR=/srv/var
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core fonts-liberation \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /srv/portal
# Production lock only: no test tools in the image; hashes make a tampered download fail.
COPY requirements.lock ./
RUN pip install --no-cache-dir --require-hashes -r requirements.lock
COPY . .
# collectstatic needs settings but no database or real secret.
RUN DEBUG=0 SECRET_KEY=build-only-collectstatic-key-not-used-at-runtime-0123456789 \
    ALLOWED_HOSTS=localhost python manage.py collectstatic --noinput
RUN useradd --system --home /srv portal && mkdir -p /srv/var/media /srv/var/private-media && chown -R portal /srv/var
USER portal
EXPOSE 8000
# gunicorn.conf.py: bind, workers (WEB_CONCURRENCY), preload_app, access log.
CMD ["gunicorn", "engagement.wsgi:application", "--config", "gunicorn.conf.py"]
