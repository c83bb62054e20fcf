from django.urls import path

from . import views

app_name = "news"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="list"),
    path("<slug:slug>/", views.CategoryArticleListView.as_view(), name="category"),
    path("<slug:category_slug>/<slug:slug>/", views.article_detail, name="article"),
]
