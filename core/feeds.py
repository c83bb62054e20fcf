"""What every RSS feed of the site is written with."""

from django.utils.feedgenerator import Rss201rev2Feed

from .text import xml_safe


def _safe(value):
    if isinstance(value, (list, tuple)):
        return [xml_safe(item) for item in value]
    return xml_safe(value)


class XmlSafeRssFeed(Rss201rev2Feed):
    """RSS 2.0 that leaves out the characters XML 1.0 cannot carry.

    Stored text is cleaned on save (core.text.clean_text_fields), but rows
    written before that, or by a bulk import that sends no signal, must not
    turn the feed into an error page for every reader.
    """

    def __init__(self, title, link, description, **kwargs):
        kwargs = {key: _safe(value) for key, value in kwargs.items()}
        super().__init__(xml_safe(title), link, xml_safe(description), **kwargs)

    def add_item(self, title, link, description, **kwargs):
        kwargs = {key: _safe(value) for key, value in kwargs.items()}
        super().add_item(xml_safe(title), link, xml_safe(description), **kwargs)
