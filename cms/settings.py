"""Settings for the counsellor content CMS.

Everything that differs between a laptop, CI and production comes from the environment
(12-factor). The defaults give a working quick start (local PostgreSQL, local-memory cache, console
email); production (``DJANGO_ENV=production``) refuses to start without a ``SECRET_KEY``.
"""

import datetime
import os
import secrets
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

from cms.database import parse_database_url
from community.sso import oidc_providers

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name, default=None):
    value = os.environ.get(name)
    return default if value in (None, "") else value


def env_bool(name, default=False):
    value = env(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DJANGO_ENV = env("DJANGO_ENV", "development")
PRODUCTION = DJANGO_ENV == "production"
TESTING = "pytest" in sys.modules or env_bool("TESTING")

SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. DJANGO_ENV=production needs a long random SECRET_KEY "
            "in the environment, e.g. the output of "
            "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`."
        )
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"

DEBUG = env_bool("DEBUG", default=False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver")

# The JOD frontend(s): CORS, CSRF trusted origins, preview and webhook targets.
FRONTEND_URLS = env_list("FRONTEND_URLS", "" if PRODUCTION else "http://localhost:3000")
WEBHOOK_SECRET = env("WEBHOOK_SECRET", "" if PRODUCTION else "dev-webhook-secret")

INSTALLED_APPS = [
    "ohjaaja",
    "jod",
    "cms",
    "community",
    "guidance",
    "search",
    "wagtail_localize",
    "wagtail_headless_preview",
    "wagtail_localize.locales",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "corsheaders",
    "axes",
    "ninja",  # Swagger UI from its own static files instead of a CDN
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "allauth.headless",
]

MIDDLEWARE = [
    "cms.cache.RequestMemoMiddleware",
    "cms.middleware.BodySizeLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "cms.middleware.ContentSecurityPolicyMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "cms.middleware.RetryAfterMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ohjaaja.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "cms" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# PostgreSQL is required: search uses its full-text engine, arrays and GIN indexes. Without
# DATABASE_URL (development, tests, benchmarks) the project starts an embedded PostgreSQL of its
# own (cms.embedded_postgres); production must name its server.
DATABASE_URL = env("DATABASE_URL")
DATABASE_OPTIONS = {
    "conn_max_age": int(env("DB_CONN_MAX_AGE", "60")),
    "conn_health_checks": True,
}
EMBEDDED_DATABASE = None  # the embedded server's socket directory, when it is in use
if DATABASE_URL:
    DATABASES = {"default": parse_database_url(DATABASE_URL, **DATABASE_OPTIONS)}
elif PRODUCTION:
    raise ImproperlyConfigured(
        "DATABASE_URL is not set. DJANGO_ENV=production needs an external PostgreSQL, e.g. "
        "postgres://user:password@db.example:5432/ohjaaja_cms; the embedded development "
        "database is never used in production."
    )
else:
    from cms import embedded_postgres

    EMBEDDED_DATABASE = embedded_postgres.start("ohjaaja_cms")
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": "ohjaaja_cms",
            "USER": embedded_postgres.SUPERUSER,
            "PASSWORD": "",
            "HOST": EMBEDDED_DATABASE,
            "PORT": "",
            "CONN_MAX_AGE": DATABASE_OPTIONS["conn_max_age"],
            "CONN_HEALTH_CHECKS": True,
        }
    }
if TESTING and not PRODUCTION:
    # Test databases are thrown away: a crash may lose the last commits, never consistency.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------------
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            # Each test process keeps to keys of its own, so a development server sharing
            # this Redis keeps its cache and sessions (tests clear only their prefix).
            "KEY_PREFIX": f"test-{os.getpid()}-{secrets.token_hex(4)}"
            if "pytest" in sys.modules
            else "cms",
            "OPTIONS": {
                # A Redis outage degrades the cache to a miss instead of failing reads.
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Auth -----------------------------------------------------------------------------------
AUTH_USER_MODEL = "community.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "wagtailadmin_login"

# --- Internationalisation ---------------------------------------------------------------------
LANGUAGE_CODE = "fi"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = WAGTAILADMIN_PERMITTED_LANGUAGES = [
    ("fi", "Suomi"),
    ("sv", "Svenska"),
    ("en", "English"),
]
CONTENT_LOCALES = [code for code, _name in LANGUAGES]
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True

# --- Static and media -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "static")))
MEDIA_URL = env("MEDIA_URL", "/media/")  # an absolute URL when media lives on object storage
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
BACKUP_DIR = Path(env("BACKUP_DIR", str(BASE_DIR / "backups")))  # manage.py backup
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# --- Email ----------------------------------------------------------------------------------


def _email_settings(url):
    """Read ``EMAIL_URL`` (``smtp://user:pass@host:587?tls=1``, ``console:``, ``locmem:``)."""
    parts = urlsplit(url)
    backends = {
        "console": "django.core.mail.backends.console.EmailBackend",
        "locmem": "django.core.mail.backends.locmem.EmailBackend",
        "smtp": "django.core.mail.backends.smtp.EmailBackend",
        "smtps": "django.core.mail.backends.smtp.EmailBackend",
    }
    if parts.scheme not in backends:
        raise ImproperlyConfigured(f"EMAIL_URL scheme must be one of {sorted(backends)}.")
    return {
        "EMAIL_BACKEND": backends[parts.scheme],
        "EMAIL_HOST": parts.hostname or "localhost",
        "EMAIL_PORT": parts.port or (465 if parts.scheme == "smtps" else 25),
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_SSL": parts.scheme == "smtps",
        "EMAIL_USE_TLS": "tls=1" in parts.query,
    }


globals().update(_email_settings(env("EMAIL_URL", "console:")))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "ohjaajat@example.invalid")

# --- Background tasks (django-tasks; a database queue with a worker process) ---------------
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if TESTING or env_bool("TASKS_IMMEDIATE")
            else "django_tasks_db.DatabaseBackend"
        )
    }
}

# --- Search -----------------------------------------------------------------------------------
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "simple",
    }
}
# Project search (search app): the database by default; Elasticsearch 8/9 when this is set.
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL")
ELASTICSEARCH_INDEX_PREFIX = env("ELASTICSEARCH_INDEX_PREFIX", "ohjaaja")
ELASTICSEARCH_TIMEOUT = float(env("ELASTICSEARCH_TIMEOUT", "2"))
# Seconds a search result stays cached (content changes invalidate it sooner); 0 disables.
SEARCH_CACHE_TIMEOUT = int(env("SEARCH_CACHE_TIMEOUT", "300"))
SEARCH_RATE = env("SEARCH_RATE", "60/min")  # per client address
# How many of a broad query's matches get the full ranking (search.database); the rest only a
# first-pass score. Facets and the total still count every match.
SEARCH_CANDIDATES = int(env("SEARCH_CANDIDATES", "200"))

# --- Wagtail ----------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Ohjaajan osio"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "cms.CustomImage"
WAGTAILDOCS_DOCUMENT_MODEL = "cms.CustomDocument"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "odp", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# --- Security ---------------------------------------------------------------------------------
# How many proxies of our own (load balancer, CDN) sit in front and append to X-Forwarded-For.
# 0 (the default): the header is ignored and the TCP peer is the client (cms/clients.py).
TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_TRUSTED_ORIGINS = FRONTEND_URLS[:]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Wagtail's live preview panel frames the admin's own preview view, so SAMEORIGIN, not DENY
# (CSP frame-ancestors 'self' says the same to modern browsers).
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no editor's email hash goes to a third party


def _origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


_FRONTEND_ORIGINS = sorted({o for o in map(_origin, FRONTEND_URLS) if o})
_MEDIA_ORIGIN = [o for o in [_origin(MEDIA_URL)] if o]
# django-csp: strict by default (scripts only from this origin); cms.middleware relaxes it for
# the admin's few inline scripts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],  # the admin sets style attributes
        "img-src": ["'self'", "data:", "blob:", *_MEDIA_ORIGIN],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        # Draft preview shows the frontend in the admin; embeds show their players.
        "frame-src": [
            "'self'",
            *_FRONTEND_ORIGINS,
            "https://www.youtube-nocookie.com",
            "https://www.youtube.com",
            "https://player.vimeo.com",
        ],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 31_536_000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# --- Logging: one JSON object per line, personal data redacted (cms.logging) ------------------
LOG_FORMAT = env("LOG_FORMAT", "json")  # "plain" for reading on a laptop
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "cms.logging.RedactPersonalData"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": ["levelname", "name", "message"],
            "rename_fields": {"levelname": "level", "name": "logger"},
            "timestamp": True,
            "json_ensure_ascii": False,
        },
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["redact"],
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING" if TESTING else "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "django.db.backends": {"level": "WARNING"},
        # Task start/finish lines at INFO drown everything else; failures still show.
        "django_tasks": {"level": "WARNING"},
        "embedded_postgres": {"level": "WARNING"},  # every start and stop at INFO
        "axes": {"level": "WARNING"},  # a line per successful login at INFO
    },
}
WAGTAILREDIRECTS_AUTO_CREATE = False  # the headless frontend owns URLs

# --- Counsellor accounts: django-allauth in headless mode --------------------------------------
# One way in per kind of account (community/backends.py): staff by username at /admin/login/,
# counsellors by verified email through allauth's headless API. django-axes comes first: after
# AXES_FAILURE_LIMIT failed sign-ins for one username, or from one client address, further
# attempts are refused (the right password included) for AXES_COOLOFF_TIME.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "community.backends.StaffBackend",
    "community.backends.CounsellorBackend",
]
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(env("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "cms.clients.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = None
AXES_VERBOSE = False
# Failed attempts (username, address) live until the cool-off ends or a success resets them;
# successful sign-ins are not logged (no personal data kept for nothing).
AXES_DISABLE_ACCESS_LOG = True
HEADLESS_ONLY = True
HEADLESS_CLIENTS = ("browser",)  # session cookie + CSRF; no API tokens for counsellors
_FRONTEND = FRONTEND_URLS[0] if FRONTEND_URLS else "http://localhost:3000"
HEADLESS_FRONTEND_URLS = {
    "account_confirm_email": f"{_FRONTEND}/tili/vahvista/{{key}}",
    "account_reset_password": f"{_FRONTEND}/tili/salasana",
    "account_reset_password_from_key": f"{_FRONTEND}/tili/salasana/{{key}}",
    "account_signup": f"{_FRONTEND}/tili/rekisteroidy",
    "socialaccount_login_error": f"{_FRONTEND}/tili/kirjaudu",
}
ACCOUNT_ADAPTER = "community.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_RATE_LIMITS = {
    "signup": env("SIGNUP_RATE_LIMIT", "5/m/ip,20/h/ip"),
    "login": env("LOGIN_RATE_LIMIT", "20/m/ip"),
    "login_failed": "10/m/ip,5/300s/key",
}
SOCIALACCOUNT_ONLY = False
# Production single sign-on through an OpenID Connect provider (for example the service's own
# identity broker); unset means email and password only. See community/sso.py for what the
# provider must assert and docs/community.md for the frontend's flow.
SOCIALACCOUNT_PROVIDERS = oidc_providers(os.environ)
SOCIALACCOUNT_ADAPTER = "community.adapters.SocialAccountAdapter"
# A provider-verified address signs into the account that verified the same address with us, and
# connects it, instead of a dead end ("account already exists").
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_STORE_TOKENS = False  # the CMS calls nothing on the counsellor's behalf
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{WAGTAIL_SITE_NAME}] "  # not the API host

# --- Community ----------------------------------------------------------------------------------
# Posts reported by this many different counsellors are hidden until a moderator looks.
COMMUNITY_REPORT_HIDE_THRESHOLD = int(env("COMMUNITY_REPORT_HIDE_THRESHOLD", "3"))
COMMUNITY_POST_RATE = env("COMMUNITY_POST_RATE", "20/min")  # per user
COMMUNITY_POST_RATE_PER_ADDRESS = env("COMMUNITY_POST_RATE_PER_ADDRESS", "60/min")
COMMUNITY_NEW_ACCOUNT_POST_RATE = env("COMMUNITY_NEW_ACCOUNT_POST_RATE", "5/min")
COMMUNITY_NEW_ACCOUNT_HOURS = int(env("COMMUNITY_NEW_ACCOUNT_HOURS", "24"))  # no links meanwhile
COMMUNITY_POST_MAX_CHARS = int(env("COMMUNITY_POST_MAX_CHARS", "5000"))
FRONTEND_BASE_URL = _FRONTEND

# --- The JOD counsellor frontend's content calls (jod/, docs/jod-frontend.md) ----------------
# Where its calls arrive (the frontend fetches /ohjaaja/cms/o/…; a proxy that strips a prefix
# changes this), the site id it sends, and the origin and prefix its browser reaches them at
# (for image and document links; default: the request's own origin).
JOD_PREFIX = env("JOD_PREFIX", "ohjaaja/cms/o/").strip("/") + "/"
JOD_SITE_ID = int(env("JOD_SITE_ID", "20117"))
JOD_PUBLIC_URL = env("JOD_PUBLIC_URL", "").rstrip("/")
# Where the frontend's user-data calls (``api/…``), sign-in (``login``) and sign-out (``logout``)
# arrive: the frontend's base path, which it shares with them (docs/jod-frontend.md).
JOD_USER_PREFIX = env("JOD_USER_PREFIX", "ohjaaja/").strip("/") + "/"

# --- API ---------------------------------------------------------------------------------------
# /readyz shows its checks (backends, versions, timings) only with this bearer token or to a
# superuser; everyone else gets the status alone.
READYZ_TOKEN = env("READYZ_TOKEN", "")
API_SERVER_CACHE = env_bool("API_SERVER_CACHE", True)
API_DOCS_ENABLED = env_bool("API_DOCS_ENABLED", not PRODUCTION)
# The OpenAPI document: on wherever the docs are, and on its own where a deployment wants it.
OPENAPI_ENABLED = env_bool("OPENAPI_ENABLED", API_DOCS_ENABLED)
GRAPHQL_INTROSPECTION = env_bool("GRAPHQL_INTROSPECTION", not PRODUCTION)
GRAPHIQL_ENABLED = env_bool("GRAPHIQL_ENABLED", not PRODUCTION)
API_MAX_BODY_BYTES = int(env("API_MAX_BODY_BYTES", str(64 * 1024)))
PREVIEW_TOKEN_MAX_AGE = int(env("PREVIEW_TOKEN_MAX_AGE", "600"))  # seconds
# A change touching more items than this (renaming a section, a keyword) leaves their read-model
# rows to the task worker; what it hides is still removed at once (guidance.read_model).
READ_MODEL_SYNC_LIMIT = int(env("READ_MODEL_SYNC_LIMIT", "50"))
NINJA_DEFAULT_THROTTLE_RATES = {"auth": "1000/min", "user": "1000/min", "anon": "1000/min"}

# --- Webhooks ------------------------------------------------------------------------------------
# Where publish/unpublish/move/delete notifications go: FRONTEND_URLS + WEBHOOK_PATH, or a
# comma-separated WEBHOOK_URLS when the receivers live elsewhere.
WEBHOOK_PATH = env("WEBHOOK_PATH", "/api/revalidate")
WEBHOOK_URLS = env_list(
    "WEBHOOK_URLS",
    ",".join(u.rstrip("/") + WEBHOOK_PATH for u in FRONTEND_URLS) if PRODUCTION else "",
)
WEBHOOK_TIMEOUT = float(env("WEBHOOK_TIMEOUT", "5"))
WEBHOOK_RETRY_DELAYS = [int(s) for s in env_list("WEBHOOK_RETRY_DELAYS", "10,60,300,1800,7200")]

# --- Preview: drafts in the frontend through a short-lived signed token ---
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": {
        "default": (FRONTEND_URLS[0].rstrip("/") + "/preview") if FRONTEND_URLS else "/"
    },
    "ENFORCE_TRAILING_SLASH": False,
}

# --- CORS: the JOD frontend origins may call the API and GraphQL ---------------------------------
CORS_ALLOWED_ORIGINS = FRONTEND_URLS[:]
CORS_URLS_REGEX = r"^/(api|graphql|_allauth)/.*$"
CORS_ALLOW_CREDENTIALS = True
CORS_EXPOSE_HEADERS = ["ETag", "Retry-After", "X-Cache"]

# --- Opintopolku training import -----------------------------------------------------------------
OPINTOPOLKU_SEARCH_URL = env(
    "OPINTOPOLKU_SEARCH_URL", "https://opintopolku.fi/konfo-backend/external/search/koulutukset"
)
OPINTOPOLKU_OFFER_URL = env(
    "OPINTOPOLKU_OFFER_URL", "https://opintopolku.fi/konfo/{lang}/koulutus/{oid}"
)
OPINTOPOLKU_CLASSIFICATION = env("OPINTOPOLKU_CLASSIFICATION", "ohjaajakoulutukset")
OPINTOPOLKU_PAGE_SIZE = min(200, int(env("OPINTOPOLKU_PAGE_SIZE", "100")))
OPINTOPOLKU_TIMEOUT = float(env("OPINTOPOLKU_TIMEOUT", "10"))
OPINTOPOLKU_RETRIES = int(env("OPINTOPOLKU_RETRIES", "2"))
OPINTOPOLKU_RETRY_BACKOFF = float(env("OPINTOPOLKU_RETRY_BACKOFF", "1"))
OPINTOPOLKU_RETIRE_MAX_SHARE = float(env("OPINTOPOLKU_RETIRE_MAX_SHARE", "0.3"))
OPINTOPOLKU_IMAGE_MAX_BYTES = int(env("OPINTOPOLKU_IMAGE_MAX_BYTES", str(3 * 1024 * 1024)))
# Theme images are fetched only from the search API's host and these (upstream names the URLs).
OPINTOPOLKU_IMAGE_HOSTS = env_list(
    "OPINTOPOLKU_IMAGE_HOSTS", "opintopolku.fi,konfo-files.opintopolku.fi,virkailija.opintopolku.fi"
)

# A translation is content like any other: "Translate this page" makes a draft in the target
# locale, published only through the Quality review workflow (wagtail-localize would otherwise
# publish the untranslated copy at once when the source is live).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# A completed "Quality review" workflow publishes; see guidance.workflows.
WAGTAIL_FINISH_WORKFLOW_ACTION = "guidance.workflows.publish_after_review"

# --- Benchmarks only: Wagtail's own API v3 as the stock-Wagtail baseline ---
BENCH_WAGTAIL_API_V3 = env_bool("BENCH_WAGTAIL_API_V3", False)
if BENCH_WAGTAIL_API_V3:
    INSTALLED_APPS.append("wagtail.api.v3")
