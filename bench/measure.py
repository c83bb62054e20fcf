"""Per-page measurement, in process, with Django's test client.

    python -m bench.measure --scale small --requests 50 --out var/bench-pages-small.json

Each page type is requested `requests` times with the cache cleared before
every request (cold), then as many times again with the cache kept (warm);
in both modes one unmeasured request per URL comes first, so the process's
own start-up (template compilation, lazy imports, the database's buffers)
is not counted as the cost of a cold cache. Recorded: the SQL queries of
each request and its calls to the shared cache, each a round trip to Redis
(the largest counts are reported), and the server time (median and 95th
percentile). The detail
pages show objects picked from the middle of the data, always the same ones.
`measure_pages()` works on the current default database, so the tests run it
on the tiny data in the pytest database.
"""

import argparse
import gc
import json
import math
import statistics
import sys
import time
from urllib.parse import urlencode

PAGE_NAMES = [
    "home",
    "news_list",
    "category",
    "article",
    "documents",
    "document",
    "members",
    "organization",
    "qa_list",
    "question",
    "albums",
    "album",
    "events",
    "event_calendar",
    "event",
    "event_ics",
    "bulletins",
    "bulletin",
    "contests",
    "contest",
    "registration_form",
    "search",
]
SEARCH_QUERIES = ["khoa học", "hoi nghi", "582/QĐ-UBND"]
DOCUMENTS_QUERY = "khoa học"


def percentile(values, fraction):
    """Nearest-rank percentile: the smallest value with `fraction` of them at or below."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def _middle(queryset):
    """The object in the middle of a queryset ordered by primary key."""
    queryset = queryset.order_by("pk")
    count = queryset.count()
    if not count:
        raise LookupError(f"No rows for {queryset.model.__name__}: generate the data first.")
    return queryset[count // 2]


def page_urls():
    """{page name: [URL, …]} for every page type, from the current database."""
    from django.urls import reverse
    from django.utils import timezone

    from bulletins.models import Issue
    from contests.models import Programme
    from documents.models import Document, DocumentType
    from events.models import Event
    from gallery.models import Album
    from members.models import Organization
    from news.models import Article, Category
    from qa.models import Question
    from registrations.models import RegistrationForm

    category = (
        Category.objects.filter(parent__isnull=True, children__isnull=False)
        .distinct()
        .order_by("order", "pk")
        .first()
    ) or Category.objects.order_by("order", "pk").first()
    document_type = DocumentType.objects.order_by("order", "pk").first()
    documents_query = {"q": DOCUMENTS_QUERY}
    if document_type:
        documents_query["type"] = document_type.slug
    article = _middle(Article.objects.published().select_related("category"))
    organization = _middle(Organization.objects.active().select_related("group"))
    # The events spread around today: this month is the middle of the calendar.
    today = timezone.localdate()
    calendar_month = {"year": today.year, "month": today.month}
    # A form as visitors reach it, taking entries (a closed one shows no fields).
    accepting = RegistrationForm.objects.filter(is_open=True, closes_at__gt=timezone.now())
    return {
        "home": [reverse("lhh:home")],
        "news_list": [reverse("news:list")],
        "category": [category.get_absolute_url()],
        "article": [article.get_absolute_url()],
        "documents": [f"{reverse('documents:list')}?{urlencode(documents_query)}"],
        "document": [_middle(Document.objects.published()).get_absolute_url()],
        "members": [reverse("members:index")],
        "organization": [organization.get_absolute_url()],
        "qa_list": [reverse("qa:question_list")],
        "question": [_middle(Question.objects.published()).get_absolute_url()],
        "albums": [reverse("gallery:album_list")],
        "album": [_middle(Album.objects.published()).get_absolute_url()],
        "events": [reverse("events:list")],
        "event_calendar": [reverse("events:calendar_month", kwargs=calendar_month)],
        "event": [_middle(Event.objects.published()).get_absolute_url()],
        "event_ics": [reverse("events:calendar_ical")],
        "bulletins": [reverse("bulletins:list")],
        "bulletin": [_middle(Issue.objects.published()).get_absolute_url()],
        "contests": [reverse("contests:list")],
        "contest": [_middle(Programme.objects.published()).get_absolute_url()],
        "registration_form": [_middle(accepting).get_absolute_url()],
        "search": [f"{reverse('search:results')}?{urlencode({'q': q})}" for q in SEARCH_QUERIES],
    }


def cpu_ticks():
    """(stolen, all) CPU ticks of the machine so far, from /proc/stat, or None.

    On a shared VM the hypervisor gives the guest's CPU to others now and
    then ("steal"): a page measured while a fifth of the CPU was stolen
    takes twice as long, through no fault of its own.
    """
    try:
        with open("/proc/stat", encoding="ascii") as handle:
            fields = [int(value) for value in handle.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    # user nice system idle iowait irq softirq steal …: guest time is part of user.
    return (fields[7], sum(fields[:8])) if len(fields) >= 8 else None


def steal_percent(before, after):
    """The share of the CPU stolen between two cpu_ticks() readings."""
    if before is None or after is None or after[1] == before[1]:
        return None
    return round(100 * (after[0] - before[0]) / (after[1] - before[1]), 1)


# The shared cache's methods that each make one round trip.
CACHE_METHODS = ("get", "get_many", "set", "set_many", "add", "delete", "delete_many", "incr")


class CacheCalls:
    """Counts the calls to the default cache's round-trip methods while active."""

    def __init__(self):
        from django.core.cache import caches

        self.cache = caches["default"]
        self.count = 0

    def __enter__(self):
        for method in CACHE_METHODS:
            setattr(self.cache, method, self._counted(getattr(self.cache, method)))
        return self

    def __exit__(self, *exc):
        for method in CACHE_METHODS:
            # The instance attribute set above; the class's method shows again.
            delattr(self.cache, method)

    def _counted(self, method):
        def counted(*args, **kwargs):
            self.count += 1
            return method(*args, **kwargs)

        return counted


def measure_page(client, name, urls, *, scale, cache_mode, requests):
    """One page type in one cache mode: queries, p50 and p95 in milliseconds."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core.cache import clear_all

    # One unmeasured request per URL in both modes: the process's own first
    # use of a page (template compilation, lazy imports, the database's
    # buffers) is start-up, not the cost of a cold cache. Cold then empties
    # the caches before every measured request.
    for url in urls:
        client.get(url)
    times, queries, cache_calls, statuses = [], [], [], set()
    per_url = {url: [] for url in urls}
    ticks = cpu_ticks()
    for index in range(requests):
        url = urls[index % len(urls)]
        if cache_mode == "cold":
            # The shared cache, and what this process keeps of it in memory.
            clear_all()
        with CaptureQueriesContext(connection) as captured, CacheCalls() as calls:
            started = time.perf_counter()
            response = client.get(url)
            elapsed = (time.perf_counter() - started) * 1000
        times.append(elapsed)
        per_url[url].append(elapsed)
        queries.append(len(captured))
        cache_calls.append(calls.count)
        statuses.add(response.status_code)
    result = {
        "name": name,
        "scale": scale,
        "cache": cache_mode,
        "queries": max(queries),
        "queries_min": min(queries),
        "cache_calls": max(cache_calls),
        "p50_ms": round(statistics.median(times), 2),
        "p95_ms": round(percentile(times, 0.95), 2),
        "mean_ms": round(statistics.fmean(times), 2),
        "requests": requests,
        "steal_pct": steal_percent(ticks, cpu_ticks()),
        "status": sorted(statuses),
        "urls": urls,
    }
    if len(urls) > 1:
        result["per_url"] = [
            {
                "url": url,
                "p50_ms": round(statistics.median(values), 2),
                "p95_ms": round(percentile(values, 0.95), 2),
            }
            for url, values in per_url.items()
            if values
        ]
    return result


def measure_pages(*, scale, requests=50, names=None, progress=False):
    """Every page type, cold then warm; a list of result dicts."""
    from django.core.cache import cache
    from django.test import Client

    urls = page_urls()
    client = Client()
    results = []
    cache.clear()
    for name in names or PAGE_NAMES:
        for cache_mode in ("cold", "warm"):
            gc.collect()
            result = measure_page(
                client, name, urls[name], scale=scale, cache_mode=cache_mode, requests=requests
            )
            results.append(result)
            if progress:
                print(
                    f"  {scale:5} {name:17} {cache_mode:4} queries={result['queries']:3} "
                    f"cache={result['cache_calls']:3} "
                    f"p50={result['p50_ms']:7.1f} ms p95={result['p95_ms']:7.1f} ms "
                    f"steal={result['steal_pct']}% status={result['status']}",
                    file=sys.stderr,
                )
    return results


def database_counts():
    """What the measured database holds (all rows, and what visitors see)."""
    from bulletins.models import Issue
    from contests.models import Programme
    from documents.models import Document
    from events.models import Event
    from gallery.models import Album, Photo
    from members.models import Organization
    from news.models import Article
    from qa.models import Question
    from registrations.models import FormField, RegistrationForm
    from search.models import SearchEntry

    return {
        "articles": Article.objects.count(),
        "articles_published": Article.objects.published().count(),
        "documents": Document.objects.count(),
        "documents_published": Document.objects.published().count(),
        "questions": Question.objects.count(),
        "questions_published": Question.objects.published().count(),
        "organizations": Organization.objects.count(),
        "albums": Album.objects.count(),
        "photos": Photo.objects.count(),
        "events": Event.objects.count(),
        "events_published": Event.objects.published().count(),
        "bulletin_issues": Issue.objects.count(),
        "bulletin_issues_published": Issue.objects.published().count(),
        "programmes": Programme.objects.count(),
        "programmes_published": Programme.objects.published().count(),
        "registration_forms": RegistrationForm.objects.count(),
        "form_fields": FormField.objects.count(),
        "search_entries": SearchEntry.objects.count(),
    }


def main(argv=None):
    from .generate import bench_database_url, setup_django

    parser = argparse.ArgumentParser(description="Measure every page type in process.")
    parser.add_argument("--scale", default="small")
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--out", required=False)
    parser.add_argument("--clear-cache", action="store_true", help="only clear the cache")
    args = parser.parse_args(argv)
    setup_django(bench_database_url(args.scale))
    from django.core.cache import cache
    from django.db import connection

    cache.clear()
    if args.clear_cache:
        return 0
    output = {
        "scale": args.scale,
        "vendor": connection.vendor,
        "database": connection.settings_dict["NAME"],
        "counts": database_counts(),
        "pages": measure_pages(scale=args.scale, requests=args.requests, progress=True),
    }
    text = json.dumps(output, ensure_ascii=False, indent=2)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as handle:
            handle.write(text)
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
