from django.apps import AppConfig


class VisitsConfig(AppConfig):
    """ĐẾM LƯỢT TRUY CẬP: visits per day, who is online, the counter block."""

    name = "visits"
    verbose_name = "Lượt truy cập"

    def ready(self):
        from core.cache import register_live_part

        from .stats import render_counter

        # Drawn again on every page served from the page cache.
        register_live_part("visit-counter", render_counter)
