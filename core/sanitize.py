"""The one sanitizer for every rich-text field (CKEditor 5 output)."""

import nh3

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

# CKEditor's image and table wrappers; any other class is dropped.
ALLOWED_CLASSES = {
    "figure": {"image", "image-style-align-left", "image-style-align-center",
               "image-style-align-right", "image-style-side", "table"},
}  # fmt: skip

URL_SCHEMES = {"http", "https", "mailto", "tel"}


def sanitize_html(value):
    if not value:
        return ""
    attributes = {tag: set(attrs) - {"class"} for tag, attrs in ALLOWED_ATTRIBUTES.items()}
    return nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=attributes,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()
