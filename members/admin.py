from django.contrib import admin
from django.db import models
from django.utils.html import format_html
from reversion.admin import VersionAdmin

from core.adminsearch import FoldedSearchMixin
from core.adminsort import SortableListMixin, SortableTabularInline
from core.spreadsheets import SpreadsheetMixin
from medialibrary.widgets import LibraryEditorMixin

from .models import Field, Organization, OrganizationGroup
from .resources import OrganizationResource


@admin.register(Field)
class FieldAdmin(SortableListMixin, FoldedSearchMixin, VersionAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name"]


class OrganizationInline(SortableTabularInline):
    """The group's organizations, dragged into the order the public tree shows."""

    model = Organization
    fields = ["is_active", "order"]
    extra = 0
    can_delete = False
    show_change_link = True
    verbose_name_plural = "thứ tự các tổ chức trong nhóm"

    def has_add_permission(self, request, obj=None):
        # Organizations are added in their own, complete form.
        return False


@admin.register(OrganizationGroup)
class OrganizationGroupAdmin(SortableListMixin, FoldedSearchMixin, VersionAdmin):
    inlines = [OrganizationInline]
    list_display = ["name", "slug", "order", "organization_count"]
    list_editable = ["order"]
    search_fields = ["name"]
    fields = ["name", "slug", "description", "order"]

    def get_queryset(self, request):
        # Counting drops Meta.ordering; the drag and drop's page count needs one.
        return super().get_queryset(request).with_statistics().order_by("order", "name")

    @admin.display(description="số tổ chức đang hiển thị", ordering="organization_count")
    def organization_count(self, group):
        return group.organization_count


@admin.register(Organization)
class OrganizationAdmin(SpreadsheetMixin, LibraryEditorMixin, FoldedSearchMixin, VersionAdmin):
    # Nhập/Xuất: the member list as XLSX or CSV.
    resource_classes = [OrganizationResource]
    list_display = [
        "name",
        "short_name",
        "group",
        "order",
        "member_count",
        "leader_name",
        "is_active",
        "logo_preview",
    ]
    list_display_links = ["name"]
    list_editable = ["order"]
    list_filter = ["group", "fields", "is_active"]
    list_select_related = ["group"]
    search_fields = ["name", "short_name"]
    # Listed by group, then in the order visitors see them in the tree.
    ordering = ["group__order", "group__name", "order", "name"]
    filter_horizontal = ["fields"]
    # Staff type "hoitinhoc.vn"; the sites are served over HTTPS.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    readonly_fields = ["logo_preview"]
    fieldsets = [
        (None, {"fields": ["name", "short_name", "slug", "group", "fields", "order", "is_active"]}),
        ("Người đứng đầu", {"fields": ["leader_title", "leader_name"]}),
        (
            "Thành lập và hội viên",
            {"fields": ["founded_on", "founding_decision", "member_count"]},
        ),
        ("Liên hệ", {"fields": ["address", "phone", "email", "website"]}),
        ("Biểu trưng", {"fields": ["logo", "logo_preview"]}),
        ("Giới thiệu", {"fields": ["description"]}),
    ]

    @admin.display(description="logo")
    def logo_preview(self, organization):
        if not organization.logo:
            return "—"
        return format_html('<img src="{}" alt="" height="40">', organization.logo.url)
