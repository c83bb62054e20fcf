from django.apps import AppConfig


class LhhConfig(AppConfig):
    name = "lhh"
    verbose_name = "Cổng thông tin"

    def ready(self):
        from . import search

        search.connect_signals()
