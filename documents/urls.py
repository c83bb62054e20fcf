from django.urls import path

from core.cache import cache_page_for_visitors

from . import views

app_name = "documents"

# The number (582/QĐ-UBND) contains slashes, so pages are addressed by a
# slug made from it once ("582-qd-ubnd-2018") and never changed.
urlpatterns = [
    path("", cache_page_for_visitors(views.DocumentListView.as_view()), name="list"),
    path(
        "<slug:slug>/", cache_page_for_visitors(views.DocumentDetailView.as_view()), name="detail"
    ),
    path("<slug:slug>/tep/<int:file_id>/", views.download, name="download"),
]
