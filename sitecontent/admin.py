from django import forms
from django.contrib import admin
from django.shortcuts import redirect
from django.utils.html import format_html
from reversion.admin import VersionAdmin

from core.adminsearch import FoldedSearchMixin
from core.adminsort import SortableListMixin
from core.reviewadmin import ReviewAdminMixin
from medialibrary.widgets import LibraryEditorMixin

from .models import Banner, ContactPoint, Link, Page, SiteProfile


@admin.register(SiteProfile)
class SiteProfileAdmin(admin.ModelAdmin):
    fieldsets = [
        (None, {"fields": ["name", "short_name", "parent_body", "logo", "welcome_message"]}),
        (
            "Liên hệ",
            {"fields": ["address", "phone", "fax", "email", "responsible_person", "licence"]},
        ),
        (
            "Bản tiếng Anh (mục English, /en/)",
            {"fields": ["name_en", "parent_body_en", "address_en"]},
        ),
        ("Thông báo và thống kê", {"fields": ["staff_emails", "visit_base"]}),
    ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in ("welcome_message", "name_en", "parent_body_en", "address_en"):
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
    list_display = ["title", "slug", "status", "published_at", "has_english", "is_in_menu", "order"]
    object_history_template = "admin/sitecontent/page/object_history.html"
    list_editable = ["order", "is_in_menu"]
    list_filter = ["status", "is_in_menu"]
    search_fields = ["title", "summary", "title_en"]
    # The English text beside the Vietnamese, on the same form.
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body", "contact_list"]}),
        (
            "Bản tiếng Anh (mục English, /en/)",
            {
                "description": (
                    "Trang có tiêu đề tiếng Anh thì có bản tiếng Anh; chưa dịch thì trang "
                    "tiếng Anh hiện nội dung tiếng Việt kèm một dòng ghi chú."
                ),
                "fields": ["title_en", "slug_en", "summary_en", "body_en"],
            },
        ),
        (None, {"fields": ["status", "published_at", "expires_at", "is_in_menu", "order"]}),
    ]

    @admin.display(description="bản tiếng Anh", boolean=True)
    def has_english(self, page):
        return page.is_translated


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


@admin.register(ContactPoint)
class ContactPointAdmin(SortableListMixin, FoldedSearchMixin, VersionAdmin):
    list_display = [
        "name", "portrait", "title", "unit", "role", "phone", "email", "is_active", "order",
    ]  # fmt: skip
    list_editable = ["order", "is_active"]
    list_filter = ["role", "is_active"]
    search_fields = ["name", "title", "unit", "email"]
    fieldsets = [
        (None, {"fields": ["name", "role", "title", "unit", "photo"]}),
        ("Liên hệ", {"fields": ["phone", "email"]}),
        ("Bản tiếng Anh (mục English, /en/)", {"fields": ["title_en", "unit_en"]}),
        (None, {"fields": ["is_active", "order"]}),
    ]

    @admin.display(description="ảnh")
    def portrait(self, person):
        if not person.photo:
            return "—"
        return format_html('<img src="{}" alt="" width="36" height="48">', person.photo_card.url)
