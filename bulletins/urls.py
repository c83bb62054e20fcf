from django.urls import path

from core.cache import cache_page_for_visitors

from . import views

app_name = "bulletins"

urlpatterns = [
    path("", cache_page_for_visitors(views.IssueListView.as_view()), name="list"),
    path("<slug:slug>/", cache_page_for_visitors(views.IssueDetailView.as_view()), name="detail"),
    path("<slug:slug>/doc/", views.read, name="read"),
    path("<slug:slug>/tai-ve/", views.download, name="download"),
]
