import logging

from django.db.models import F, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from core import media
from core.net import is_bot
from core.paginator import CachedCountMixin
from core.views import StaffPreviewMixin, may_preview

from .forms import DocumentFilterForm
from .models import Document, DocumentFile

logger = logging.getLogger(__name__)


def files_without_text():
    """A document's files for a page: their extracted text is for search only."""
    return Prefetch("files", queryset=DocumentFile.objects.defer("text"))


class DocumentListView(CachedCountMixin, ListView):
    model = Document
    paginate_by = 20

    def get_queryset(self):
        self.form = DocumentFilterForm(self.request.GET or None)
        queryset = (
            Document.objects.published()
            .with_validity()
            .select_related("type", "issuer")
            .defer("search_text")
            .prefetch_related(files_without_text())
            .order_by("-issued_on", "-id")
        )
        if self.form.is_bound:
            queryset = self.form.filter(queryset)
        return queryset

    def count_key(self):
        return self.form.count_key()

    def paginate_queryset(self, queryset, page_size):
        # get_page() turns page=abc or page=999 into the first or last page
        # instead of ListView's 404.
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        return super().get_context_data(form=self.form, **kwargs)


class DocumentDetailView(StaffPreviewMixin, DetailView):
    model = Document

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .with_validity()
            .select_related("type", "issuer")
            .defer("search_text")
            .prefetch_related("fields", files_without_text())
        )

    def get_context_data(self, **kwargs):
        # The four relations both ways come in one query, not four prefetches.
        return super().get_context_data(relations=self.object.related_documents(), **kwargs)


def download(request, slug, file_id):
    """Serve a document's file as an attachment and count the download.

    The count is one UPDATE with F(), so two downloads at the same moment
    both count; bots and crawlers (the sitemap lists these URLs) do not.
    """
    documents = Document.objects.filter(slug=slug)
    # A draft's files are for the staff who may preview its page.
    if not may_preview(request.user, Document):
        documents = documents.published()
    document_file = get_object_or_404(
        DocumentFile.objects.select_related("document"), pk=file_id, document__in=documents
    )
    if not document_file.file or not document_file.file.storage.exists(document_file.file.name):
        logger.error("Document file %s is missing from storage", document_file.pk)
        raise Http404("Không tìm thấy tệp.")
    if not is_bot(request.headers.get("User-Agent", "")):
        Document.objects.filter(pk=document_file.document_id).update(
            download_count=F("download_count") + 1
        )
    # Saved under the sender's name, with the extension of what it is.
    return media.file_response(
        document_file.file.name,
        content_type=document_file.content_type,
        attachment_name=document_file.download_name,
    )
