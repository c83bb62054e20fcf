from core.sitemaps import ContentSitemap

from .models import Album


class AlbumSitemap(ContentSitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Album.objects.published()

    def lastmod(self, album):
        return album.updated_at
