from django.db.models import Prefetch
from django.views.generic import DetailView, ListView

from core.paginator import CachedCountMixin
from core.views import StaffPreviewMixin

from .models import Album, Photo


class AlbumListView(CachedCountMixin, ListView):
    model = Album
    paginate_by = 12

    def get_queryset(self):
        return Album.objects.published().for_listing()

    def count_key(self):
        return "gallery:albums"


class AlbumDetailView(StaffPreviewMixin, DetailView):
    model = Album

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .prefetch_related(Prefetch("photos", queryset=Photo.objects.order_by("order", "pk")))
        )
