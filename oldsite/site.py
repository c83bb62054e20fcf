"""Reading an old site's pages as its mapping file describes them.

Every page a section of the mapping claims is read into a record for the
import pipeline (oldsite.importer): lists name the category or group of
the pages they link to, articles and notices, documents (a table row or a
page each), organizations and albums.
"""

import logging
from collections import defaultdict

from .addresses import address_key, shown_address
from .importer import Failure, Importer, clean_email, clean_url, local_datetime, whole_number
from .mapping import KINDS
from .models import Kind
from .pages import PageError, first, inner_html, parse_date, parse_page, select, text_of

logger = logging.getLogger(__name__)

RECORD_KINDS = {
    "news_lists": Kind.CATEGORY,
    "news": Kind.ARTICLE,
    "notices": Kind.NOTICE,
    "documents": Kind.DOCUMENT,
    "organization_lists": Kind.GROUP,
    "organizations": Kind.ORGANIZATION,
    "albums": Kind.ALBUM,
}


class SiteImport:
    def __init__(self, source, mapping, *, dry_run=False, progress=None):
        self.mapping = mapping
        self.source = source
        self.importer = Importer(source, mapping.hosts, dry_run=dry_run, progress=progress)
        self.importer.is_page = lambda address: mapping.kind_of(address) is not None
        self.progress = self.importer.progress
        self.report = self.importer.report
        # Page key → the category or group name of the list that links to it.
        self.listed_in = {}
        self.seen_documents = set()

    def run(self):
        pages = defaultdict(list)
        for path, query in self.source.pages():
            kind = self.mapping.kind_of(shown_address(path, query))
            if kind is not None:
                pages[kind.name].append((path, query))
            else:
                self.report.unclaimed += 1
        for address, message in getattr(self.source, "failures", []):
            self.report.source_failure(address, message)
        self.report.notes.extend(getattr(self.source, "refused", []))
        handlers = {
            "news_lists": self.import_list,
            "news": self.import_article,
            "notices": self.import_article,
            "documents": self.import_documents,
            "organization_lists": self.import_list,
            "organizations": self.import_organization,
            "albums": self.import_album,
        }
        work = [(name, page) for name in KINDS for page in pages.get(name, [])]
        for name, (path, query) in self.progress(work, desc="Đang nhập"):
            kind = self.mapping.kinds[name]
            address = shown_address(path, query)
            try:
                data = self.source.fetch(path, query)
                if data is None:
                    raise PageError(self.source.missing)
                tree = parse_page(data, self.mapping.encoding)
                handlers[name](kind, tree, path, query)
            except PageError as exc:
                self.report.fail(RECORD_KINDS[name], address, str(exc))
            except Failure as exc:
                self.report.fail(RECORD_KINDS[name], exc.address, exc.message)
            except Exception as exc:  # never a traceback for one bad page
                logger.exception("Import of %s failed", address)
                self.report.fail(RECORD_KINDS[name], address, f"Lỗi không lường trước: {exc!r}")
        return self.importer.finish()

    # Lists: a category (or group) and the pages it links to -------------------

    def import_list(self, kind, tree, path, query):
        address = shown_address(path, query)
        is_groups = kind.name == "organization_lists"
        label, links_key = ("group", "organizations") if is_groups else ("category", "articles")
        name = text_of(first(tree, kind.selectors[label]))
        if not name:
            what = "nhóm tổ chức" if is_groups else "chuyên mục"
            raise Failure(address, f"Không tìm thấy tên {what} (bộ chọn “{label}”).")
        for link in select(tree, kind.selectors.get(links_key)):
            target = self.importer.site.resolve(link.get("href"), address)
            if target:
                self.listed_in.setdefault(address_key(*target), name)
        importer = self.importer
        if is_groups:
            importer.named_list(Kind.GROUP, address_key(path, query), address, name, importer.group)
        else:
            importer.named_list(
                Kind.CATEGORY, address_key(path, query), address, name, importer.category
            )

    # Articles and notices ------------------------------------------------------

    def import_article(self, kind, tree, path, query):
        address = shown_address(path, query)
        key = address_key(path, query)
        selectors, options = kind.selectors, kind.options
        title = self.required_text(tree, selectors, "title", address, "tiêu đề")
        body = first(tree, selectors["body"])
        if body is None:
            raise Failure(address, f"Không tìm thấy nội dung (bộ chọn “{selectors['body']}”).")
        # Without a date on the page an article keeps the time of its first
        # import, so that a second run finds it unchanged.
        published_at = self.date(tree, kind, "date", address, "ngày đăng")
        removed = selectors.get("remove") or []
        for selector in removed if isinstance(removed, list) else [removed]:
            for element in select(body, selector):
                element.drop_tree()
        record = {
            "title": title[:255],
            "published_at": local_datetime(published_at),
            "category": (
                text_of(first(tree, selectors.get("category")))
                or self.listed_in.get(key)
                or options["default_category"]
            ),
            "summary": text_of(first(tree, selectors.get("summary"))),
            "author": text_of(first(tree, selectors.get("author")))[:200],
            "cover": self.picture_src(first(tree, selectors.get("cover"))),
            "body": inner_html(body),
        }
        record_kind = Kind.NOTICE if kind.name == "notices" else Kind.ARTICLE
        self.importer.article(record, address, key, kind=record_kind)

    # Documents -------------------------------------------------------------------

    def import_documents(self, kind, tree, path, query):
        address = shown_address(path, query)
        row_selector = kind.selectors.get("row")
        elements = select(tree, row_selector) if row_selector else [tree]
        for element in elements:
            try:
                self.import_document(kind, element, path, query, whole_page=not row_selector)
            except Failure as exc:
                self.report.fail(Kind.DOCUMENT, exc.address, exc.message)
        if not elements:
            raise Failure(address, f"Không tìm thấy dòng văn bản nào (bộ chọn “{row_selector}”).")

    def import_document(self, kind, element, path, query, whole_page):
        page_address = shown_address(path, query)
        selectors, options = kind.selectors, kind.options
        number = text_of(first(element, selectors["number"]))[:100]
        raw_date = text_of(first(element, selectors["issued_on"]))
        if not number and not raw_date:
            if whole_page:
                raise Failure(page_address, "Không tìm thấy số/ký hiệu của văn bản.")
            return  # a heading row of the table
        link = first(element, selectors.get("link"))
        file_link = first(element, selectors.get("file"))
        if file_link is not None and file_link.tag != "a":
            file_link = file_link.find(".//a")
        site = self.importer.site
        file_target = (
            site.resolve(file_link.get("href"), page_address) if file_link is not None else None
        )
        own = site.resolve(link.get("href"), page_address) if link is not None else None
        if own is None and whole_page:
            own = (path, query)
        own = own or file_target
        if own is None:
            raise Failure(
                page_address,
                f"Văn bản “{number}” không có trang riêng hay tệp đính kèm để nhận biết "
                "khi nhập lại (bộ chọn “link” hoặc “file”).",
            )
        address = shown_address(*own)
        if not number:
            raise Failure(address, "Không tìm thấy số/ký hiệu của văn bản.")
        try:
            issued_on = parse_date(raw_date, options["date_format"]).date()
        except PageError as exc:
            raise Failure(address, f"Văn bản {number}: {exc}") from exc
        record = {
            "number": number,
            "issued_on": issued_on,
            "summary": text_of(first(element, selectors.get("summary"))) or number,
            "type": text_of(first(element, selectors.get("type")))
            or vocabulary_name(number, options["types"])
            or options["default_type"],
            "issuer": text_of(first(element, selectors.get("issuer")))
            or vocabulary_name(number, options["issuers"])
            or options["default_issuer"],
            "signer": text_of(first(element, selectors.get("signer")))[:255],
            "file": shown_address(*file_target) if file_target else "",
        }
        key = address_key(*own)
        if key in self.seen_documents:
            self.report.add(Kind.DOCUMENT, "skipped", address, f"đã đọc ở trang trước ({number})")
            return
        self.seen_documents.add(key)
        self.importer.document(record, address, key, file_target)

    # Organizations ---------------------------------------------------------------

    def import_organization(self, kind, tree, path, query):
        address = shown_address(path, query)
        key = address_key(path, query)
        selectors, options = kind.selectors, kind.options

        def text(name, limit):
            return text_of(first(tree, selectors.get(name)))[:limit]

        name = self.required_text(tree, selectors, "name", address, "tên tổ chức")[:255]
        founded = self.date(tree, kind, "founded_on", address, "ngày thành lập", required=False)
        email = first(tree, selectors.get("email"))
        website = first(tree, selectors.get("website"))
        description = first(tree, selectors.get("description"))
        leader_name = text("leader_name", 255)
        record = {
            "name": name,
            "group": text("group", 255) or self.listed_in.get(key) or options["default_group"],
            "short_name": text("short_name", 100),
            "leader_name": leader_name,
            "leader_title": text("leader_title", 100) or ("Chủ tịch" if leader_name else ""),
            "founded_on": founded.date() if founded else None,
            "founding_decision": text("founding_decision", 100),
            "member_count": whole_number(text("member_count", 100)),
            "address": text("address", 255),
            "phone": text("phone", 100),
            "email": clean_email(link_or_text(email)),
            "website": clean_url(link_or_text(website)),
            "description": inner_html(description) if description is not None else "",
            "logo": self.picture_src(first(tree, selectors.get("logo"))),
        }
        self.importer.organization(record, address, key)

    # Albums ------------------------------------------------------------------------

    def import_album(self, kind, tree, path, query):
        address = shown_address(path, query)
        selectors = kind.selectors
        title = self.required_text(tree, selectors, "title", address, "tên album")
        day = self.date(tree, kind, "date", address, "ngày", required=False)
        photos = []
        for element in select(tree, selectors["photos"]):
            image = element if element.tag == "img" else element.find(".//img")
            if image is None:
                continue
            # A thumbnail that links to the full picture: the full one.
            holder = element if element.tag == "a" else image.getparent()
            src = image.get("src", "")
            if holder is not None and holder.tag == "a" and is_picture(holder.get("href")):
                src = holder.get("href")
            caption = (
                text_of(first(element, selectors.get("caption")))
                or image.get("alt", "").strip()
                or image.get("title", "").strip()
            )
            photos.append((src, caption[:300]))
        if not photos:
            raise Failure(address, f"Không tìm thấy ảnh nào (bộ chọn “{selectors['photos']}”).")
        record = {
            "title": title[:255],
            "event_on": day.date() if day else None,
            "published_at": local_datetime(day),
            "description": text_of(first(tree, selectors.get("description"))),
            "photos": photos,
        }
        self.importer.album(record, address, address_key(path, query))

    # Helpers -----------------------------------------------------------------------

    @staticmethod
    def required_text(tree, selectors, name, address, what):
        text = text_of(first(tree, selectors[name]))
        if not text:
            raise Failure(address, f"Không tìm thấy {what} (bộ chọn “{selectors[name]}”).")
        return text

    @staticmethod
    def date(tree, kind, name, address, what, *, required=True):
        """The date a selector names, or None without that selector; a wrong
        date fails, and so does a missing one where it is `required`."""
        selector = kind.selectors.get(name)
        if not selector:
            return None
        raw = text_of(first(tree, selector))
        if not raw and not required:
            return None
        if not raw:
            raise Failure(address, f"Không tìm thấy {what} (bộ chọn “{selector}”).")
        try:
            return parse_date(raw, kind.options["date_format"])
        except PageError as exc:
            raise Failure(address, str(exc)) from exc

    @staticmethod
    def picture_src(element):
        if element is not None and element.tag != "img":
            element = element.find(".//img")
        return element.get("src", "") if element is not None else ""


def vocabulary_name(number, table):
    """The name a table of the mapping gives a part of the number:
    {"QĐ": "Quyết định"} names "582/QĐ-UBND" a decision."""
    parts = {part.casefold() for part in number.replace("/", " ").replace("-", " ").split()}
    return next((name for code, name in table.items() if code.casefold() in parts), "")


def link_or_text(element):
    if element is None:
        return ""
    link = element if element.tag == "a" else element.find(".//a")
    if link is not None and link.get("href", "").strip().startswith(("http", "mailto:")):
        return link.get("href")
    return text_of(element)


def is_picture(href):
    path = (href or "").split("?")[0].lower()
    return path.endswith((".jpg", ".jpeg", ".png", ".gif", ".webp"))
