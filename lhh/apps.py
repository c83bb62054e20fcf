from django.apps import AppConfig


class LhhConfig(AppConfig):
    name = "lhh"
    verbose_name = "Cổng thông tin"

    def ready(self):
        from . import search, sidebar

        search.connect_signals()
        sidebar.connect_signals()
