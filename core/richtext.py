"""Reading the HTML of rich-text fields (sanitized by core.sanitize)."""

import re
from html.parser import HTMLParser

# An <img> tag of sanitized HTML; a quoted value may hold ">" (nh3 leaves
# it unescaped).
IMG_TAG = re.compile(r"""<img\b(?:[^>"']|"[^"]*"|'[^']*')*>""", re.IGNORECASE)


class _Images(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.images = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.images.append(dict(attrs))


def images(html):
    """The attributes of each <img> of `html`, in order."""
    reader = _Images()
    reader.feed(html or "")
    reader.close()
    return reader.images


def missing_alt_text(html, before=""):
    """The images of `html` that have no alt text and were not in `before`
    (the stored value): what an editor has just inserted without one."""
    known = {image.get("src") for image in images(before)}
    return [
        image.get("src", "")
        for image in images(html)
        if not (image.get("alt") or "").strip() and image.get("src") not in known
    ]
