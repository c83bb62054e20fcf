from django import forms
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.html import format_html
from reversion.admin import VersionAdmin

from core import review
from core.adminsearch import FoldedSearchMixin
from core.reviewadmin import ReviewAdminMixin, site_url
from medialibrary.widgets import LibraryEditorMixin

from .models import Event


class TimeFilter(admin.SimpleListFilter):
    """Events to come and events that are over."""

    title = "thời gian"
    parameter_name = "thoi-gian"
    UPCOMING = "sap-dien-ra"
    PAST = "da-dien-ra"

    def lookups(self, request, model_admin):
        return [(self.UPCOMING, "Sắp diễn ra, đang diễn ra"), (self.PAST, "Đã diễn ra")]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == self.UPCOMING:
            return queryset.filter(ends_at__gte=now)
        if self.value() == self.PAST:
            return queryset.filter(ends_at__lt=now)
        return queryset


@admin.register(Event)
class EventAdmin(ReviewAdminMixin, LibraryEditorMixin, FoldedSearchMixin, VersionAdmin):
    list_display = ["title", "when", "place", "state", "published_at", "preview_link"]
    list_filter = ["status", TimeFilter, "is_all_day", "starts_at"]
    list_select_related = ["organization"]
    search_fields = ["title", "summary", "place", "organiser_name"]
    date_hierarchy = "starts_at"
    autocomplete_fields = ["organization", "registration_form", "documents"]
    actions = ["publish", "unpublish"]
    readonly_fields = ["publication_state", "created_by", "created_at", "updated_by", "updated_at"]
    object_history_template = "admin/events/event/object_history.html"
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body"]}),
        (
            "Thời gian và địa điểm",
            {
                "description": "Giờ Việt Nam (Asia/Ho_Chi_Minh).",
                "fields": ["starts_at", "ends_at", "is_all_day", "place", "map_url"],
            },
        ),
        (
            "Đơn vị tổ chức, đăng ký, văn bản",
            {
                "fields": [
                    "organization",
                    "organiser_name",
                    "registration_form",
                    "registration_url",
                    "documents",
                ],
            },
        ),
        ("Ảnh đại diện", {"fields": ["cover", "cover_caption"]}),
        (
            "Đăng bài",
            {"fields": ["publication_state", "status", "published_at", "expires_at"]},
        ),
        (
            "Theo dõi",
            {
                "classes": ["collapse"],
                "fields": ["created_by", "created_at", "updated_by", "updated_at"],
            },
        ),
    ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "summary":
            kwargs["widget"] = forms.Textarea(attrs={"rows": 3, "cols": 80})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description="thời gian", ordering="starts_at")
    def when(self, event):
        return event.when_in_words

    @admin.display(description="xem trước")
    def preview_link(self, event):
        # Staff with change permission see drafts at their public address.
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">Xem trước</a>', event.get_absolute_url()
        )

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)

    def _transition_selected(self, request, queryset, name):
        """Make transition `name` on each selected event it applies to."""
        changed = 0
        base_url = site_url(request)
        for event in queryset:
            try:
                review.apply(event, name, request.user, base_url=base_url)
            except review.TransitionRefused:
                continue
            changed += 1
        return changed

    @admin.action(description="Duyệt và đăng các sự kiện đã chọn", permissions=["approve"])
    def publish(self, request, queryset):
        changed = self._transition_selected(request, queryset, "approve")
        self.message_user(request, f"Đã đăng {changed} sự kiện.", messages.SUCCESS)

    @admin.action(description="Gỡ xuống các sự kiện đã chọn", permissions=["approve"])
    def unpublish(self, request, queryset):
        changed = self._transition_selected(request, queryset, "unpublish")
        self.message_user(request, f"Đã gỡ xuống {changed} sự kiện.", messages.SUCCESS)
