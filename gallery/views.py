from django.db.models import Prefetch
from django.views.generic import DetailView, ListView

from core.views import StaffPreviewMixin
from lhh.paginator import CachedCountPaginator

from .models import Album, Photo


class AlbumListView(ListView):
    model = Album
    paginate_by = 12
    paginator_class = CachedCountPaginator

    def get_queryset(self):
        return Album.objects.published().for_listing()


class AlbumDetailView(StaffPreviewMixin, DetailView):
    model = Album

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .prefetch_related(Prefetch("photos", queryset=Photo.objects.order_by("order", "pk")))
        )
