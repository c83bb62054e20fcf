from django.urls import path

from core.cache import cache_page_for_visitors

from . import views

app_name = "news"

urlpatterns = [
    path("", cache_page_for_visitors(views.ArticleListView.as_view()), name="list"),
    path(
        "<slug:slug>/",
        cache_page_for_visitors(views.CategoryArticleListView.as_view()),
        name="category",
    ),
    path("<slug:category_slug>/<slug:slug>/", views.article_detail, name="article"),
]
