from django.apps import AppConfig


class GalleryConfig(AppConfig):
    name = "gallery"
    verbose_name = "Thư viện ảnh"

    def ready(self):
        from core import media

        from .models import Photo

        # A draft or scheduled album's photos and their renditions.
        media.protect("gallery/", Photo.objects.published, "image", "gallery.view_album")
