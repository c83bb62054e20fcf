"""The one sanitizer for every rich-text field (CKEditor 5 output).

Videos are turned into their player here, on save, rather than when a page
is shown: what is stored is what is shown and indexed (as for everything
else the sanitizer does), the work is done once per edit, and every
rich-text field gets videos, not only the templates that would remember a
filter. The stored form is one CKEditor 5 reads back as the same video
(MediaEmbed upcasts `div[data-oembed-url]`), so editing an article again
keeps its video. Sanitizing is idempotent: a stored value sanitized again
is unchanged.
"""

import html
import re

import nh3

from .videos import FRAME_ORIGINS, video_of

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup",
    "div", "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr",
    "i", "img", "li", "ol", "p", "pre", "s", "span", "strong", "sub", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}  # fmt: skip

# No "style" anywhere: inline styles are how CSS tricks (overlays,
# expression(), url(javascript:)) get in. Layout comes from our classes.
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "target"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "figure": {"class"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start", "reversed"},
}

# CKEditor's image, table and media wrappers; any other class is dropped.
ALLOWED_CLASSES = {
    "figure": {"image", "image-style-align-left", "image-style-align-center",
               "image-style-align-right", "image-style-side", "table", "media"},
}  # fmt: skip

URL_SCHEMES = {"http", "https", "mailto", "tel"}

# The player as stored: the address CKEditor reloads, and its frame.
PLAYER_ATTRIBUTES = {
    "div": {"data-oembed-url"},
    "iframe": {"src", "title", "loading", "allow", "allowfullscreen"},
}
PLAYER_CLASSES = {"div": {"video"}}

# Where a video can be, in HTML the first pass has cleaned (nh3 writes
# attributes with double quotes): CKEditor's <oembed url>, a stored player
# (div[data-oembed-url]) or a frame pasted as it is.
VIDEO_SOURCES = re.compile(
    r"<oembed\b(?P<oembed>[^>]*)>.*?</oembed>"
    r"|<div\b(?P<player>[^>]*\bdata-oembed-url=[^>]*)>.*?</div>"
    r"|<iframe\b(?P<iframe>[^>]*)>.*?</iframe>",
    re.DOTALL,
)
ATTRIBUTE = re.compile(r'\b(url|data-oembed-url|src)="([^"]*)"')


def sanitize_html(value):
    if not value:
        return ""
    if not any(tag in value for tag in ("<oembed", "<iframe", "data-oembed-url")):
        return _clean(value)
    # First pass: what may hold a video is kept with its address only.
    first = _clean(
        value,
        tags={"oembed", "iframe"},
        attributes={"oembed": {"url"}, "div": {"data-oembed-url"}, "iframe": {"src"}},
    )
    videos = iter(range(1, 1000))
    players = VIDEO_SOURCES.sub(lambda match: _player(match, videos), first)
    # A figure whose video was dropped would stay as an empty box.
    players = players.replace('<figure class="media"></figure>', "")
    # Last pass: a frame stays only with an address on an allowed origin.
    return _clean(
        players,
        tags={"iframe"},
        attributes=PLAYER_ATTRIBUTES,
        classes=PLAYER_CLASSES,
        attribute_filter=_frame_address,
    )


def _clean(value, tags=(), attributes=None, classes=None, attribute_filter=None):
    allowed = {tag: set(attrs) - {"class"} for tag, attrs in ALLOWED_ATTRIBUTES.items()}
    for tag, attrs in (attributes or {}).items():
        allowed[tag] = allowed.get(tag, set()) | attrs
    allowed_classes = {tag: set(names) for tag, names in ALLOWED_CLASSES.items()}
    for tag, names in (classes or {}).items():
        allowed_classes[tag] = allowed_classes.get(tag, set()) | names
    return nh3.clean(
        value,
        tags=ALLOWED_TAGS | set(tags),
        attributes=allowed,
        allowed_classes=allowed_classes,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
        attribute_filter=attribute_filter,
    ).strip()


def _player(match, videos):
    """The player of a video address, a plain link for any other web
    address, nothing for anything else (javascript:, data:…)."""
    attributes = dict(ATTRIBUTE.findall(match[match.lastgroup] or ""))
    address = html.unescape(
        attributes.get("url") or attributes.get("data-oembed-url") or attributes.get("src") or ""
    )
    video = video_of(address)
    if video is None:
        if match.lastgroup != "iframe" and re.match(r"https?://", address, re.IGNORECASE):
            escaped = html.escape(address)
            return f'<a href="{escaped}">{escaped}</a>'
        return ""
    number = next(videos)
    title = f"Video {video.host}" + (f" thứ {number}" if number > 1 else "")
    return (
        f'<div class="video" data-oembed-url="{html.escape(video.url)}">'
        f'<iframe src="{html.escape(video.embed_url)}" title="{title}" loading="lazy" '
        'allow="encrypted-media; picture-in-picture" allowfullscreen></iframe></div>'
    )


def _frame_address(tag, attribute, value):
    if tag == "iframe" and attribute == "src":
        return value if value.startswith(tuple(f"{origin}/" for origin in FRAME_ORIGINS)) else None
    return value
