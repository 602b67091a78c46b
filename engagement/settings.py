"""Settings for the engagement portal.

One module, driven by environment variables with safe defaults (healthchecks style):
with nothing set it runs on SQLite with an embedded Celery broker, so `make run` needs
no server. Production sets DEBUG=0, SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL and
CELERY_BROKER_URL; `manage.py check --deploy` is then clean.
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


DEBUG = env_bool("DEBUG", default=True)
# The development key is only ever used with DEBUG on; production refuses to start without one.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise RuntimeError("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "dev-only-not-secret-engagement-portal-key-0123456789-abcdefghij"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" + (",testserver" if DEBUG else ""))
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
# Routes the bare "floor" view benchmarks/pages.py compares pages against (benchmarks/floor.py).
BENCHMARK_FLOOR = env_bool("BENCHMARK_FLOOR")
# The landlord's name, brand and contact details are data (engagement.landlord.Landlord), set by an
# administrator or `manage.py load_landlord <name>`, not settings.

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_tables2",
    "django_filters",
    "axes",
    "auditlog",
    "django_celery_beat",
    "django_celery_results",
    "cachalot",
    "engagement",
    "activities",
    "feedback",
    "surveys",
    "panels",
    "charter",
    "regulator",
    "voice",
    "schemes",
    "housing_system",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "api",
    "mailouts",
    "consultation",
    "community",
    "inspection",
    "involvement",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions, auth and views: a NUL byte in any parameter is a 400, never a 500.
    "engagement.middleware.RejectNulBytesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # CSP, no-store for logged-in pages, idle logout (needs the user and messages).
    "engagement.security.SecurityHeadersMiddleware",
    # Uploads per person and day, counted before any file is opened.
    "engagement.uploads.UploadQuotaMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    # Last, as django-axes asks: it turns a lockout into a response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "engagement.urls"
WSGI_APPLICATION = "engagement.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "engagement.context_processors.portal",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'portal.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default serves the web process, a worker and beat at once: WAL and an
    # immediate write lock keep them from tripping over "database is locked".
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "engagement.User"

AUTHENTICATION_BACKENDS = [
    # django-axes first, so that a locked-out login never reaches the password check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Login throttling: 5 failures for one username from one address locks it for 15 minutes.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# Behind the TLS proxy the visitor's address comes from X-Forwarded-For, but only when the request
# came from one of TRUSTED_PROXIES (addresses or networks, e.g. "10.0.0.0/8"); see engagement.security.
# (django-ipware is not installed, so axes' own AXES_IPWARE_* settings would be ignored.)
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
AXES_CLIENT_IP_CALLABLE = "engagement.security.client_ip"

# Prefix of the cache keys that count attempts and uploads (engagement.security.counter_add).
COUNTER_NAMESPACE = os.environ.get("COUNTER_NAMESPACE", "")

# Password-reset e-mails: at most this many per address and per client address an hour.
PASSWORD_RESET_PER_EMAIL = int(os.environ.get("PASSWORD_RESET_PER_EMAIL", "3"))
PASSWORD_RESET_PER_IP = int(os.environ.get("PASSWORD_RESET_PER_IP", "10"))
# Community and inspection apps: the public call-for-action and nomination forms, per client address.
COMMUNITY_PUBLIC_FORMS_PER_HOUR = int(os.environ.get("COMMUNITY_PUBLIC_FORMS_PER_HOUR", "5"))
PASSWORD_RESET_THROTTLE_SECONDS = 3600

# Sessions end after this long without a request (engagement.security), and after 12 hours at most.
SESSION_IDLE_STAFF_SECONDS = int(os.environ.get("SESSION_IDLE_STAFF_MINUTES", "30")) * 60
SESSION_IDLE_CUSTOMER_SECONDS = int(os.environ.get("SESSION_IDLE_CUSTOMER_MINUTES", "120")) * 60
SESSION_COOKIE_AGE = 12 * 60 * 60

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Papers, receipts, evidence and photos of people's homes: never served by URL, only by views
# that check who is asking.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private-media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Every private file (model fields use storage=engagement.storage.private_storage): a file
    # system storage at PRIVATE_MEDIA_ROOT with no URL. Its location follows PRIVATE_MEDIA_ROOT.
    "private": {"BACKEND": "engagement.storage.PrivateFileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Uploads (photos, sign-in sheets, papers) are checked per field; this caps the request.
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
MAX_UPLOAD_MB = int(os.environ.get("MAX_UPLOAD_MB", "8"))
# A photo's width × height is checked before it is decoded (engagement.uploads): 40 megapixels is
# more than a phone's default photo, and a "decompression bomb" PNG claims far more.
MAX_UPLOAD_PIXELS = int(os.environ.get("MAX_UPLOAD_PIXELS", "40000000"))
# Per person and day, whatever form or form token: more than a busy officer's day of photos and
# sign-in sheets, far less than what could tie up the web processes (engagement.uploads).
UPLOAD_DAILY_FILES = int(os.environ.get("UPLOAD_DAILY_FILES", "100"))
UPLOAD_DAILY_MB = int(os.environ.get("UPLOAD_DAILY_MB", "250"))

# The landlord's housing management system (housing_system): what the nightly sync reads and from where.
HOUSING_SYSTEM_NAME = os.environ.get("HOUSING_SYSTEM_NAME", "housing-system")  # whose saved column mappings
HOUSING_SYSTEM_SOURCE = os.environ.get("HOUSING_SYSTEM_SOURCE", "housing_system.sources.FolderSource")
HOUSING_SYSTEM_FOLDER = Path(os.environ.get("HOUSING_SYSTEM_FOLDER", VAR_DIR / "housing-system-inbox"))
HOUSING_SYSTEM_SFTP_HOST = os.environ.get("HOUSING_SYSTEM_SFTP_HOST", "")
HOUSING_SYSTEM_SFTP_PORT = int(os.environ.get("HOUSING_SYSTEM_SFTP_PORT", "22"))
HOUSING_SYSTEM_SFTP_USER = os.environ.get("HOUSING_SYSTEM_SFTP_USER", "")
HOUSING_SYSTEM_SFTP_KEY_FILE = os.environ.get("HOUSING_SYSTEM_SFTP_KEY_FILE", "")
HOUSING_SYSTEM_SFTP_KNOWN_HOSTS = os.environ.get("HOUSING_SYSTEM_SFTP_KNOWN_HOSTS", "")  # else the system's
HOUSING_SYSTEM_SFTP_PATH = os.environ.get("HOUSING_SYSTEM_SFTP_PATH", ".")
# A customer file of 50,000 rows is about 10 MB; a workbook more.
HOUSING_SYSTEM_MAX_FILE_MB = int(os.environ.get("HOUSING_SYSTEM_MAX_FILE_MB", "50"))
# A larger upload is checked and saved by a worker, not in the web request (gunicorn's 30 s).
HOUSING_SYSTEM_BACKGROUND_MB = float(os.environ.get("HOUSING_SYSTEM_BACKGROUND_MB", "1"))
# A full extract that would end more than this share of the current customers (and more than 5) is
# refused as probably cut short: a truncated export must not end everyone after the cut.
HOUSING_SYSTEM_MAX_LEAVERS_PERCENT = int(os.environ.get("HOUSING_SYSTEM_MAX_LEAVERS_PERCENT", "10"))

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"
DJANGO_TABLES2_TEMPLATE = "django_tables2/bootstrap5-responsive.html"
DJANGO_TABLES2_TABLE_ATTRS = {"class": "table table-striped align-middle"}

# Email: console in development, SMTP from EMAIL_* in production.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "engagement@trident.example")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery. Production: Redis. Embedded default: Kombu's filesystem transport (no server),
# so `make run` has a real worker and beat.
REDIS_URL = os.environ.get("REDIS_URL", "")
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "filesystem://")
CELERY_BROKER_TRANSPORT_OPTIONS = {}
if CELERY_BROKER_URL.startswith("filesystem://"):
    _queue_dir = VAR_DIR / "celery" / "queue"
    _processed_dir = VAR_DIR / "celery" / "processed"
    # Exchange bindings; Kombu's default is ./control, i.e. wherever the process started.
    _control_dir = VAR_DIR / "celery" / "control"
    for _folder in (_queue_dir, _processed_dir, _control_dir):
        _folder.mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_queue_dir),
        "data_folder_out": str(_queue_dir),
        "processed_folder": str(_processed_dir),
        "control_folder": str(_control_dir),
        "store_processed": False,
    }
CELERY_RESULT_BACKEND = "django-db"
CELERY_RESULT_EXTENDED = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER")
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# Defaults that the beat scheduler copies into the database, where the manager can see and
# change them in the admin (django-celery-beat). Each app adds its daily jobs here.
CELERY_BEAT_SCHEDULE: dict = {}

CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "stamps": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "stamps"},
}
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL},
        # The tables' write stamps (below): the same Redis, but a write that saved its data never
        # fails because Redis went down before the stamp (engagement/stamp_cache.py).
        "stamps": {
            "BACKEND": "engagement.stamp_cache.ForgivingRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        },
    }

# django-cachalot for its invalidation stamps only: every write through Django (save, update,
# bulk_create, delete, a migration, raw SQL) stamps its table in the shared cache, and a dashboard
# panel's cached figures are keyed on the stamps of the tables it read (engagement/freshness.py).
# Its query cache stays off: every query still reaches the database.
CACHALOT_ENABLED = False
CACHALOT_CACHE = "stamps"
# Tables written on every request or by the scheduler, which no cached reading reads.
CACHALOT_UNCACHABLE_TABLES = frozenset(
    {
        "django_migrations",
        "django_session",
        "axes_accessattempt",
        "axes_accesslog",
        "axes_accessfailurelog",
        "django_celery_results_taskresult",
        "django_celery_beat_periodictask",
        "django_celery_beat_periodictasks",
    }
)
# cachalot knows Django's Redis cache by its dotted path only; the stamps cache is that class
# with failures logged (engagement/stamp_cache.py).
SILENCED_SYSTEM_CHECKS = ["cachalot.W001"]

# The read API (app `api`): bearer tokens with scopes, deny by default, JSON only (no browsable API),
# a rate per token counted in the default cache (Redis in production, see CACHES above).
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["api.authentication.BearerTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.TokenRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"api_token": os.environ.get("API_RATE", "120/minute")},
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "api.pagination.RecordPagination",
    "COERCE_DECIMAL_TO_STRING": False,  # figures as JSON numbers, as BI tools expect
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Customer engagement portal API",
    "DESCRIPTION": "Read-only API for the landlord's other systems. Send `Authorization: Bearer <token>`; "
    "each endpoint says the scope it needs. Personal data only with personal:read (or a customer token, "
    "on its own records).",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_NO_READ_ONLY_REQUIRED": True,  # fields a scope hides are absent, so none is "required"
    # Swagger UI from our own static files (drf-spectacular-sidecar), never a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # A complaint's stage 1 and stage 2 outcomes are one set of choices: one name in the schema.
    "ENUM_NAME_OVERRIDES": {"ComplaintOutcomeEnum": "feedback.models.Outcome"},
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # WeasyPrint narrates every layout step at INFO: a 100-page letter batch would fill the log.
    "loggers": {"axes": {"level": "WARNING"}, "weasyprint": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}},
}

# A representative voice (voice app): equality counts under this many people are never shown
# anywhere (pages, reports, the dashboard); a gap of this many percentage points or more between
# who we heard from and our customers is called under- or over-representation.
VOICE_SMALL_CELL = int(os.environ.get("VOICE_SMALL_CELL", "5"))
VOICE_GAP_POINTS = float(os.environ.get("VOICE_GAP_POINTS", "5"))
# Mail-outs (mailouts/sms.py): text messages through a pluggable backend. Console in development;
# in production the provider's HTTP API (URL and key from the environment).
SMS_BACKEND = os.environ.get("SMS_BACKEND", "mailouts.sms.ConsoleBackend")
SMS_FILE_PATH = Path(os.environ.get("SMS_FILE_PATH", VAR_DIR / "sms"))
SMS_HTTP_URL = os.environ.get("SMS_HTTP_URL", "")
SMS_HTTP_API_KEY = os.environ.get("SMS_HTTP_API_KEY", "")
SMS_SENDER = os.environ.get("SMS_SENDER", "Housing")
# The consultation club's quarterly satisfaction sample (consultation/sampling.py): nobody is
# sampled again within this many days; over this share of customers is surveyed each year.
CONSULTATION_NO_REPEAT_DAYS = int(os.environ.get("CONSULTATION_NO_REPEAT_DAYS", "365"))
CONSULTATION_YEARLY_SHARE = float(os.environ.get("CONSULTATION_YEARLY_SHARE", "0.5"))
