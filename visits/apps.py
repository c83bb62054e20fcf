from django.apps import AppConfig


class VisitsConfig(AppConfig):
    """ĐẾM LƯỢT TRUY CẬP: visits per day, who is online, the counter block."""

    name = "visits"
    verbose_name = "Lượt truy cập"
