import posixpath

from django.contrib import admin
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from reversion.admin import VersionAdmin

from core.adminsearch import FoldedSearchMixin

from .models import MediaItem


class MissingAltTextFilter(admin.SimpleListFilter):
    title = "chữ thay thế"
    parameter_name = "chu_thay_the"

    def lookups(self, request, model_admin):
        return [("thieu", "Chưa có chữ thay thế"), ("co", "Đã có chữ thay thế")]

    def queryset(self, request, queryset):
        if self.value() == "thieu":
            return queryset.filter(alt_text="")
        if self.value() == "co":
            return queryset.exclude(alt_text="")
        return queryset


class UsageFilter(admin.SimpleListFilter):
    title = "chỗ dùng"
    parameter_name = "cho_dung"

    def lookups(self, request, model_admin):
        return [("chua", "Chưa dùng"), ("dang", "Đang dùng")]

    def queryset(self, request, queryset):
        if self.value() == "chua":
            return queryset.filter(usages__isnull=True)
        if self.value() == "dang":
            return queryset.filter(usages__isnull=False).distinct()
        return queryset


@admin.register(MediaItem)
class MediaItemAdmin(FoldedSearchMixin, VersionAdmin):
    list_display = ["preview", "alt_text", "caption", "uploaded_by", "uploaded_at", "usage_count"]
    list_display_links = ["preview", "alt_text"]
    list_filter = [MissingAltTextFilter, UsageFilter]
    search_fields = ["alt_text", "caption", "file"]
    fields = ["file", "preview", "alt_text", "caption", "uploaded_by", "uploaded_at", "usage"]
    readonly_fields = ["preview", "uploaded_by", "uploaded_at", "usage"]
    list_select_related = ["uploaded_by"]
    date_hierarchy = "uploaded_at"

    # Pictures a page of the editor's picker shows.
    picker_page_size = 24

    def get_queryset(self, request):
        return super().get_queryset(request).with_usage_count()

    def get_urls(self):
        picker = self.admin_site.admin_view(self.picker_view)
        return [
            path("picker/", picker, name="medialibrary_mediaitem_picker"),
            *super().get_urls(),
        ]

    def picker_view(self, request):
        """The library's pictures as JSON, for the editor's picker
        (static/js/editor-library.js): newest first, searched as the list is."""
        if not self.has_view_permission(request):
            return JsonResponse({"error": "Bạn không có quyền xem thư viện ảnh."}, status=403)
        query = request.GET.get("q", "")[:200]
        items, _ = self.get_search_results(request, MediaItem.objects.all(), query)
        paginator = Paginator(items.order_by("-uploaded_at", "-pk"), self.picker_page_size)
        page = paginator.get_page(request.GET.get("page"))
        return JsonResponse(
            {
                "items": [
                    {
                        "id": item.pk,
                        "url": item.file.url,
                        "thumbnail": item.thumbnail.url,
                        "alt": item.alt_text,
                        "caption": item.caption,
                        "name": posixpath.basename(item.file.name),
                        "width": item.width,
                        "height": item.height,
                    }
                    for item in page
                ],
                "count": paginator.count,
                "next": page.next_page_number() if page.has_next() else None,
            }
        )

    def get_readonly_fields(self, request, obj=None):
        # A new file gets a new name: the bodies showing the old one would
        # no longer be counted as its usage.
        fields = super().get_readonly_fields(request, obj)
        return ["file", *fields] if obj is not None else fields

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description="ảnh")
    def preview(self, item):
        if not item.file:
            return "—"
        width, height = item.thumbnail_size
        return format_html(
            '<img src="{}" alt="{}" width="{}" height="{}">',
            item.thumbnail.url,
            item.alt_text,
            width,
            height,
        )

    @admin.display(description="số chỗ dùng", ordering="usage_count")
    def usage_count(self, item):
        return item.usage_count

    @admin.display(description="đang dùng trong")
    def usage(self, item):
        places = usage_links(item)
        if not places:
            return "Chưa dùng ở đâu."
        return format_html_join(mark_safe("<br>"), "{}", ((place,) for place in places))

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        if protected:
            # Where each item is used, linked, instead of the usage rows.
            protected = [
                format_html("{}: {}", item, format_html_join(", ", "{}", ((p,) for p in places)))
                for item in objs
                if (places := usage_links(item))
            ]
        return deleted, counts, perms_needed, protected


def usage_links(item):
    """'tin bài «…»' links to the admin page of each object that shows `item`."""
    links = []
    usages = item.usages.select_related("content_type").prefetch_related("content_object")
    for usage in usages.order_by("content_type", "object_id"):
        obj = usage.content_object
        if obj is None:
            continue
        opts = obj._meta
        label = f"{opts.verbose_name} «{obj}»"
        try:
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        except NoReverseMatch:
            links.append(label)
            continue
        links.append(format_html('<a href="{}">{}</a>', url, label))
    return links
