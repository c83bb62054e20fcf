from django.urls import path

from core.cache import cache_page_for_visitors

from . import views

app_name = "sitecontent"

urlpatterns = [
    path("<slug:slug>/", cache_page_for_visitors(views.PageDetailView.as_view()), name="page"),
]

# The English section, under /en/ (lhh.urls), in its own namespace.
english_patterns = (
    [
        path("", cache_page_for_visitors(views.EnglishHomeView.as_view()), name="home"),
        path(
            "<slug:slug>/",
            cache_page_for_visitors(views.EnglishPageView.as_view()),
            name="page",
        ),
    ],
    "english",
)
