from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Site-wide search (/tim-kiem/): one index of every kind of content,
    each kind registered by its own app (search.registry)."""

    name = "search"
    verbose_name = "Tìm kiếm"
