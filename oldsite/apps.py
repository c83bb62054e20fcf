from django.apps import AppConfig


class OldSiteConfig(AppConfig):
    """Moving in from the old portal: its import and its addresses."""

    name = "oldsite"
    verbose_name = "Chuyển từ trang cũ"
    default_auto_field = "django.db.models.BigAutoField"
