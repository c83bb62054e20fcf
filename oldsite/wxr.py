"""A WordPress export (WXR, Tools › Export › All content) as a second source.

Its categories, attachments, posts and pages go through the same pipeline
as an old site's pages (oldsite.importer): posts become articles in their
categories, pages become static pages (trang thông tin), attachments are
copied (pictures into the media library, other files checked like an
upload), and every old permalink (/2019/05/hoi-thao/, /?p=12,
/category/tin-hoat-dong/, the attachment's page) answers 301 to the new
address. WXR 1.0 to 1.2 are read; the namespaces differ only in version.
"""

import datetime
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.utils import timezone
from lxml import etree

from core.models import Status

from .addresses import address_key, key_of_address, shown_address
from .importer import FILE_EXTENSIONS, PICTURE_EXTENSIONS, Importer, file_name
from .models import Kind
from .report import SKIPPED

WP_NAMESPACE = re.compile(r"^https?://wordpress\.org/export/\d+\.\d+/$")
NAMESPACES = {
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
}
# WordPress's own shortcodes; a site's plugins add more, left as text.
DROPPED_SHORTCODES = re.compile(
    r"\[/?(?:gallery|embed|video|audio|playlist|wp_caption|contact-form-7)\b[^\]]*\]"
)
CAPTION = re.compile(r"\[caption\b[^\]]*\](.*?)\[/caption\]", re.DOTALL)
BLOCK_START = re.compile(
    r"^<(?:p|div|h[1-6]|ul|ol|li|table|thead|tbody|tr|td|blockquote|figure|pre|hr|iframe|"
    r"section|dl|address)\b",
    re.IGNORECASE,
)
STATUSES = {"publish": Status.PUBLISHED, "future": Status.PUBLISHED, "draft": Status.DRAFT,
            "pending": Status.DRAFT}  # fmt: skip


class WxrError(Exception):
    """An export that cannot be read; the message is for the IT person."""


@dataclass
class Export:
    base_url: str
    hosts: list
    categories: list = field(default_factory=list)
    items: list = field(default_factory=list)


def read_wxr(path):
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.parse(str(path), parser).getroot()
    except OSError as exc:
        raise WxrError(f"Không đọc được tệp “{path}”: {exc}.") from exc
    except etree.XMLSyntaxError as exc:
        raise WxrError(f"Tệp “{path}” không phải XML hợp lệ: {exc}.") from exc
    channel = root.find("channel")
    wp = next((ns for ns in root.nsmap.values() if ns and WP_NAMESPACE.match(ns)), None)
    if root.tag != "rss" or channel is None or wp is None:
        raise WxrError(
            f"Tệp “{path}” không phải tệp xuất của WordPress (WXR: Công cụ › Xuất › Tất cả nội "
            "dung)."
        )
    names = {**NAMESPACES, "wp": wp}
    base_url = (channel.findtext("wp:base_blog_url", namespaces=names) or "").strip()
    base_url = base_url or (channel.findtext("wp:base_site_url", namespaces=names) or "").strip()
    base_url = base_url or (channel.findtext("link") or "").strip()
    hosts = set()
    for url in (base_url, channel.findtext("wp:base_site_url", namespaces=names) or ""):
        host = (urlsplit(url.strip()).hostname or "").lower()
        if host:
            hosts |= {host, host.removeprefix("www."), f"www.{host.removeprefix('www.')}"}
    if not hosts:
        raise WxrError(f"Tệp “{path}” không ghi địa chỉ trang WordPress (wp:base_site_url).")
    export = Export(base_url=base_url.rstrip("/") + "/", hosts=sorted(hosts))
    for element in channel.findall("wp:category", names):
        export.categories.append(
            {
                "name": (element.findtext("wp:cat_name", namespaces=names) or "").strip(),
                "slug": (element.findtext("wp:category_nicename", namespaces=names) or "").strip(),
            }
        )
    for element in channel.findall("item"):
        export.items.append(read_item(element, names))
    return export


def read_item(element, names):
    def text(name):
        return (element.findtext(name, namespaces=names) or "").strip()

    meta = {
        (entry.findtext("wp:meta_key", namespaces=names) or ""): (
            entry.findtext("wp:meta_value", namespaces=names) or ""
        )
        for entry in element.findall("wp:postmeta", names)
    }
    categories = [
        (node.text or "").strip()
        for node in element.findall("category")
        if node.get("domain") == "category" and (node.text or "").strip()
    ]
    return {
        "id": text("wp:post_id"),
        "type": text("wp:post_type"),
        "status": text("wp:status"),
        "title": text("title"),
        "link": text("link"),
        "guid": text("guid"),
        "content": element.findtext("content:encoded", namespaces=names) or "",
        "excerpt": excerpt(element),
        "author": text("dc:creator"),
        "date": text("wp:post_date"),
        "date_gmt": text("wp:post_date_gmt"),
        "order": text("wp:menu_order"),
        "attachment_url": text("wp:attachment_url"),
        "categories": categories,
        "thumbnail": meta.get("_thumbnail_id", ""),
        "alt": meta.get("_wp_attachment_image_alt", ""),
    }


def excerpt(element):
    """excerpt:encoded, whose namespace has the export's version in it."""
    for child in element:
        if isinstance(child.tag, str) and child.tag.endswith("/excerpt/}encoded"):
            return (child.text or "").strip()
    return ""


def item_date(item):
    """The post's time: from its GMT time, else its local one."""
    for raw, zone in ((item["date_gmt"], datetime.UTC), (item["date"], None)):
        try:
            moment = datetime.datetime.strptime(raw, "%Y-%m-%d %H:%M:%S")
        except ValueError:
            continue
        if moment.year < 1900:
            continue  # "0000-00-00 00:00:00": a draft never dated
        return moment.replace(tzinfo=zone) if zone else timezone.make_aware(moment)
    return None


def autop(html):
    """WordPress keeps posts without paragraphs (wpautop adds them when it
    shows one): blank lines part paragraphs, single line breaks are <br>."""
    html = re.sub(r"<!--.*?-->", "", html or "", flags=re.DOTALL)
    html = CAPTION.sub(caption_figure, html)
    html = DROPPED_SHORTCODES.sub("", html)
    blocks = []
    for chunk in re.split(r"\n\s*\n", html.replace("\r\n", "\n")):
        chunk = chunk.strip()
        if not chunk:
            continue
        if BLOCK_START.match(chunk):
            blocks.append(chunk)
        else:
            blocks.append("<p>" + chunk.replace("\n", "<br>\n") + "</p>")
    return "\n".join(blocks)


def caption_figure(match):
    inner = match.group(1).strip()
    image = re.match(r"(?s)^((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)$", inner)
    if not image:
        return inner
    return f"<figure>{image.group(1)}<figcaption>{image.group(2).strip()}</figcaption></figure>"


def old_address(url):
    """The path and query string of a permalink, or "" for none."""
    parts = urlsplit(url or "")
    if not parts.path and not parts.query:
        return ""
    return shown_address(parts.path or "/", parts.query)


class WxrImport:
    def __init__(self, export, files, *, dry_run=False, progress=None):
        self.export = export
        self.importer = Importer(files, export.hosts, dry_run=dry_run, progress=progress)
        self.report = self.importer.report
        self.attachments = {}

        def is_page(address):
            return file_name(urlsplit(address).path).rpartition(".")[2].lower() not in (
                FILE_EXTENSIONS
            )

        self.importer.is_page = is_page

    def run(self):
        importer = self.importer
        for category in self.export.categories:
            if category["name"] and category["slug"]:
                address = f"/category/{category['slug']}/"
                importer.named_list(
                    Kind.CATEGORY, key_of_address(address), address, category["name"],
                    importer.category,
                )  # fmt: skip
        by_type = {"attachment": [], "post": [], "page": []}
        passed = {}
        for item in self.export.items:
            if item["type"] in by_type and (
                item["type"] == "attachment" or item["status"] in STATUSES
            ):
                by_type[item["type"]].append(item)
            else:
                reason = item["type"] if item["type"] not in by_type else item["status"]
                passed[reason] = passed.get(reason, 0) + 1
        work = [item for kind in by_type for item in by_type[kind]]
        for item in importer.progress(work, desc="Đang nhập"):
            {"attachment": self.attachment, "post": self.post, "page": self.page}[item["type"]](
                item
            )
        if passed:
            figures = ", ".join(f"{name or 'không rõ'} {count}" for name, count in passed.items())
            self.report.notes.append(
                f"Bỏ qua {sum(passed.values())} mục của tệp WordPress không nhập ({figures})."
            )
        return importer.finish()

    def addresses(self, item):
        """The item's permalink (its key), and its other old addresses."""
        own = old_address(item["link"]) or old_address(item["guid"])
        guid = old_address(item["guid"])
        others = [guid] if guid and key_of_address(guid) != key_of_address(own) else []
        return own, others

    def attachment(self, item):
        importer = self.importer
        target = importer.site.resolve(item["attachment_url"], "/")
        if target is None:
            address = old_address(item["attachment_url"]) or item["attachment_url"]
            self.report.add(Kind.ATTACHMENT, SKIPPED, address, "tệp ở trang web khác")
            return
        self.attachments[item["id"]] = shown_address(*target)
        ext = file_name(target[0]).rpartition(".")[2].lower()
        if ext in PICTURE_EXTENSIONS:
            importer.atomic_record(
                Kind.IMAGE,
                shown_address(*target),
                lambda: importer.body_image(target, item["alt"] or item["title"]),
            )
        else:
            importer.linked_file(target)
        row = importer.known.get(address_key(*target))
        page, _ = self.addresses(item)
        if row is None or not page or importer.dry_run:
            return

        def save():
            # The attachment's own page leads to the copied file too.
            importer.alias(page, row.kind, row.content_object, target_url=row.target())

        importer.atomic_record(row.kind, page, save)

    def post(self, item):
        own, others = self.addresses(item)
        if not own or not item["title"]:
            message = "Bài viết không có tiêu đề hoặc địa chỉ."
            self.report.fail(Kind.ARTICLE, own or item["id"], message)
            return
        record = {
            "title": item["title"][:255],
            "published_at": item_date(item),
            "category": item["categories"][0] if item["categories"] else "Tin tức",
            "summary": item["excerpt"],
            "author": "",
            "cover": self.attachments.get(item["thumbnail"], ""),
            "body": autop(item["content"]),
            "status": STATUSES[item["status"]],
        }
        self.importer.article(record, own, key_of_address(own), aliases=others)

    def page(self, item):
        own, others = self.addresses(item)
        if not own or not item["title"]:
            self.report.fail(Kind.PAGE, own or item["id"], "Trang không có tiêu đề hoặc địa chỉ.")
            return
        record = {
            "title": item["title"][:255],
            "summary": item["excerpt"],
            "body": autop(item["content"]),
            "status": STATUSES[item["status"]],
            "published_at": item_date(item),
            "order": int(item["order"]) if item["order"].isdigit() else 0,
        }
        self.importer.page(record, own, key_of_address(own), aliases=others)
