from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse

from core.feeds import XmlSafeRssFeed
from sitecontent.models import SiteProfile

from .models import Article, Category

FEED_SIZE = 20


class LatestArticlesFeed(Feed):
    feed_type = XmlSafeRssFeed
    language = "vi"
    description_template = None

    def title(self, obj=None):
        return f"Tin tức – {SiteProfile.load().name}"

    def link(self, obj=None):
        return reverse("news:list")

    def description(self, obj=None):
        return f"Tin bài mới nhất của {SiteProfile.load().name}."

    def items(self, obj=None):
        return Article.objects.published().select_related("category")[:FEED_SIZE]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.summary

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.updated_at

    def item_author_name(self, article):
        return article.author or None

    def item_categories(self, article):
        return [article.category.name]


class CategoryArticlesFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Category, slug=slug)

    def title(self, category):
        return f"{category.name} – {SiteProfile.load().name}"

    def link(self, category):
        return category.get_absolute_url()

    def description(self, category):
        return f"Tin bài mới nhất của chuyên mục {category.name}."

    def items(self, category):
        return (
            Article.objects.published().in_category(category).select_related("category")[:FEED_SIZE]
        )
