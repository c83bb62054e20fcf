"""The mapping file: which old addresses hold what, and where on the page.

TOML (Python's own tomllib reads it, no dependency); docs/import.md
describes every key. Everything is checked when the file is read, so a
typo is reported before anything is imported.
"""

import re
import tomllib
from dataclasses import dataclass, field

from cssselect import GenericTranslator, SelectorError
from lxml import etree

from .pages import XPATH_PREFIX


class MappingError(Exception):
    """A mapping file that cannot be used; the message is for the IT person."""


@dataclass
class Kind:
    name: str
    patterns: list
    selectors: dict
    options: dict = field(default_factory=dict)

    def matches(self, address):
        return any(pattern.search(address) for pattern in self.patterns)


ARTICLE_SELECTORS = (
    ("title", "body"),
    ("date", "summary", "cover", "category", "author", "remove"),
)
# For each kind: its selectors (required, optional) and its other options.
# Their order is the order pages are read in: a list names the category or
# group of the pages it links to, and articles link to documents' files.
KINDS = {
    "news_lists": (("category",), ("articles",), {}),
    "news": (
        *ARTICLE_SELECTORS,
        {"date_format": "%d/%m/%Y", "default_category": "Tin tức"},
    ),
    # Notices (thông báo) are the articles of a notice category.
    "notices": (
        *ARTICLE_SELECTORS,
        {"date_format": "%d/%m/%Y", "default_category": "Thông báo"},
    ),
    "documents": (
        ("number", "issued_on"),
        ("row", "summary", "file", "link", "type", "issuer", "signer"),
        {
            "date_format": "%d/%m/%Y",
            "default_type": "Văn bản khác",
            "default_issuer": "Liên hiệp các Hội Khoa học và Kỹ thuật",
            "types": {},
            "issuers": {},
        },
    ),
    # A group's page (Hội thành viên, Tổ chức KH&CN, Tổ chức trực thuộc LHH).
    "organization_lists": (("group",), ("organizations",), {}),
    "organizations": (
        ("name",),
        (
            "group",
            "short_name",
            "leader_name",
            "leader_title",
            "founded_on",
            "founding_decision",
            "member_count",
            "address",
            "phone",
            "email",
            "website",
            "description",
            "logo",
        ),
        {"date_format": "%d/%m/%Y", "default_group": "Hội thành viên"},
    ),  # fmt: skip
    "albums": (
        ("title", "photos"),
        ("date", "description", "caption"),
        {"date_format": "%d/%m/%Y"},
    ),
}


@dataclass
class Mapping:
    hosts: list
    encoding: str
    kinds: dict
    # Pages a crawl passes through without importing them (menus, lists).
    follow: list = field(default_factory=list)

    def kind_of(self, address):
        """The first kind whose addresses match, in the file's order."""
        return next((kind for kind in self.kinds.values() if kind.matches(address)), None)


def load_mapping(path):
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        raise MappingError(f"Không đọc được tệp ánh xạ “{path}”: {exc.strerror or exc}.") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise MappingError(f"Tệp ánh xạ “{path}” sai cú pháp TOML: {exc}.") from exc
    return parse_mapping(data)


def parse_mapping(data):
    site = data.get("site", {})
    hosts = site.get("hosts", [])
    if not isinstance(hosts, list) or not hosts or not all(isinstance(h, str) for h in hosts):
        raise MappingError("Mục [site] phải có hosts: danh sách tên miền của trang cũ.")
    encoding = site.get("encoding", "utf-8")
    try:
        "".encode(encoding)
    except (LookupError, TypeError) as exc:
        raise MappingError(f"Bảng mã “{encoding}” trong [site] không được hỗ trợ.") from exc
    follow = site.get("follow", [])
    if not isinstance(follow, list):
        raise MappingError("[site] follow phải là danh sách biểu thức chính quy.")
    follow = [_pattern("site", "follow", pattern) for pattern in follow]
    unknown_site = set(site) - {"hosts", "encoding", "follow"}
    if unknown_site:
        raise MappingError(f"[site] có khóa không biết: {', '.join(sorted(unknown_site))}.")
    unknown = set(data) - {"site", *KINDS}
    if unknown:
        raise MappingError(
            "Tệp ánh xạ có mục không biết: "
            + ", ".join(f"[{name}]" for name in sorted(unknown))
            + f". Các mục được hỗ trợ: {', '.join(f'[{name}]' for name in KINDS)}."
        )
    kinds = {}
    for name, section in data.items():
        if name in KINDS:
            kinds[name] = _kind(name, section)
    if not kinds:
        raise MappingError("Tệp ánh xạ không có mục nội dung nào ([news], [documents]…).")
    return Mapping(hosts=hosts, encoding=encoding, kinds=kinds, follow=follow)


def _kind(name, section):
    required, optional, defaults = KINDS[name]
    if not isinstance(section, dict):
        raise MappingError(f"[{name}] phải là một bảng TOML.")
    addresses = section.get("addresses")
    if not isinstance(addresses, list) or not addresses:
        raise MappingError(f"[{name}] phải có addresses: danh sách biểu thức chính quy.")
    patterns = [_pattern(name, "addresses", pattern) for pattern in addresses]
    selectors = {}
    for key in (*required, *optional):
        value = section.get(key)
        if value is None:
            if key in required:
                raise MappingError(f"[{name}] thiếu bộ chọn CSS “{key}”.")
            continue
        values = value if isinstance(value, list) else [value]
        for selector in values:
            _check_selector(name, key, selector)
        selectors[key] = value
    options = {}
    for key, default in defaults.items():
        value = section.get(key, default)
        if type(value) is not type(default):
            raise MappingError(f"[{name}] {key} phải cùng kiểu với “{default}”.")
        options[key] = value
    known = {"addresses", *required, *optional, *defaults}
    unknown = set(section) - known
    if unknown:
        raise MappingError(f"[{name}] có khóa không biết: {', '.join(sorted(unknown))}.")
    return Kind(name=name, patterns=patterns, selectors=selectors, options=options)


def _pattern(name, key, pattern):
    try:
        return re.compile(str(pattern), re.IGNORECASE)
    except re.error as exc:
        raise MappingError(f"[{name}] {key}: “{pattern}” sai: {exc}.") from exc


def _check_selector(name, key, selector):
    if not isinstance(selector, str) or not selector.strip():
        raise MappingError(f"[{name}] {key}: bộ chọn CSS phải là chuỗi không rỗng.")
    if selector.startswith(XPATH_PREFIX):
        try:
            etree.XPath(selector[len(XPATH_PREFIX) :])
        except etree.XPathSyntaxError as exc:
            raise MappingError(f"[{name}] {key}: biểu thức XPath “{selector}” sai: {exc}.") from exc
        return
    try:
        GenericTranslator().css_to_xpath(selector)
    except SelectorError as exc:
        raise MappingError(f"[{name}] {key}: bộ chọn CSS “{selector}” sai: {exc}.") from exc
