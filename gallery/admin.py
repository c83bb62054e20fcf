from adminsortable2.admin import SortableAdminBase
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Max, Q
from django.utils.html import format_html
from reversion.admin import VersionAdmin

from core.adminsearch import FoldedSearchMixin
from core.adminsort import SortableTabularInline

from .forms import AlbumAdminForm
from .models import Album, Photo
from .validators import validate_photo


class PhotoInline(SortableTabularInline):
    model = Photo
    fields = ["preview", "image", "caption", "order"]
    readonly_fields = ["preview"]
    extra = 0
    formfield_overrides = {models.CharField: {"widget": forms.TextInput(attrs={"size": 60})}}

    def get_queryset(self, request):
        # "Xem trên trang web" builds each photo's URL from its album.
        return super().get_queryset(request).select_related("album")

    @admin.display(description="xem trước")
    def preview(self, photo):
        if not photo.pk or not photo.image:
            return "—"
        return format_html(
            '<img src="{}" width="{}" height="{}" alt="{}">',
            photo.thumbnail.url,
            photo.thumbnail_width,
            photo.thumbnail_height,
            photo.caption,
        )


@admin.register(Album)
class AlbumAdmin(SortableAdminBase, FoldedSearchMixin, VersionAdmin):
    form = AlbumAdminForm
    inlines = [PhotoInline]
    list_display = [
        "title",
        "event_on",
        "status",
        "published_at",
        "photo_total",
        "missing_captions",
    ]
    list_filter = ["status", "published_at"]
    search_fields = ["title", "description"]
    date_hierarchy = "published_at"
    readonly_fields = ["created_at", "updated_at"]
    autocomplete_fields = ["article"]

    class Media:
        css = {"all": ["css/gallery-admin.css"]}

    fieldsets = [
        (None, {"fields": ["title", "slug", "event_on", "description", "article"]}),
        ("Ảnh", {"fields": ["new_photos", "cover"]}),
        ("Đăng", {"fields": ["status", "published_at", "created_at", "updated_at"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                photo_total=Count("photos"),
                missing_captions=Count("photos", filter=Q(photos__caption="")),
            )
            # A grouped query drops Meta.ordering: the autocomplete's pages
            # would come in no set order.
            .order_by(*Album._meta.ordering)
        )

    @admin.display(description="số ảnh", ordering="photo_total")
    def photo_total(self, album):
        return album.photo_total

    @admin.display(description="ảnh thiếu chú thích", ordering="missing_captions")
    def missing_captions(self, album):
        return album.missing_captions or ""

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            album = self.get_object(request, unquote(object_id))
            if album is not None and album.missing_captions:
                messages.warning(
                    request,
                    f"{album.missing_captions} ảnh chưa có chú thích. Chú thích là chữ thay thế "
                    "cho người khiếm thị; hãy điền cho mọi ảnh.",
                )
        return super().change_view(request, object_id, form_url, extra_context)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        self._add_uploaded_photos(request, form.instance, form.cleaned_data.get("new_photos"))

    def _add_uploaded_photos(self, request, album, uploads):
        """Keep every good file; refuse each bad one with a message naming it."""
        if not uploads:
            return
        order = album.photos.aggregate(last=Max("order"))["last"] or 0
        added = 0
        for upload in uploads:
            try:
                validate_photo(upload)
            except ValidationError as error:
                for message in error.messages:
                    messages.error(request, message)
                continue
            order += 1
            Photo.objects.create(album=album, image=upload, order=order)
            added += 1
        if added:
            messages.success(
                request,
                f"Đã thêm {added} ảnh vào album. Hãy điền chú thích cho từng ảnh.",
            )
            # Back to the form, where the new photos wait for their captions.
            request.gallery_photos_added = True

    def response_add(self, request, obj, post_url_continue=None):
        self._continue_after_upload(request)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        self._continue_after_upload(request)
        return super().response_change(request, obj)

    def _continue_after_upload(self, request):
        other_buttons = {"_addanother", "_saveasnew", "_popup"}
        if getattr(request, "gallery_photos_added", False) and not other_buttons & set(
            request.POST
        ):
            request.POST = request.POST.copy()
            request.POST["_continue"] = "1"
