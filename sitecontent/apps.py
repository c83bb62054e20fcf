from core import apps


class SitecontentConfig(apps.ContentAppConfig):
    """What the association writes about itself: its profile (header,
    footer, contacts), the THÔNG TIN CHÍNH pages, links and banners."""

    name = "sitecontent"
    verbose_name = "Nội dung chung của trang"
    # The review log and the preview links (core.review) are for staff and
    # their guests; no list visitors see changes with them.
    private_models = ("pagereview", "pagepreviewlink")

    def ready(self):
        from core import sidebar
        from medialibrary import usage
        from search import registry

        from .models import Banner, Link, Page

        super().ready()
        # Which library images each page's body shows, in either language.
        usage.track(Page, "body", "body_en")
        registry.register(Page, slug="trang", label="Trang thông tin", position=20)
        # Its sidebar blocks, read with the others in one query.
        sidebar.register(Page.objects.sidebar_menu)
        sidebar.register(Link.objects.sidebar_links)
        sidebar.register(Banner.objects.sidebar_banners)
