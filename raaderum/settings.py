"""Råderum settings: one module, driven by environment variables.

Every variable read here is listed in README.md ("Configuration"); a test keeps the two in step.
The defaults suit `make demo` on a laptop: SQLite under var/, DEBUG on. With DEBUG off the
settings refuse to start on the placeholder secret key.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("RAADERUM_VAR_DIR", BASE_DIR / "var"))

PLACEHOLDER_SECRET_KEY = "insecure-development-key-change-me"  # noqa: S105


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", PLACEHOLDER_SECRET_KEY)
if not DEBUG and SECRET_KEY == PLACEHOLDER_SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is the development placeholder. Set SECRET_KEY to a long random value "
        "(python -c 'import secrets; print(secrets.token_urlsafe(50))') or set DEBUG=true "
        "for development."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "template_partials",
    "csp",
    "simple_history",
    "axes",
    "raaderum.lib",
    "raaderum.organisation",
    "raaderum.rounds",
    "raaderum.proposals",
    "raaderum.ideas",
    "raaderum.communication",
    "raaderum.publication",
    "raaderum.prioritisation",
    "raaderum.decisions",
    "raaderum.followup",
    "raaderum.transparency",
    "raaderum.benchmark",
    "raaderum.ideabank",
    "raaderum.evaluation",
    "raaderum.questions",
    "raaderum.consultation",
    "raaderum.confidentiality",
    "raaderum.impactscreening",
    "raaderum.sso",
    "django_tasks",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Serves the collected static files in production (gunicorn without a separate file server).
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # SAML's own session cookie (SameSite=None): the identity provider's answer is a cross-site
    # POST, which does not carry the Lax session cookie. Untouched unless SAML is used.
    "djangosaml2.middleware.SamlSessionMiddleware",
    "raaderum.lib.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "raaderum.urls"
WSGI_APPLICATION = "raaderum.wsgi.application"

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
            ],
            "builtins": [
                "raaderum.lib.templatetags.money",
                "raaderum.lib.templatetags.raaderum_forms",
            ],
        },
    }
]

# SQLite by default (a file under var/), PostgreSQL through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'raaderum.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL + busy timeout + IMMEDIATE: concurrent writers wait for each other instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "organisation.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Login throttling (django-axes): after LOGIN_FAILURE_LIMIT wrong passwords for one user name
# from one address, that pair is locked for LOGIN_LOCKOUT_MINUTES. Locking per user name alone
# would let anyone lock a colleague out; per address alone would lock a whole town hall behind
# one NAT address.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "raaderum.ideas.spam.client_ip"
AXES_LOCKOUT_CALLABLE = "raaderum.organisation.views.locked_out"
AXES_VERBOSE = False
# Failed logins stay in the security log after the lock expires (person log, docs/deployment.md).
AXES_ENABLE_ACCESS_FAILURE_LOG = True
# `manage.py purge_logs` (daily cron) deletes those security log entries after this many days;
# six months, see docs/security.md "Retention". The audit history of budget records is kept.
SECURITY_LOG_RETENTION_DAYS = int(os.environ.get("SECURITY_LOG_RETENTION_DAYS", "180"))
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Danish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

# A catalog of ~200 proposals posts several fields per proposal (decisions, optimiser rules).
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "staticfiles"))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise looks there even before collectstatic
# In production whitenoise serves the collected files with hashed names and far-future caching
# (STATIC_MANIFEST=true needs `manage.py collectstatic` first); development and tests read the
# files where they are.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if env_bool("STATIC_MANIFEST", False)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# The footer links to the municipality's accessibility statement (made with the WAS-tool);
# this is the fallback for municipalities that have not set their own.
ACCESSIBILITY_STATEMENT_URL = os.environ.get("ACCESSIBILITY_STATEMENT_URL", "")

# Cookies and headers: secure by default when not in development.
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 10
# Sessions stay in the database, though another backend would save the simulator's toggle one
# indexed lookup (~0.2 ms): logging out must end a session at once. Signed cookies cannot be
# revoked (a copied cookie works until it expires, up to 10 hours); cached_db without a cache
# shared by all workers (none is configured: each worker has its own memory) keeps a logged-out
# session alive in the other workers' caches.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0"))
# Covers only names under Råderum's own host (e.g. *.raaderum.kommune.dk), not the kommune's site.
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Preloading into browsers is a decision for whoever owns the parent domain, not for this app.
SILENCED_SYSTEM_CHECKS = ["security.W021"]
if env_bool("BEHIND_HTTPS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# No inline script or style anywhere: every page's JavaScript is a static file.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# The public forms' rate limits count in the cache. One process's memory by default; with several
# gunicorn workers set CACHE_DIR so every worker counts in the same place (docs/deployment.md).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    if not os.environ.get("CACHE_DIR")
    else {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ["CACHE_DIR"],
    }
}

# E-mail: printed to the console unless SMTP is configured.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if os.environ.get("EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "raaderum@localhost")
# Links in e-mails need the site's address; requests are not there when cron sends reminders.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Background work (the PDF of a large catalog) goes through django-tasks' API: "thread" runs it
# beside the request (raaderum/lib/task_backends.py), "immediate" inside it (tests).
TASKS = {
    "default": {
        "BACKEND": {
            "thread": "raaderum.lib.task_backends.ThreadBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        }[os.environ.get("TASKS_BACKEND", "thread")]
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # pysaml2's schema library (SAML single sign-on) logs every schema it loads at INFO.
    "loggers": {"xmlschema": {"level": "WARNING"}},
}

# Single sign-on (raaderum/sso, docs/deployment.md "Single sign-on"): OpenID Connect (Entra ID,
# Keycloak) when OIDC_ISSUER is set, SAML 2.0 (KOMBIT's context handler, ADFS) when
# SAML_IDP_METADATA is. SSO_ROLE_MAP gives roles in municipalities by group
# (raaderum/sso/mapping.py).
# LOCAL_LOGIN=false turns off user names and passwords, also for the admin pages.
OIDC_ISSUER = os.environ.get("OIDC_ISSUER", "").rstrip("/")
OIDC_CLIENT_ID = os.environ.get("OIDC_CLIENT_ID", "")
OIDC_CLIENT_SECRET = os.environ.get("OIDC_CLIENT_SECRET", "")
OIDC_SCOPES = os.environ.get("OIDC_SCOPES", "openid profile email")
OIDC_GROUPS_CLAIM = os.environ.get("OIDC_GROUPS_CLAIM", "groups")
OIDC_USERNAME_CLAIM = os.environ.get("OIDC_USERNAME_CLAIM", "preferred_username")
OIDC_NAME = os.environ.get("OIDC_NAME", "Microsoft Entra ID")
SAML_IDP_METADATA = os.environ.get("SAML_IDP_METADATA", "")
SAML_ENTITY_ID = os.environ.get("SAML_ENTITY_ID", "")
SAML_CERT = os.environ.get("SAML_CERT", "")
SAML_KEY = os.environ.get("SAML_KEY", "")
SAML_GROUPS_ATTRIBUTE = os.environ.get(
    "SAML_GROUPS_ATTRIBUTE", "http://schemas.microsoft.com/ws/2008/06/identity/claims/role"
)
SAML_USERNAME_ATTRIBUTE = os.environ.get("SAML_USERNAME_ATTRIBUTE", "")
SAML_NAME = os.environ.get("SAML_NAME", "KOMBIT")
SSO_ROLE_MAP = os.environ.get("SSO_ROLE_MAP", "")
LOCAL_LOGIN = env_bool("LOCAL_LOGIN", True)
if not LOCAL_LOGIN:
    AUTHENTICATION_BACKENDS.remove("django.contrib.auth.backends.ModelBackend")
if OIDC_ISSUER:
    AUTHENTICATION_BACKENDS.append("raaderum.sso.oidc.OidcBackend")
if SAML_IDP_METADATA:
    AUTHENTICATION_BACKENDS.append("raaderum.sso.saml.SamlBackend")
# SSO answers never count towards django-axes' lock of a user name + address: a refusal there
# is the identity provider's decision, and many colleagues share one town hall address.
AXES_WHITELIST_CALLABLE = "raaderum.sso.views.is_sso_request"
# The request goes by HTTP-Redirect: the POST binding needs a self-submitting page (a script).
SAML_DEFAULT_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
SAML_SESSION_COOKIE_SAMESITE = "None" if SESSION_COOKIE_SECURE else "Lax"
