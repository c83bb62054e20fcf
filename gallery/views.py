from django.db.models import Prefetch
from django.utils.cache import add_never_cache_headers
from django.views.generic import DetailView, ListView

from lhh.paginator import CachedCountPaginator

from .models import Album, Photo


class AlbumListView(ListView):
    model = Album
    paginate_by = 12
    paginator_class = CachedCountPaginator

    def get_queryset(self):
        return Album.objects.published().for_listing()


class AlbumDetailView(DetailView):
    model = Album

    def get_queryset(self):
        if self.request.user.has_perm("gallery.change_album"):
            albums = Album.objects.all()
        else:
            albums = Album.objects.published()
        return albums.prefetch_related(
            Prefetch("photos", queryset=Photo.objects.order_by("order", "pk"))
        )

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if not self.object.is_published:
            # A staff preview of a draft must never be kept by a cache.
            add_never_cache_headers(response)
        return response
