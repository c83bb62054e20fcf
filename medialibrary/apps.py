from core import apps


class MedialibraryConfig(apps.ContentAppConfig):
    """The pictures staff upload through the rich-text editor: alt text,
    renditions, and which bodies show each one."""

    name = "medialibrary"
    verbose_name = "Thư viện tệp"
    # Which bodies show which picture: staff bookkeeping.
    private_models = ("mediausage",)
