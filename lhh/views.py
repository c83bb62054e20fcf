import logging

from django.db import connection
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from news.models import Article, Category
from sitecontent.models import Page

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
            **kwargs,
        )


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
        *(f"Disallow: {reverse(name)}" for name in ("admin:index", "search:results", "qa:lookup")),
        f"Sitemap: {sitemap_url}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@never_cache
@require_GET
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        logger.exception("Health check: the database is unreachable")
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
