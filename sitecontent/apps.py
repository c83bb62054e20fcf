from core import apps


class SitecontentConfig(apps.ContentAppConfig):
    """What the association writes about itself: its profile (header,
    footer, contacts), the THÔNG TIN CHÍNH pages, links and banners."""

    name = "sitecontent"
    verbose_name = "Nội dung chung của trang"

    def ready(self):
        from medialibrary import usage
        from search import registry

        from .models import Page

        super().ready()
        # Which library images each page's body shows.
        usage.track(Page, "body")
        registry.register(Page, slug="trang", label="Trang thông tin", position=20)
