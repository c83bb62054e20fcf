from core import apps


class GalleryConfig(apps.ContentAppConfig):
    name = "gallery"
    verbose_name = "Thư viện ảnh"

    def ready(self):
        from core import media, sidebar
        from search import registry

        from .models import Album, Photo

        super().ready()
        # A draft or scheduled album's photos and their renditions.
        media.protect("gallery/", Photo.objects.published, "image", "gallery.view_album")
        registry.register(Album, slug="album", label="Album ảnh", position=60)
        # Its sidebar block, read with the others in one query.
        sidebar.register(Photo.objects.sidebar_latest)
