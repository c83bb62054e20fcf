"""Settings for Cổng thông tin LHH.

Every value comes from the environment (or an optional `.env` file beside
manage.py); `.env.example` lists them all. The defaults are the safe,
production ones: `make run` and the test configuration set the development
values themselves.
"""

import urllib.parse
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
if (BASE_DIR / ".env").is_file():
    environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "Chưa đặt SECRET_KEY. Khi DEBUG tắt, biến môi trường SECRET_KEY là bắt "
            "buộc (một chuỗi ngẫu nhiên dài, giữ bí mật); xem .env.example."
        )
    # A fixed, visibly unsafe key for local development only: never a random
    # one, which would log everybody out at each restart and hide the mistake.
    SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "axes",
    "reversion",
    "django_ckeditor_5",
    "captcha",
    "imagekit",
    "adminsortable2",
    # Spreadsheets in the admin (core.spreadsheets).
    "import_export",
    # The task queue's worker (manage.py run_huey) and each app's tasks.py.
    "huey.contrib.djhuey",
    "core",
    # Thư đi: every email the site sends, queued and retried (mail.outbox).
    "mail",
    "medialibrary",
    "search",
    "sitecontent",
    "visits",
    "news",
    "members",
    "documents",
    "qa",
    "gallery",
    # Đăng ký trực tuyến, then the contests that point to its forms.
    "registrations",
    "contests",
    # Sự kiện: events, their calendar and iCalendar feed.
    "events",
    # Bản tin: issues of the association's bulletin, their PDF and contents.
    "bulletins",
    # Moving in from the old portal: it writes into the feature apps above.
    "oldsite",
    # The project last: it uses every app above.
    "lhh",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # An ETag on every page, and 304 to a request that holds it already.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Acts only on 404 answers: an old portal's address gets its 301.
    "oldsite.middleware.OldAddressRedirectMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Last, as django-axes asks.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "lhh.urls"
WSGI_APPLICATION = "lhh.wsgi.application"

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
                "core.context_processors.cache",
                "sitecontent.context_processors.site",
                "lhh.context_processors.main_menu_and_date",
            ],
        },
    },
]

# Database: a SQLite file in the project folder unless DATABASE_URL says
# otherwise (PostgreSQL in production: postgres://user:pass@host:5432/name).
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}")
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and immediate transactions let several gunicorn workers share the
    # file without "database is locked" errors.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
        }
    )
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        # A server that does not answer fails the request (and /healthz)
        # after this many seconds instead of holding the worker; a
        # ?connect_timeout= in DATABASE_URL wins.
        DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
            "connect_timeout", env.int("DATABASE_CONNECT_TIMEOUT", default=5)
        )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache is shared by every worker process: files on disk by default,
# Redis in production (redis://127.0.0.1:6379/1).
CACHES = {
    "default": env.cache("CACHE_URL", default=f"filecache://{BASE_DIR / 'var' / 'cache'}"),
    # Each worker's own memory in front of the shared cache (core.cache).
    "local": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "lhh-local",
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
}

if CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache":
    # Redis speeds the site up but is not needed to serve it: a Redis that
    # is down or hung costs each cache call at most these many seconds
    # (Redis answers in well under a millisecond) and counts as a miss,
    # logged by the django_redis logger, never a 500.
    # Options in CACHE_URL's query string (?socket_timeout=2) win.
    CACHES["default"]["OPTIONS"] = {
        "SOCKET_CONNECT_TIMEOUT": env.float("CACHE_SOCKET_CONNECT_TIMEOUT", default=0.5),
        "SOCKET_TIMEOUT": env.float("CACHE_SOCKET_TIMEOUT", default=0.5),
        "IGNORE_EXCEPTIONS": True,
        **CACHES["default"].get("OPTIONS", {}),
    }
# Each cache call that failed is logged (django_redis.cache), with its error.
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

# EMAIL_URL sets EMAIL_BACKEND, EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER…
# (smtp+tls://user:password@mail.example.vn:587).
globals().update(env.email_url("EMAIL_URL", default="consolemail://"))
# Seconds an SMTP connection or reply may take before sending fails.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="webmaster@localhost")
SERVER_EMAIL = env.str("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
ADMINS = [("Quản trị", email) for email in env.list("ADMIN_EMAILS", default=[])]

# The outbox (mail/): attempts before an email is marked failed (lỗi), and
# the minutes to wait before each retry (the last one repeats).
MAIL_MAX_ATTEMPTS = env.int("MAIL_MAX_ATTEMPTS", default=8)
MAIL_RETRY_MINUTES = env.list("MAIL_RETRY_MINUTES", cast=int, default=[1, 5, 30, 120, 360, 720])
# Days a sent email stays in the outbox (it holds addresses: personal data).
MAIL_RETENTION_DAYS = env.int("MAIL_RETENTION_DAYS", default=180)

# Background jobs (huey): emails, text extraction, renditions and periodic
# maintenance run in the worker (manage.py run_huey; make run starts it).
# The queue is a SQLite file in var/ unless HUEY_URL names a Redis server
# (redis://127.0.0.1:6379/2). HUEY_IMMEDIATE=1 runs every task at once in
# the process that queued it, without a worker (tests).
HUEY_URL = env.str("HUEY_URL", default="")
HUEY_IMMEDIATE = env.bool("HUEY_IMMEDIATE", default=False)
if HUEY_URL:
    # A Redis that is down costs a request at most the connect timeout (the
    # email stays in the outbox and is queued again later); the worker's
    # reads block for 1 s, so its socket timeout is longer. They go into the
    # URL's query string (redis-py reads them there; huey takes either a URL
    # or connection options, not both); values already in HUEY_URL win.
    _huey_url = urllib.parse.urlsplit(HUEY_URL)
    _huey_query = {
        "socket_connect_timeout": env.str("HUEY_SOCKET_CONNECT_TIMEOUT", default="1"),
        "socket_timeout": env.str("HUEY_SOCKET_TIMEOUT", default="5"),
        **dict(urllib.parse.parse_qsl(_huey_url.query)),
    }
    HUEY = {
        "huey_class": "huey.RedisHuey",
        "name": "lhh",
        "url": _huey_url._replace(query=urllib.parse.urlencode(_huey_query)).geturl(),
        "immediate": HUEY_IMMEDIATE,
        "utc": True,
    }
else:
    HUEY = {
        "huey_class": "huey.SqliteHuey",
        "name": "lhh",
        "filename": env.str("HUEY_FILENAME", default=str(BASE_DIR / "var" / "huey.sqlite3")),
        "immediate": HUEY_IMMEDIATE,
        "utc": True,
    }
    if not HUEY_IMMEDIATE:
        # huey opens its file as soon as it is imported (by every manage.py
        # command): its folder must exist even on a fresh checkout.
        Path(HUEY["filename"]).parent.mkdir(parents=True, exist_ok=True)
# No task's return value is ever read: none is kept in the queue's storage.
HUEY["results"] = False
HUEY["consumer"] = {"workers": env.int("HUEY_WORKERS", default=2), "worker_type": "thread"}
# /healthz reports the worker as failing when its last heartbeat (written
# every minute) is older than this many seconds.
WORKER_HEARTBEAT_MAX_AGE = env.int("WORKER_HEARTBEAT_MAX_AGE", default=300)

# Periodic maintenance (lhh/tasks.py), days kept: django-axes' records of
# admin logins, and django-reversion's versions (0 keeps every version).
AXES_LOG_RETENTION_DAYS = env.int("AXES_LOG_RETENTION_DAYS", default=90)
REVISION_RETENTION_DAYS = env.int("REVISION_RETENTION_DAYS", default=730)
# The nightly backup (manage.py backup), hour and minute in TIME_ZONE, run
# by the worker; BACKUP_BY_WORKER=0 leaves it to a systemd timer instead
# (deploy/systemd/lhh-backup.timer, which deploy/install.sh sets up).
BACKUP_HOUR = env.int("BACKUP_HOUR", default=2)
BACKUP_MINUTE = env.int("BACKUP_MINUTE", default=30)
BACKUP_BY_WORKER = env.bool("BACKUP_BY_WORKER", default=True)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

LANGUAGE_CODE = "vi"
# English only for the English section (/en/, sitecontent.views): its views
# switch it on themselves. There is no LocaleMiddleware, so every other page,
# and the admin, is Vietnamese whatever a browser asks for.
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
# The project's catalogue completes and corrects the libraries' Vietnamese
# (Django's admin, auth, django-axes, django-reversion…); LOCALE_PATHS come
# before every app's own catalogue, which a catalogue of the lhh app would not.
LOCALE_PATHS = [BASE_DIR / "lhh" / "locale"]
USE_TZ = True
FORMAT_MODULE_PATH = ["lhh.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "var" / "static")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "media")
# Every /media/ address is answered by Django (core.media), which decides
# who may have the file; behind nginx it names the file in this internal
# location (X-Accel-Redirect) and nginx sends it. Empty: Django sends it.
MEDIA_ACCEL_REDIRECT = env.str("MEDIA_ACCEL_REDIRECT", default="")

# `manage.py backup` writes its archives here and keeps the newest
# BACKUP_KEEP of them (0 keeps all); keep the folder off the media storage.
BACKUP_DIR = env.path("BACKUP_DIR", default=BASE_DIR / "var" / "backups")
BACKUP_KEEP = env.int("BACKUP_KEEP", default=14)

# Hashed, compressed static files in production; plain ones for development
# and tests, which do not run collectstatic.
STATIC_MANIFEST = env.bool("STATIC_MANIFEST", default=not DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if STATIC_MANIFEST
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Uploads on S3-compatible object storage (django-storages) when a bucket is
# named: every app server then sees the same files without a shared disk.
# The bucket stays private: a file's address is still /media/<name>, where
# core.media checks who may have it, then sends the visitor to a signed
# address of it valid AWS_QUERYSTRING_EXPIRE seconds (core.storage).
# Backups and restores read and write it through the same storage API.
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    from botocore.config import Config as _BotoConfig

    STORAGES["default"] = {
        # S3Storage, with every address through the site (/media/…).
        "BACKEND": "core.storage.ObjectStorage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            # Another provider than AWS (MinIO, a Vietnamese cloud's S3):
            # its address.
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("AWS_S3_REGION_NAME", default="") or None,
            "access_key": env.str("AWS_ACCESS_KEY_ID", default=""),
            "secret_key": env.str("AWS_SECRET_ACCESS_KEY", default=""),
            "location": env.str("AWS_LOCATION", default=""),
            "default_acl": None,
            "querystring_auth": True,
            "querystring_expire": env.int("AWS_QUERYSTRING_EXPIRE", default=3600),
            # A name the server chose is never reused for another file.
            "file_overwrite": False,
            "client_config": _BotoConfig(
                # "path" for a provider without per-bucket host names.
                s3={"addressing_style": env.str("AWS_S3_ADDRESSING_STYLE", default="auto")},
                signature_version="s3v4",
                # An object store that does not answer fails the request
                # (and /healthz) after these many seconds instead of
                # holding the worker.
                connect_timeout=env.float("AWS_S3_CONNECT_TIMEOUT", default=3.0),
                read_timeout=env.float("AWS_S3_READ_TIMEOUT", default=20.0),
                retries={"max_attempts": 2, "mode": "standard"},
            ),
        },
    }

FILE_UPLOAD_PERMISSIONS = 0o644
# Requests larger than this are refused before a view sees them; per-field
# limits (images, documents) are checked by the upload validators.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
IMAGE_MAX_UPLOAD_SIZE = env.int("IMAGE_MAX_UPLOAD_SIZE", default=10 * 1024 * 1024)
IMAGE_MAX_PIXELS = env.int("IMAGE_MAX_PIXELS", default=40_000_000)
# Longest side, and how many times the short side the long one may be
# (a wide banner is about 8:1, a phone's panorama 10:1).
IMAGE_MAX_SIDE = env.int("IMAGE_MAX_SIDE", default=20_000)
IMAGE_MAX_ASPECT_RATIO = env.int("IMAGE_MAX_ASPECT_RATIO", default=20)

# HTTPS: on by default when DEBUG is off; HTTPS=0 serves plain HTTP for a
# local trial of the production settings.
HTTPS = env.bool("HTTPS", default=not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env.int("HSTS_SECONDS", default=31_536_000) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("HSTS_PRELOAD", default=False)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Entering the domain in browsers' preload list is the association's own
# decision (HSTS_PRELOAD=1), so the deploy check does not insist on it.
# The articles' partial indexes carry the end date as a non-key column
# (INCLUDE) for PostgreSQL's index-only counts; SQLite, the development
# database, simply builds them without it (news.models.Article.Meta).
SILENCED_SYSTEM_CHECKS = ["security.W021", "models.W040"]

# Content-Security-Policy (django-csp): scripts and styles only from the
# site's own files, nothing inline or injected, public pages and admin alike;
# only the admin forms with the rich-text editor allow inline style, which
# CKEditor 5 needs (medialibrary.widgets.LibraryEditorMixin).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        # Videos in articles (core.videos.FRAME_ORIGINS, which the sanitizer
        # allows): YouTube without its tracking cookies, Facebook's player.
        "frame-src": ["https://www.youtube-nocookie.com", "https://www.facebook.com"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
}

if AWS_STORAGE_BUCKET_NAME:
    # Pictures in a bucket reach the page by a redirect to the bucket's own
    # address, which the policy must allow (the browser checks the address
    # it is sent to): AWS_S3_ORIGIN, or the addresses the endpoint gives the
    # bucket (path and virtual-host style both).
    _endpoint = urllib.parse.urlsplit(
        env.str("AWS_S3_ENDPOINT_URL", default="")
        or f"https://s3.{env.str('AWS_S3_REGION_NAME', default='') or 'us-east-1'}.amazonaws.com"
    )
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"] += env.list("AWS_S3_ORIGIN", default=[]) or [
        f"{_endpoint.scheme}://{_endpoint.netloc}",
        f"{_endpoint.scheme}://{AWS_STORAGE_BUCKET_NAME}.{_endpoint.netloc}",
        f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com",
    ]

# Permissions-Policy: no page of the portal uses these, so no page, and no
# script that got in, may ask for them.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
        "interest-cohort",
    )
}

# How many reverse proxies stand in front of gunicorn; their
# X-Forwarded-For hops are trusted to find the visitor's address.
PROXY_COUNT = env.int("PROXY_COUNT", default=0)
# The addresses those proxies reach gunicorn from: X-Forwarded-For is
# believed only on requests from these (addresses or networks).
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=["127.0.0.1", "::1"])

# django-axes: lock the admin login after repeated failures.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "core.net.client_ip"
AXES_LOCKOUT_TEMPLATE = "lhh/locked_out.html"

# Visit counter (ĐẾM LƯỢT TRUY CẬP, visits.views): a visitor's visit is
# counted once in this many minutes.
VISIT_WINDOW_MINUTES = 30
ONLINE_WINDOW_MINUTES = 5

# CKEditor 5 for every rich-text field; what it produces is sanitized again
# on save (core.sanitize), so the toolbar is a convenience, not a guard.
CKEDITOR_5_FILE_UPLOAD_PERMISSION = "staff"
CKEDITOR_5_UPLOAD_FILE_TYPES = ["jpeg", "jpg", "png", "webp", "gif"]
CKEDITOR_5_MAX_FILE_SIZE = IMAGE_MAX_UPLOAD_SIZE // (1024 * 1024)
CKEDITOR_5_USER_LANGUAGE = True
CKEDITOR_5_CONFIGS = {
    "default": {
        "language": "vi",
        "toolbar": {
            "items": [
                "heading",
                "|",
                "bold",
                "italic",
                "underline",
                "link",
                "|",
                "bulletedList",
                "numberedList",
                "blockQuote",
                "insertTable",
                "imageUpload",
                "mediaEmbed",
                "|",
                "undo",
                "redo",
            ],
            "shouldNotGroupWhenFull": True,
        },
        "image": {
            "toolbar": [
                "imageTextAlternative",
                "toggleImageCaption",
                "|",
                "imageStyle:alignLeft",
                "imageStyle:alignCenter",
                "imageStyle:alignRight",
            ],
            "styles": ["alignLeft", "alignCenter", "alignRight"],
        },
        "table": {
            "contentToolbar": ["tableColumn", "tableRow", "mergeTableCells"],
        },
        # "Chèn đa phương tiện": a YouTube or Facebook video address. Only those two
        # providers, and without a preview: the editor shows the address
        # (an admin page frames nothing), the sanitizer makes the player.
        # Patterns are matched without "https://" and "www." (CKEditor).
        "mediaEmbed": {
            "providers": [
                {
                    "name": "youtube",
                    "url": [
                        r"^(?:m\.)?youtube\.com/watch\?.*v=[\w-]{11}",
                        r"^(?:m\.)?youtube\.com/(?:embed|shorts|live|v)/[\w-]{11}",
                        r"^youtube-nocookie\.com/embed/[\w-]{11}",
                        r"^youtu\.be/[\w-]{11}",
                    ],
                },
                {
                    "name": "facebook",
                    "url": [
                        r"^(?:m\.|web\.)?facebook\.com/[\w.\-]+/videos/",
                        r"^(?:m\.|web\.)?facebook\.com/(?:watch|reel|video\.php)",
                    ],
                },
            ],
        },
        "heading": {
            "options": [
                {"model": "paragraph", "title": "Đoạn văn", "class": "ck-heading_paragraph"},
                {
                    "model": "heading2",
                    "view": "h2",
                    "title": "Tiêu đề 2",
                    "class": "ck-heading_heading2",
                },
                {
                    "model": "heading3",
                    "view": "h3",
                    "title": "Tiêu đề 3",
                    "class": "ck-heading_heading3",
                },
                {
                    "model": "heading4",
                    "view": "h4",
                    "title": "Tiêu đề 4",
                    "class": "ck-heading_heading4",
                },
            ]
        },
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # The worker's lines once: run_huey gives the "huey" logger a handler
        # of its own unless it has one, and the root's would print each again.
        "huey": {"handlers": ["console"], "propagate": False},
    },
}

# --- documents ---
# Largest file a document may carry (PDF, DOC/DOCX, XLS/XLSX, ODT), in bytes;
# the reverse proxy's body limit (nginx client_max_body_size) must allow it.
DOCUMENT_MAX_UPLOAD_SIZE = env.int("DOCUMENT_MAX_UPLOAD_SIZE", default=50 * 1024 * 1024)

# --- editorial review ---
# Days a preview link for someone without an account (liên kết xem trước,
# core.models.PreviewLink) works; staff may revoke it sooner.
PREVIEW_LINK_DAYS = env.int("PREVIEW_LINK_DAYS", default=7)

# --- qa ---
# Hỏi đáp: at most this many questions per visitor address per hour, and
# this many lookups of unknown tracking codes (guessing) per hour.
QA_RATE_LIMIT_PER_HOUR = env.int("QA_RATE_LIMIT_PER_HOUR", default=5)
QA_LOOKUP_FAILURES_PER_HOUR = env.int("QA_LOOKUP_FAILURES_PER_HOUR", default=20)
# Personal data (NĐ 13/2023): requests to withdraw consent and erase one's
# details per address per hour (each sends an email), how long the emailed
# confirmation link works, and how many months after the answer
# `manage.py anonymise_questions` anonymises an asker's details.
QA_ERASURE_REQUESTS_PER_HOUR = env.int("QA_ERASURE_REQUESTS_PER_HOUR", default=5)
QA_ERASURE_LINK_HOURS = env.int("QA_ERASURE_LINK_HOURS", default=24)
QA_ANONYMISE_AFTER_MONTHS = env.int("QA_ANONYMISE_AFTER_MONTHS", default=24)

# --- registrations ---
# Đăng ký trực tuyến: entries per visitor address per hour, how long the
# emailed erasure link works, and how many months after a form closed
# `manage.py anonymise_entries` anonymises the entrants' details. Lookups
# and erasure requests share the Q&A limits above.
REGISTRATIONS_RATE_LIMIT_PER_HOUR = env.int("REGISTRATIONS_RATE_LIMIT_PER_HOUR", default=10)
REGISTRATIONS_ERASURE_LINK_HOURS = env.int("REGISTRATIONS_ERASURE_LINK_HOURS", default=24)
REGISTRATIONS_ANONYMISE_AFTER_MONTHS = env.int("REGISTRATIONS_ANONYMISE_AFTER_MONTHS", default=24)
# django-simple-captcha: five characters from an alphabet without look-alikes,
# valid 30 minutes (writing a question takes a while). CAPTCHA_TEST_MODE is
# never set here: it accepts "PASSED" for any captcha and is for tests only.
CAPTCHA_CHALLENGE_FUNCT = "core.spam.captcha_challenge"
CAPTCHA_LENGTH = 5
CAPTCHA_TIMEOUT = 30
CAPTCHA_FONT_SIZE = 32
CAPTCHA_LETTER_ROTATION = (-20, 20)
CAPTCHA_FOREGROUND_COLOR = "#0b3a6e"
CAPTCHA_NOISE_FUNCTIONS = ("captcha.helpers.noise_dots",)
# --- gallery ---
# Renditions are made once per picture, by the worker after the save is
# committed (core.renditions.AfterCommit); rendering a page only builds
# their URLs, never checks the storage or generates a file.
IMAGEKIT_DEFAULT_CACHEFILE_STRATEGY = "core.renditions.AfterCommit"
IMAGEKIT_CACHEFILE_DIR = "CACHE/images"
IMAGEKIT_SPEC_CACHEFILE_NAMER = "core.renditions.source_name_as_path"
# imagekit would remember in a cache which renditions exist: one key per
# rendition, never expiring, crowding the site's shared cache. Made on save,
# renditions need no such memory: a dummy cache makes imagekit ask the storage.
CACHES["imagekit"] = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
IMAGEKIT_CACHE_BACKEND = "imagekit"
