from core import apps


class GalleryConfig(apps.ContentAppConfig):
    name = "gallery"
    verbose_name = "Thư viện ảnh"

    def ready(self):
        from core import media
        from search import registry

        from .models import Album, Photo

        super().ready()
        # A draft or scheduled album's photos and their renditions.
        media.protect("gallery/", Photo.objects.published, "image", "gallery.view_album")
        registry.register(Album, slug="album", label="Album ảnh", position=60)
