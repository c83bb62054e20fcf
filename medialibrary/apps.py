from django.apps import AppConfig


class MedialibraryConfig(AppConfig):
    """The pictures staff upload through the rich-text editor: alt text,
    renditions, and which bodies show each one."""

    name = "medialibrary"
    verbose_name = "Thư viện tệp"
