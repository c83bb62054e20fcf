from datetime import timedelta

import reversion
from django import forms
from django.contrib import admin, messages
from django.db.models import Q
from django.utils import timezone
from django.utils.html import format_html
from reversion.admin import VersionAdmin

from lhh.adminsearch import FoldedSearchMixin
from lhh.models import Status

from .models import Article, Category


@admin.register(Category)
class CategoryAdmin(FoldedSearchMixin, VersionAdmin):
    list_display = ["name", "parent", "slug", "order", "is_shown_on_home", "is_notice"]
    list_editable = ["order", "is_shown_on_home", "is_notice"]
    list_filter = ["is_shown_on_home", "is_notice", "parent"]
    list_select_related = ["parent"]
    search_fields = ["name"]
    fields = ["name", "slug", "parent", "order", "is_shown_on_home", "is_notice"]


class ScheduleFilter(admin.SimpleListFilter):
    """Scheduled (hẹn giờ đăng) and newly published articles."""

    title = "lịch đăng"
    parameter_name = "lich"
    SCHEDULED = "hen-gio"
    RECENT = "7-ngay"
    RECENT_DAYS = 7

    def lookups(self, request, model_admin):
        return [
            (self.SCHEDULED, "Hẹn giờ đăng"),
            (self.RECENT, f"Đã đăng trong {self.RECENT_DAYS} ngày qua"),
        ]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == self.SCHEDULED:
            return queryset.filter(status=Status.PUBLISHED, published_at__gt=now)
        if self.value() == self.RECENT:
            since = now - timedelta(days=self.RECENT_DAYS)
            return queryset.published(now=now).filter(published_at__gte=since)
        return queryset


class CoverFilter(admin.SimpleListFilter):
    """Articles whose cover is missing or has no caption (its alt text)."""

    title = "ảnh đại diện"
    parameter_name = "anh"
    INCOMPLETE = "thieu"

    def lookups(self, request, model_admin):
        return [(self.INCOMPLETE, "Thiếu ảnh hoặc chú thích ảnh")]

    def queryset(self, request, queryset):
        if self.value() == self.INCOMPLETE:
            return queryset.filter(Q(cover="") | Q(cover__isnull=True) | Q(cover_caption=""))
        return queryset


@admin.register(Article)
class ArticleAdmin(FoldedSearchMixin, VersionAdmin):
    list_display = [
        "title",
        "category",
        "state",
        "published_at",
        "is_featured",
        "view_count",
        "preview_link",
    ]
    list_filter = [
        "status",
        ScheduleFilter,
        CoverFilter,
        "category",
        "is_featured",
        "published_at",
    ]
    list_select_related = ["category", "category__parent"]
    search_fields = ["title", "summary", "author"]
    date_hierarchy = "published_at"
    actions = ["publish", "unpublish"]
    readonly_fields = ["view_count", "created_by", "created_at", "updated_by", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "category", "summary", "body"]}),
        ("Ảnh đại diện", {"fields": ["cover", "cover_caption"]}),
        ("Ký tên và nguồn", {"fields": ["author", "source"]}),
        ("Đăng bài", {"fields": ["status", "published_at", "is_featured"]}),
        (
            "Theo dõi",
            {
                "classes": ["collapse"],
                "fields": ["view_count", "created_by", "created_at", "updated_by", "updated_at"],
            },
        ),
    ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "summary":
            kwargs["widget"] = forms.Textarea(attrs={"rows": 3, "cols": 80})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description="trạng thái", ordering="status")
    def state(self, article):
        # "Đã đăng" with a future time is a scheduled article: say so.
        if article.status == Status.PUBLISHED and not article.is_published:
            return "Hẹn giờ đăng"
        return article.get_status_display()

    @admin.display(description="xem trước")
    def preview_link(self, article):
        # Staff with change permission see drafts and scheduled articles
        # at their public address; visitors get 404 there.
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">Xem trước</a>',
            article.get_absolute_url(),
        )

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)

    def _set_status(self, request, queryset, status, comment):
        changed = 0
        with reversion.create_revision():
            reversion.set_user(request.user)
            reversion.set_comment(comment)
            for article in queryset.select_related("category"):
                if article.status == status:
                    continue
                article.status = status
                article.updated_by = request.user
                article.save(update_fields=["status", "updated_by", "updated_at"])
                reversion.add_to_revision(article)
                changed += 1
        return changed

    @admin.action(description="Đăng các tin bài đã chọn", permissions=["change"])
    def publish(self, request, queryset):
        changed = self._set_status(request, queryset, Status.PUBLISHED, "Đăng bài.")
        self.message_user(
            request,
            f"Đã đăng {changed} tin bài. Tin có thời điểm đăng trong tương lai sẽ tự hiện "
            "khi đến giờ.",
            messages.SUCCESS,
        )

    @admin.action(description="Gỡ các tin bài đã chọn (chuyển về bản nháp)", permissions=["change"])
    def unpublish(self, request, queryset):
        changed = self._set_status(request, queryset, Status.DRAFT, "Gỡ bài.")
        self.message_user(request, f"Đã gỡ {changed} tin bài về bản nháp.", messages.SUCCESS)
