from django.views.generic import ListView

from core.text import nfc

from . import registry
from .models import SearchEntry
from .query import MAX_QUERY_LENGTH, SNIPPET_LENGTH, SNIPPET_SOURCE, SiteSearch, highlight


class SearchView(ListView):
    """/tim-kiem/?q=…&loai=…: every kind of content, best matches first."""

    model = SearchEntry
    paginate_by = 10

    def get_queryset(self):
        self.query = nfc(self.request.GET.get("q", ""))[:MAX_QUERY_LENGTH].strip()
        kind = self.request.GET.get("loai", "")
        self.kind = kind if kind in {k.slug for k in registry.kinds()} else ""
        self.results = SiteSearch(SearchEntry.objects.all(), self.query, self.kind or None)
        return self.results.entries()

    def get_paginator(self, queryset, per_page, **kwargs):
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        # The candidates are already known: no COUNT query is needed.
        paginator.count = len(self.results.ids)
        return paginator

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        labels = {kind.slug: kind.label for kind in registry.kinds()}
        for entry in context["object_list"]:
            entry.kind_label = labels.get(entry.kind, "")
            entry.title_html = highlight(entry.title, self.query)
            entry.snippet_html = highlight(
                entry.body[:SNIPPET_SOURCE], self.query, length=SNIPPET_LENGTH
            )
        counts = self.results.kind_counts()
        context.update(
            query=self.query,
            kind=self.kind,
            kinds=[(k.slug, k.label, counts.get(k.slug, 0)) for k in registry.kinds()],
            total=sum(counts.values()),
            is_capped=self.results.is_capped,
            has_words=bool(self.results.words),
        )
        return context
