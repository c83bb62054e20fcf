from django.urls import path

from core.cache import cache_page_for_visitors

from . import views

app_name = "contests"

urlpatterns = [
    path("", cache_page_for_visitors(views.ProgrammeListView.as_view()), name="list"),
    path(
        "<slug:slug>/", cache_page_for_visitors(views.ProgrammeDetailView.as_view()), name="detail"
    ),
    path("<slug:slug>/tai-ve/<int:file_id>/", views.download, name="download"),
]
