from django.apps import AppConfig


class LhhConfig(AppConfig):
    name = "lhh"
    verbose_name = "Cổng thông tin"
