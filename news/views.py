from django.db.models import F
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import DetailView, ListView

from core.cache import cache_page_for_visitors
from core.paginator import CachedCountMixin
from core.views import StaffPreviewMixin

from .models import Article, Category


class ArticleListView(CachedCountMixin, ListView):
    model = Article
    paginate_by = 10

    def get_queryset(self):
        return Article.objects.published().select_related("category")

    def count_key(self):
        return "news:list"


class CategoryArticleListView(ArticleListView):
    def get_queryset(self):
        self.category = get_object_or_404(
            Category.objects.select_related("parent"), slug=self.kwargs["slug"]
        )
        return super().get_queryset().in_category(self.category)

    def count_key(self):
        return f"news:category:{self.category.pk}"

    def get_context_data(self, **kwargs):
        # The sub-categories are listed under the title, as the reference's
        # "TIN TỨC TỔNG HỢP › Khoa học & Công nghệ".
        return super().get_context_data(
            category=self.category,
            subcategories=list(self.category.children.all()),
            **kwargs,
        )


class ArticleDetailView(StaffPreviewMixin, DetailView):
    """An article; staff who may edit articles also see drafts and scheduled ones."""

    model = Article
    other_count = 10

    def public_queryset(self, queryset):
        # Past its end date it leaves every list, but its address answers.
        return queryset.reachable()

    def get_queryset(self):
        return super().get_queryset().select_related("category", "category__parent")

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        # The address stays valid when the article moves to another category.
        if self.object.category.slug != kwargs["category_slug"]:
            return redirect(self.object, permanent=True)
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_context_data(self, **kwargs):
        others = (
            Article.objects.published()
            .others_than(self.object)
            .select_related("category")
            .only("title", "slug", "published_at", "category", "category__slug")[: self.other_count]
        )
        return super().get_context_data(
            other_articles=list(others),
            canonical_url=self.request.build_absolute_uri(self.object.get_absolute_url()),
            **kwargs,
        )


def count_view(article_id):
    """Count a reader's view of a published article: the article page asks
    the visit counter's address (visits.views.hit), which calls this, so a
    page served by any cache counts too. One UPDATE with F(): simultaneous
    readers never lose a count. A staff preview of a draft is not a view."""
    if article_id.isdigit() and len(article_id) <= 18:
        Article.objects.reachable().filter(pk=article_id).update(view_count=F("view_count") + 1)


# A linked article is what a burst of visitors reads: anonymous readers get
# it from the page cache (core.cache).
article_detail = cache_page_for_visitors(ArticleDetailView.as_view())
