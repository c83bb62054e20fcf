from django.urls import reverse

from core.sitemaps import ContentSitemap

from .models import Article, Category


class ArticleSitemap(ContentSitemap):
    changefreq = "weekly"
    priority = 0.7
    limit = 5000

    def items(self):
        return (
            Article.objects.published()
            .select_related("category")
            .only("slug", "updated_at", "category", "category__slug")
        )

    def lastmod(self, article):
        return article.updated_at


class NewsIndexSitemap(ContentSitemap):
    """The all-news list and the HTML site map page."""

    changefreq = "daily"
    priority = 0.8

    def items(self):
        return ["news:list", "lhh:site_map"]

    def location(self, item):
        return reverse(item)


class CategorySitemap(ContentSitemap):
    changefreq = "daily"
    priority = 0.6

    def items(self):
        return Category.objects.all()
