import logging

from django.db import connection
from django.db.models import Count
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import DetailView, ListView, TemplateView

from . import search
from .models import Page, SearchEntry, SearchKind
from .text import nfc

logger = logging.getLogger(__name__)


class HomeView(TemplateView):
    template_name = "lhh/home.html"


class PageDetailView(DetailView):
    model = Page

    def get_queryset(self):
        return Page.objects.published()


@require_GET
def robots_txt(request):
    sitemap_url = request.build_absolute_uri("/sitemap.xml")
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /tim-kiem/",
        "Disallow: /hoi-dap/tra-cuu/",
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


class SearchView(ListView):
    """/tim-kiem/?q=…&loai=…: every kind of content, best matches first."""

    model = SearchEntry
    paginate_by = 10
    template_name = "lhh/search.html"

    def get_queryset(self):
        self.query = nfc(self.request.GET.get("q", ""))[: search.MAX_QUERY_LENGTH].strip()
        kind = self.request.GET.get("loai", "")
        self.kind = kind if kind in SearchKind.values else ""
        return search.search(SearchEntry.objects.all(), self.query, self.kind or None)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for entry in context["object_list"]:
            entry.title_html = search.highlight(entry.title, self.query)
            entry.snippet_html = search.highlight(
                entry.body, self.query, length=search.SNIPPET_LENGTH
            )
        counts = dict(
            search.search(SearchEntry.objects.all(), self.query)
            .order_by()
            .values_list("kind")
            .annotate(n=Count("pk"))
        )
        context.update(
            query=self.query,
            kind=self.kind,
            kinds=[(value, label, counts.get(value, 0)) for value, label in SearchKind.choices],
            total=sum(counts.values()),
            has_words=bool(search.query_words(self.query)),
        )
        return context
