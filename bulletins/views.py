import logging

from django.db.models import F
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from core import media
from core.net import is_bot
from core.paginator import CachedCountMixin
from core.views import StaffPreviewMixin, may_preview

from .models import Issue

logger = logging.getLogger(__name__)


class IssueListView(CachedCountMixin, ListView):
    """The shelf (giá bản tin): covers, newest issue first."""

    model = Issue
    paginate_by = 12

    def get_queryset(self):
        return Issue.objects.published().for_shelf().order_by("-issued_on", "-id")

    def count_key(self):
        return "bulletins:issues"


class IssueDetailView(StaffPreviewMixin, DetailView):
    model = Issue

    def get_queryset(self):
        return super().get_queryset().for_shelf().with_contents()


def _issue_with_pdf(request, slug):
    issues = Issue.objects.defer("pdf_text").select_related("series")
    # A draft's PDF is for the staff who may preview its page.
    if not may_preview(request.user, Issue):
        issues = issues.published()
    issue = get_object_or_404(issues, slug=slug)
    if not issue.pdf or not issue.pdf.storage.exists(issue.pdf.name):
        logger.error("The PDF of bulletin issue %s is missing from storage", issue.pk)
        raise Http404("Không tìm thấy tệp.")
    return issue


def read(request, slug):
    """The PDF, shown by the browser's own reader."""
    issue = _issue_with_pdf(request, slug)
    return media.file_response(issue.pdf.name, content_type="application/pdf")


def download(request, slug):
    """The PDF as an attachment named after the issue; counted once per
    download (one UPDATE with F()), bots and crawlers left out."""
    issue = _issue_with_pdf(request, slug)
    if not is_bot(request.headers.get("User-Agent", "")):
        Issue.objects.filter(pk=issue.pk).update(download_count=F("download_count") + 1)
    return media.file_response(
        issue.pdf.name, content_type="application/pdf", attachment_name=issue.download_name
    )
