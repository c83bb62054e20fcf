import datetime

from django import forms
from django.contrib import admin
from django.db.models import Exists, OuterRef
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.html import format_html
from reversion.admin import VersionAdmin

from core.adminsearch import FoldedSearchMixin
from core.spreadsheets import SpreadsheetMixin

from .files import FileKind
from .models import Document, DocumentFile, DocumentType, Field, Issuer, Validity
from .resources import DocumentResource

NO_TEXT_LAYER = "không có lớp văn bản"


class VocabularyAdmin(FoldedSearchMixin, VersionAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name"]


admin.site.register(DocumentType, VocabularyAdmin)
admin.site.register(Issuer, VocabularyAdmin)
admin.site.register(Field, VocabularyAdmin)


class YearFilter(admin.SimpleListFilter):
    title = "năm ban hành"
    parameter_name = "nam"

    def lookups(self, request, model_admin):
        years = Document.objects.dates("issued_on", "year", order="DESC")
        return [(str(day.year), str(day.year)) for day in years]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(issued_on__year=int(self.value()))
        return queryset


class RecentlyIssuedFilter(admin.SimpleListFilter):
    title = "ban hành gần đây"
    parameter_name = "moi_ban_hanh"
    DAYS = 30

    def lookups(self, request, model_admin):
        return [(str(self.DAYS), f"Trong {self.DAYS} ngày qua")]

    def queryset(self, request, queryset):
        if self.value() == str(self.DAYS):
            today = timezone.localdate()
            since = today - datetime.timedelta(days=self.DAYS)
            return queryset.filter(issued_on__gte=since, issued_on__lte=today)
        return queryset


class CurrentValidityFilter(admin.SimpleListFilter):
    """The status readers see today (replacements and dates applied)."""

    title = "tình trạng hiệu lực hiện nay"
    parameter_name = "hieu_luc"

    def lookups(self, request, model_admin):
        return Validity.choices

    def queryset(self, request, queryset):
        if self.value() in Validity.values:
            return queryset.filter(current_validity=self.value())
        return queryset


class TextLayerFilter(admin.SimpleListFilter):
    title = "lớp văn bản của tệp PDF"
    parameter_name = "lop_van_ban"

    def lookups(self, request, model_admin):
        return [("thieu", f"Có tệp PDF {NO_TEXT_LAYER}"), ("loi", "Có tệp không đọc được")]

    def queryset(self, request, queryset):
        if self.value() == "thieu":
            return queryset.filter(has_scanned_pdf=True)
        if self.value() == "loi":
            return queryset.filter(files__extraction_error__gt="").distinct()
        return queryset


class DocumentFileInline(admin.TabularInline):
    model = DocumentFile
    extra = 1
    fields = ["file", "title", "order", "details", "text_warning"]
    readonly_fields = ["details", "text_warning"]

    @admin.display(description="định dạng, dung lượng")
    def details(self, document_file):
        if not document_file.pk:
            return "—"
        return f"{document_file.get_kind_display()}, {filesizeformat(document_file.size)}"

    @admin.display(description="nội dung chữ")
    def text_warning(self, document_file):
        if not document_file.pk:
            return "—"
        if document_file.is_text_pending:
            return "Đang xử lý: nội dung chữ sẽ được đọc trong giây lát."
        if document_file.extraction_error:
            return format_html(
                '<strong class="errornote">⚠ {}</strong>', document_file.extraction_error
            )
        if document_file.lacks_text_layer:
            # Short: the inline's column is narrow. The list filter explains more.
            return format_html(
                '<strong class="errornote" title="{}">⚠ {}</strong>',
                "Tệp là ảnh quét nên không tìm được theo nội dung; nên tải lên bản PDF có chữ "
                "(đã nhận dạng chữ).",
                f"PDF {NO_TEXT_LAYER}",
            )
        if document_file.has_text_layer:
            return f"Đã đọc {len(document_file.text)} ký tự để tra cứu."
        return "Không đọc nội dung chữ với định dạng này."


class DocumentAdminForm(forms.ModelForm):
    class Meta:
        model = Document
        # The admin's fieldsets decide the fields shown; these are checked here.
        fields = ["replaces", "amends"]

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            for name in ("replaces", "amends"):
                if any(other.pk == self.instance.pk for other in cleaned.get(name) or []):
                    self.add_error(name, "Văn bản không thể thay thế hoặc sửa đổi chính nó.")
        return cleaned


@admin.register(Document)
class DocumentAdmin(SpreadsheetMixin, FoldedSearchMixin, VersionAdmin):
    form = DocumentAdminForm
    # Nhập/Xuất: the register of documents as XLSX or CSV.
    resource_classes = [DocumentResource]
    list_display = [
        "number",
        "issued_on",
        "short_summary",
        "type",
        "issuer",
        "validity_display",
        "status",
        "text_layer",
        "download_count",
    ]
    list_display_links = ["number", "short_summary"]
    list_filter = [
        "type",
        "issuer",
        YearFilter,
        RecentlyIssuedFilter,
        CurrentValidityFilter,
        "validity",
        "status",
        TextLayerFilter,
        "fields",
    ]
    list_select_related = ["type", "issuer"]
    search_fields = ["number", "summary"]
    date_hierarchy = "issued_on"
    autocomplete_fields = ["replaces", "amends", "fields"]
    inlines = [DocumentFileInline]
    readonly_fields = ["download_count", "validity_display"]
    fieldsets = [
        (None, {"fields": ["number", "slug", "type", "issuer", "issued_on", "summary", "signer"]}),
        (
            "Hiệu lực",
            {"fields": ["effective_on", "validity", "validity_display", "replaces", "amends"]},
        ),
        (None, {"fields": ["fields", "status", "published_at", "download_count"]}),
    ]

    def get_queryset(self, request):
        scanned = DocumentFile.objects.filter(
            document=OuterRef("pk"), kind=FileKind.PDF, has_text_layer=False
        )
        queryset = super().get_queryset(request).with_validity()
        return queryset.annotate(has_scanned_pdf=Exists(scanned))

    def get_search_results(self, request, queryset, search_term):
        # Numbers are typed in many ways ("582/qd-ubnd", "qd ubnd"): also
        # match through the folded search text and the number key.
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if search_term.strip():
            results |= queryset.search(search_term)
        return results, may_have_duplicates

    @admin.display(description="trích yếu")
    def short_summary(self, document):
        summary = document.summary
        return summary if len(summary) <= 70 else summary[:68].rsplit(" ", 1)[0] + " …"

    @admin.display(description="hiệu lực hiện nay", ordering="current_validity")
    def validity_display(self, document):
        if not document.pk:
            return "—"
        return document.validity_now.label

    @admin.display(description="lớp văn bản", boolean=False)
    def text_layer(self, document):
        if getattr(document, "has_scanned_pdf", False):
            return format_html('<span class="errornote">⚠ {}</span>', NO_TEXT_LAYER)
        return ""
