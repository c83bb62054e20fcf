from django import forms
from django.contrib import admin
from django.shortcuts import redirect
from django.utils.html import format_html
from reversion.admin import VersionAdmin

from core.adminsearch import FoldedSearchMixin
from core.adminsort import SortableListMixin
from core.reviewadmin import ReviewAdminMixin
from medialibrary.widgets import LibraryEditorMixin

from .models import Banner, Link, Page, SiteProfile


@admin.register(SiteProfile)
class SiteProfileAdmin(admin.ModelAdmin):
    fieldsets = [
        (None, {"fields": ["name", "short_name", "parent_body", "logo", "welcome_message"]}),
        (
            "Liên hệ",
            {"fields": ["address", "phone", "fax", "email", "responsible_person", "licence"]},
        ),
        ("Thông báo và thống kê", {"fields": ["staff_emails", "visit_base"]}),
    ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "welcome_message":
            # One line on the site, up to 500 characters: a wide input.
            kwargs["widget"] = forms.TextInput(attrs={"class": "vLargeTextField", "size": 100})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def changelist_view(self, request, extra_context=None):
        # One row: its list would hold a single line to click. Open the
        # form itself, making the row when a fresh site has none.
        if not self.has_change_permission(request):
            return super().changelist_view(request, extra_context)
        profile = SiteProfile.objects.order_by("pk").first()
        if profile is None:
            profile = SiteProfile.objects.create(pk=1)
        return redirect("admin:sitecontent_siteprofile_change", profile.pk)

    def has_add_permission(self, request):
        return not SiteProfile.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Page)
class PageAdmin(
    ReviewAdminMixin, LibraryEditorMixin, SortableListMixin, FoldedSearchMixin, VersionAdmin
):
    list_display = ["title", "slug", "status", "published_at", "is_in_menu", "order"]
    object_history_template = "admin/sitecontent/page/object_history.html"
    list_editable = ["order", "is_in_menu"]
    list_filter = ["status", "is_in_menu"]
    search_fields = ["title", "summary"]
    fields = [
        "title",
        "slug",
        "summary",
        "body",
        "status",
        "published_at",
        "expires_at",
        "is_in_menu",
        "order",
    ]


@admin.register(Link)
class LinkAdmin(SortableListMixin, FoldedSearchMixin, VersionAdmin):
    list_display = ["title", "url", "order", "is_active"]
    list_editable = ["order", "is_active"]
    search_fields = ["title", "url"]


@admin.register(Banner)
class BannerAdmin(SortableListMixin, FoldedSearchMixin, VersionAdmin):
    list_display = ["title", "preview", "url", "order", "is_active", "shown_from", "shown_until"]
    list_editable = ["order", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["title"]

    @admin.display(description="ảnh")
    def preview(self, banner):
        if not banner.image:
            return "—"
        return format_html('<img src="{}" alt="" height="40">', banner.image.url)
