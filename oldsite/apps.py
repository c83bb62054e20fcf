from core import apps


class OldSiteConfig(apps.ContentAppConfig):
    """Moving in from the old portal: its import and its addresses.

    A content app so that a redirect added, changed or deleted bumps the
    content version, which the middleware's remembered answers carry.
    """

    name = "oldsite"
    verbose_name = "Chuyển từ trang cũ"
    default_auto_field = "django.db.models.BigAutoField"
