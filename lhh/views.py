import logging
import uuid

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils import translation
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from news.models import Article, Category
from sitecontent.models import Page
from sitecontent.views import language_links

from . import worker

logger = logging.getLogger(__name__)


class HomeView(TemplateView):
    template_name = "lhh/home.html"
    featured_count = 3
    latest_count = 6
    per_block = 4

    def get_context_data(self, **kwargs):
        # Notices have their own THÔNG BÁO block in the right column.
        featured, latest = (
            Article.objects.published()
            .exclude(category__is_notice=True)
            .select_related("category")
            .defer("body")
            .front_page(self.featured_count, self.latest_count)
        )
        return super().get_context_data(
            featured_articles=featured,
            latest_articles=latest,
            home_blocks=Category.objects.home_blocks(per_block=self.per_block),
            **language_links(self.request, self.request.path, reverse("english:home")),
            **kwargs,
        )


def page_not_found(request, exception):
    """Django's 404 page, in English under the English section (/en/)."""
    if request.path.startswith(reverse("english:home")):
        with translation.override("en"):
            return defaults.page_not_found(
                request, exception, template_name="sitecontent/english/404.html"
            )
    return defaults.page_not_found(request, exception)


class SiteMapView(TemplateView):
    """The HTML site map (sơ đồ trang) that TT 32/2017 asks portals for."""

    template_name = "lhh/site_map.html"

    def get_context_data(self, **kwargs):
        categories = list(Category.objects.all())
        tree = [
            (category, [c for c in categories if c.parent_id == category.pk])
            for category in categories
            if category.parent_id is None
        ]
        pages = Page.objects.published().only("title", "slug")
        return super().get_context_data(category_tree=tree, pages=pages, **kwargs)


# Admin addresses of models that moved out of lhh, for staff bookmarks:
# the admin names its pages by app label.
MOVED_ADMIN_MODELS = {
    "mediaitem": "medialibrary",
    "siteprofile": "sitecontent",
    "page": "sitecontent",
    "link": "sitecontent",
    "banner": "sitecontent",
    "visitday": "visits",
    "searchentry": "search",
}


def moved_admin_page(request, model, rest):
    url = f"{reverse('admin:index')}{MOVED_ADMIN_MODELS[model]}/{model}/{rest}"
    if request.META.get("QUERY_STRING"):
        url = f"{url}?{request.META['QUERY_STRING']}"
    return HttpResponseRedirect(url)


@require_GET
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = [
        "User-agent: *",
        *(
            f"Disallow: {reverse(name)}"
            for name in (
                "admin:index",
                "search:results",
                "qa:lookup",
                "registrations:lookup",
            )
        ),
        f"Sitemap: {sitemap_url}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def _check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _check_cache():
    # The shared cache ignores a Redis that is down (settings: every call a
    # miss), so only reading back what was written tells that it works.
    key, value = f"healthz:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, 10)
    if cache.get(key) != value:
        raise RuntimeError("the value written could not be read back")
    cache.delete(key)


def _check_storage():
    name = default_storage.save(f"healthz-{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    default_storage.delete(name)


HEALTH_CHECKS = {
    "database": (_check_database, "Không truy vấn được cơ sở dữ liệu."),
    "cache": (_check_cache, "Không ghi rồi đọc lại được bộ nhớ đệm dùng chung."),
    "storage": (_check_storage, "Không lưu rồi xóa được tệp trong thư mục tải lên."),
    "worker": (
        worker.check,
        "Tiến trình chạy việc nền (gửi email, xử lý tệp) không hoạt động gần đây.",
    ),
}


@never_cache
@require_GET
def healthz(request):
    """200 when the database, the shared cache, the upload storage and the
    worker (a heartbeat within WORKER_HEARTBEAT_MAX_AGE; not checked when
    the queue runs tasks at once) all work, 503 naming each one that failed,
    for the proxy's or a monitor's health check. A view of our own rather
    than django-health-check: four checks of a few lines each, and the
    answer's JSON stays the one monitors already read. The reasons are kept
    general (no host, path or message of the library): the details go to
    the log."""
    checks, errors = {}, {}
    for name, (check, reason) in HEALTH_CHECKS.items():
        if name == "worker" and not worker.is_checked():
            continue
        try:
            check()
        except Exception as error:
            logger.exception("Health check: %s failed", name)
            checks[name] = "error"
            errors[name] = f"{reason} ({type(error).__name__})"
        else:
            checks[name] = "ok"
    if errors:
        return JsonResponse({"status": "error", **checks, "errors": errors}, status=503)
    return JsonResponse({"status": "ok", **checks})
