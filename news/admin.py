from datetime import timedelta

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.html import format_html
from reversion.admin import VersionAdmin
from reversion.models import Version

from core import review
from core.adminsearch import FoldedSearchMixin
from core.diff import word_diff
from core.models import Status
from core.reviewadmin import ReviewAdminMixin, site_url
from core.sanitize import sanitize_html
from core.text import html_to_text
from medialibrary.widgets import LibraryEditorMixin

from .models import Article, Category

# What the history's comparison shows, and how each stored value is read.
COMPARED_FIELDS = [
    ("title", "Tiêu đề", lambda value: value or ""),
    ("summary", "Tóm tắt (sapo)", lambda value: value or ""),
    ("body", "Nội dung", html_to_text),
]


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
class ArticleAdmin(ReviewAdminMixin, LibraryEditorMixin, FoldedSearchMixin, VersionAdmin):
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
    readonly_fields = [
        "publication_state",
        "view_count",
        "created_by",
        "created_at",
        "updated_by",
        "updated_at",
    ]
    object_history_template = "admin/news/article/object_history.html"
    fieldsets = [
        (None, {"fields": ["title", "slug", "category", "summary", "body"]}),
        ("Ảnh đại diện", {"fields": ["cover", "cover_caption"]}),
        ("Ký tên và nguồn", {"fields": ["author", "source"]}),
        (
            "Đăng bài",
            {
                "fields": [
                    "publication_state",
                    "status",
                    "published_at",
                    "expires_at",
                    "is_featured",
                ]
            },
        ),
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

    def get_urls(self):
        preview = self.admin_site.admin_view(self.preview_view)
        compare = self.admin_site.admin_view(self.compare_view)
        return [
            path("add/preview/", preview, name="news_article_preview_add"),
            path("<path:object_id>/change/preview/", preview, name="news_article_preview"),
            path("<path:object_id>/history/compare/", compare, name="news_article_compare"),
            *super().get_urls(),
        ]

    def preview_view(self, request, object_id=None):
        """The public page of the form's content, saved or not (Xem trước):
        the form's "Xem trước" button posts here, to a new tab."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        stored = self.get_object(request, unquote(object_id)) if object_id else None
        if object_id and stored is None:
            raise Http404("Không tìm thấy tin bài.")
        allowed = (
            self.has_change_permission(request, stored)
            if stored
            else self.has_add_permission(request)
        )
        if not allowed:
            raise PermissionDenied
        form_class = self.get_form(request, stored, change=stored is not None)
        form = form_class(request.POST, request.FILES, instance=stored)
        if not form.is_valid():
            response = TemplateResponse(
                request,
                "admin/news/article/preview_invalid.html",
                {**self.admin_site.each_context(request), "form": form, "title": "Xem trước"},
            )
        else:
            article = form.save(commit=False)
            # A cover just chosen is not stored yet: the preview keeps the
            # stored one, which is what the page shows until the form is saved.
            if "cover" in request.FILES:
                article.cover = stored.cover if stored else None
            article.body = sanitize_html(article.body)
            response = TemplateResponse(
                request,
                "news/article_detail.html",
                {
                    "article": article,
                    "object": article,
                    "is_preview": True,
                    "is_unsaved_preview": True,
                    "other_articles": [],
                    "canonical_url": request.build_absolute_uri(),
                },
            )
        add_never_cache_headers(response)
        return response

    def compare_view(self, request, object_id):
        """Two versions of an article side by side: what changed in the
        title, summary and body, word by word."""
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404("Không tìm thấy tin bài.")
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        versions = Version.objects.get_for_object(article).select_related("revision__user")
        chosen = {}
        for key in ("a", "b"):
            try:
                chosen[key] = versions.get(pk=int(request.GET.get(key, "")))
            except (ValueError, Version.DoesNotExist):
                return HttpResponseRedirect(
                    reverse("admin:news_article_history", args=[article.pk])
                )
        older, newer = sorted(chosen.values(), key=lambda v: v.revision.date_created)
        rows = [
            (label, word_diff(clean(older.field_dict.get(name)), clean(newer.field_dict.get(name))))
            for name, label, clean in COMPARED_FIELDS
        ]
        return TemplateResponse(
            request,
            "admin/news/article/compare.html",
            {
                **self.admin_site.each_context(request),
                "title": f"So sánh hai phiên bản: {article.title}",
                "opts": self.opts,
                "original": article,
                "older": older,
                "newer": newer,
                "rows": rows,
            },
        )

    def history_view(self, request, object_id, extra_context=None):
        article = self.get_object(request, unquote(object_id))
        versions = (
            Version.objects.get_for_object(article).select_related("revision__user")
            if article
            else []
        )
        return super().history_view(
            request, object_id, {**(extra_context or {}), "compare_versions": versions}
        )

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

    def _transition_selected(self, request, queryset, name):
        """Make transition `name` on each selected article it applies to;
        the rest are left as they are (core.review says why)."""
        changed = 0
        base_url = site_url(request)
        for article in queryset.select_related("category"):
            try:
                review.apply(article, name, request.user, base_url=base_url)
            except review.TransitionRefused:
                continue
            changed += 1
        return changed

    @admin.action(description="Duyệt và đăng các tin bài đã chọn", permissions=["approve"])
    def publish(self, request, queryset):
        changed = self._transition_selected(request, queryset, "approve")
        self.message_user(
            request,
            f"Đã đăng {changed} tin bài. Tin có thời điểm đăng trong tương lai sẽ tự "
            "hiện khi đến giờ.",
            messages.SUCCESS,
        )

    @admin.action(description="Gỡ xuống các tin bài đã chọn", permissions=["approve"])
    def unpublish(self, request, queryset):
        changed = self._transition_selected(request, queryset, "unpublish")
        self.message_user(request, f"Đã gỡ xuống {changed} tin bài.", messages.SUCCESS)
