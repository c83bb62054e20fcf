from django.urls import path

from core.cache import cache_page_for_visitors

from . import views

app_name = "gallery"

urlpatterns = [
    path("", cache_page_for_visitors(views.AlbumListView.as_view()), name="album_list"),
    path("<slug:slug>/", cache_page_for_visitors(views.AlbumDetailView.as_view()), name="album"),
]
