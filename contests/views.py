from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from core import media
from core.paginator import CachedCountMixin
from core.views import StaffPreviewMixin, may_preview

from .models import Programme, ProgrammeFile


class ProgrammeListView(CachedCountMixin, ListView):
    """Contests and awards, the latest round first."""

    model = Programme
    paginate_by = 10

    def get_queryset(self):
        return Programme.objects.published().only(
            "title", "slug", "kind", "round_label", "year", "summary", "opens_on",
            "deadline_on", "ceremony_on",
        )  # fmt: skip

    def count_key(self):
        return "contests:all"

    def paginate_queryset(self, queryset, page_size):
        # ?page=abc or ?page=999 gives the first or last page, not a 404.
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()


class ProgrammeDetailView(StaffPreviewMixin, DetailView):
    model = Programme

    def get_queryset(self):
        return super().get_queryset().select_related("registration_form").prefetch_related("files")


def download(request, slug, file_id):
    """A programme's file, saved under the sender's name."""
    programmes = Programme.objects.filter(slug=slug)
    if not may_preview(request.user, Programme):
        programmes = programmes.published()
    stored = get_object_or_404(ProgrammeFile, pk=file_id, programme__in=programmes)
    return media.file_response(
        stored.file.name, content_type=stored.content_type, attachment_name=stored.download_name
    )
