"""Reading an old page: HTML into a tree, selectors into text and dates."""

import datetime
import re
import unicodedata

import lxml.html
from lxml import etree

# A page that declares its encoding in an XML prolog cannot be parsed from
# a str by lxml; the bytes were already decoded with the mapping's encoding.
XML_PROLOG = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
DATE_CODES = {"%d": r"\d{1,2}", "%m": r"\d{1,2}", "%Y": r"\d{4}", "%y": r"\d{2}",
              "%H": r"\d{1,2}", "%M": r"\d{1,2}", "%S": r"\d{1,2}"}  # fmt: skip


# A selector written as XPath rather than CSS: "xpath://div[@id='x']".
XPATH_PREFIX = "xpath:"


class PageError(Exception):
    """What does not fit on a page; the message is for the IT person."""


def parse_page(data, encoding):
    text = unicodedata.normalize("NFC", data.decode(encoding, errors="replace"))
    text = XML_PROLOG.sub("", text).replace("\x00", "")
    if not text.strip():
        raise PageError("Trang trống.")
    try:
        return lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise PageError(f"Không đọc được trang như HTML ({exc}).") from exc


def select(element, selector):
    """The elements a mapping's selector (CSS, or XPath after "xpath:") finds."""
    if not selector:
        return []
    if selector.startswith(XPATH_PREFIX):
        found = element.xpath(selector[len(XPATH_PREFIX) :])
        if not isinstance(found, list):
            return []  # a string or number, not elements
        return [item for item in found if etree.iselement(item)]
    return element.cssselect(selector)


def first(element, selector):
    found = select(element, selector)
    return found[0] if found else None


def text_of(element):
    if element is None:
        return ""
    return " ".join(element.text_content().split())


def inner_html(element):
    parts = [element.text or ""]
    parts += [etree.tostring(child, encoding="unicode", method="html") for child in element]
    return "".join(parts)


def fragment(html):
    """A <div> holding `html`, to edit its links and serialize back."""
    return lxml.html.fragment_fromstring(html or "", create_parent="div")


def parse_date(raw, date_format):
    """The datetime in `raw` written as `date_format`, e.g. "(13/10/2017 )"
    with "(%d/%m/%Y )"; the date is also found inside a longer text."""
    text = " ".join((raw or "").split())
    try:
        return datetime.datetime.strptime(text, " ".join(date_format.split()))
    except ValueError:
        pass
    core = date_format.strip(" ()[]-–,:")
    pattern = "".join(
        DATE_CODES.get(token, re.escape(token)) for token in re.split(r"(%[a-zA-Z])", core) if token
    )
    for match in re.finditer(pattern, text):
        try:
            return datetime.datetime.strptime(match.group(0), core)
        except ValueError:
            continue
    raise PageError(f"Ngày “{raw}” không đúng định dạng “{date_format}” hoặc không có thật.")
