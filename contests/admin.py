from django.contrib import admin
from django.template.defaultfilters import filesizeformat
from reversion.admin import VersionAdmin

from core.adminsearch import FoldedSearchMixin
from medialibrary.widgets import LibraryEditorMixin

from .models import Programme, ProgrammeFile


class ProgrammeFileInline(admin.TabularInline):
    model = ProgrammeFile
    extra = 1
    fields = ["title", "file", "order", "details"]
    readonly_fields = ["details"]

    @admin.display(description="định dạng, dung lượng")
    def details(self, stored):
        if not stored.pk:
            return "—"
        return f"{stored.get_kind_display()}, {filesizeformat(stored.size)}"


@admin.register(Programme)
class ProgrammeAdmin(LibraryEditorMixin, FoldedSearchMixin, VersionAdmin):
    list_display = ["title", "kind", "year", "deadline_on", "status", "is_results_published"]
    list_filter = ["kind", "status", "year"]
    search_fields = ["title", "summary"]
    list_select_related = ["registration_form"]
    autocomplete_fields = ["registration_form"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "round_label", "year", "summary"]}),
        ("Thể lệ", {"fields": ["rules"]}),
        (
            "Các mốc thời gian",
            {"fields": ["opens_on", "deadline_on", "judging_on", "ceremony_on"]},
        ),
        ("Đăng ký trực tuyến", {"fields": ["registration_form"]}),
        ("Kết quả", {"fields": ["results", "is_results_published"]}),
        ("Đăng", {"fields": ["status", "published_at"]}),
    ]
    inlines = [ProgrammeFileInline]
