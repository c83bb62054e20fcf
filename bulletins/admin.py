from django.contrib import admin
from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html
from reversion.admin import VersionAdmin

from core.adminsearch import FoldedSearchMixin

from .models import ContentsEntry, Issue, Series


@admin.register(Series)
class SeriesAdmin(FoldedSearchMixin, VersionAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name"]
    fields = ["name", "slug", "description", "order"]


class ContentsEntryInline(admin.TabularInline):
    model = ContentsEntry
    extra = 1
    fields = ["title", "page", "article", "order"]
    autocomplete_fields = ["article"]


@admin.register(Issue)
class IssueAdmin(FoldedSearchMixin, VersionAdmin):
    list_display = [
        "__str__",
        "title",
        "issued_on",
        "status",
        "text_state",
        "download_count",
    ]
    list_display_links = ["__str__", "title"]
    list_filter = ["series", "year", "status"]
    list_select_related = ["series"]
    search_fields = ["title", "summary", "series__name"]
    date_hierarchy = "issued_on"
    inlines = [ContentsEntryInline]
    readonly_fields = ["pdf_details", "text_state", "download_count"]
    fieldsets = [
        (None, {"fields": ["series", "number", "year", "issued_on", "title", "slug", "summary"]}),
        ("Tệp", {"fields": ["cover", "pdf", "pdf_details", "text_state"]}),
        (None, {"fields": ["status", "published_at", "download_count"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("pdf_text")

    @admin.display(description="tệp PDF đã tải lên")
    def pdf_details(self, issue):
        if not issue.pk or not issue.pdf:
            return "—"
        return f"{issue.pdf_name or issue.pdf.name}, {filesizeformat(issue.pdf_size)}"

    @admin.display(description="nội dung chữ")
    def text_state(self, issue):
        if not issue.pk:
            return "—"
        if issue.is_text_pending:
            return "Đang xử lý: nội dung chữ sẽ được đọc trong giây lát."
        if issue.extraction_error:
            return format_html('<strong class="errornote">⚠ {}</strong>', issue.extraction_error)
        if issue.has_text_layer is False:
            return format_html(
                '<strong class="errornote">⚠ {}</strong>',
                "PDF không có lớp văn bản (ảnh quét): không tìm được theo nội dung; nên tải "
                "lên bản PDF có chữ.",
            )
        return "Đã đọc nội dung chữ để tra cứu."
