"""Importing an old site into the portal, as a mapping file describes it.

Every page the mapping claims is read into a record, and each record is
saved in its own transaction keyed by its old address (OldAddress): a
record whose page has not changed since the last run is skipped, one that
changed is updated, and a failure (a page the mapping does not fit, a
broken date, a missing file, a picture that is not one) is reported with
its address while the rest goes on. `dry_run` reads and checks everything
the same way and writes nothing, neither rows nor files.
"""

import datetime
import hashlib
import json
import logging
import posixpath
from collections import Counter, defaultdict
from types import SimpleNamespace
from urllib.parse import unquote

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.db import DatabaseError, transaction
from django.utils import timezone

from core.models import Status
from core.sanitize import sanitize_html
from core.validators import validate_file_size, validate_image
from documents.files import EXTENSIONS, extension, sniff_kind, validate_document_file
from documents.models import Document, DocumentFile, DocumentType, Issuer
from medialibrary.models import MediaItem
from news.models import Article, Category

from .addresses import OldSite, address_key, shown_address
from .models import Kind, OldAddress
from .pages import PageError, first, fragment, inner_html, parse_date, parse_page, text_of

logger = logging.getLogger(__name__)

CREATED, UPDATED, UNCHANGED, FAILED = "created", "updated", "unchanged", "failed"
ACTION_WORDS = {
    False: {CREATED: "tạo mới", UPDATED: "cập nhật", UNCHANGED: "không đổi", FAILED: "lỗi"},
    True: {CREATED: "sẽ tạo", UPDATED: "sẽ cập nhật", UNCHANGED: "bỏ qua", FAILED: "lỗi"},
}
# Kinds in the order pages are read: a list names the category of the
# articles it links to; articles may link to documents' files.
ORDER = ("news_lists", "news", "documents")


class Failure(Exception):
    """One record that cannot be imported, with the address to report."""

    def __init__(self, address, message):
        super().__init__(message)
        self.address = address
        self.message = message


class Report:
    def __init__(self, dry_run):
        self.dry_run = dry_run
        self.counts = defaultdict(Counter)
        self.lines = []
        self.failures = []
        # Files of the mirror no section of the mapping claims.
        self.unclaimed = 0

    def add(self, kind, action, address, detail=""):
        self.counts[kind][action] += 1
        self.lines.append((kind, action, address, detail))

    def fail(self, kind, address, message):
        self.counts[kind][FAILED] += 1
        self.failures.append((address, message))
        self.lines.append((kind, FAILED, address, message))

    def line(self, kind, action, address, detail):
        word = ACTION_WORDS[self.dry_run][action]
        text = f"{word} {Kind(kind).label.lower()} {address}"
        return f"{text}: {detail}" if detail else text

    def summary(self):
        words = ACTION_WORDS[self.dry_run]
        rows = []
        for kind in Kind:
            counts = self.counts.get(kind.value)
            if counts:
                figures = ", ".join(
                    f"{words[a]} {counts[a]}" for a in (CREATED, UPDATED, UNCHANGED, FAILED)
                )
                rows.append(f"{kind.label}: {figures}")
        if self.unclaimed:
            rows.append(
                f"Bỏ qua {self.unclaimed} tệp không thuộc mục nào của tệp ánh xạ "
                "(ảnh, tệp đính kèm, trang khác)."
            )
        return rows


def fingerprint(values):
    data = json.dumps(values, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(data.encode()).hexdigest()


def file_name(path):
    return posixpath.basename(unquote(path, errors="replace")) or "tep"


def local_datetime(moment):
    if timezone.is_aware(moment):
        return moment
    return timezone.make_aware(moment)


class Importer:
    def __init__(self, source, mapping, *, dry_run=False, progress=None):
        self.source = source
        self.mapping = mapping
        self.site = OldSite(mapping.hosts)
        self.dry_run = dry_run
        self.progress = progress or (lambda items: items)
        self.report = Report(dry_run)
        self.known = {row.key: row for row in OldAddress.objects.select_related("content_type")}
        self.categories = {c.name.casefold(): c for c in Category.objects.all()}
        self.types = {t.name.casefold(): t for t in DocumentType.objects.all()}
        self.issuers = {i.name.casefold(): i for i in Issuer.objects.all()}
        # Article key → the category name of the list that links to it.
        self.listed_in = {}
        # Articles whose bodies link to old addresses not imported yet.
        self.pending_links = []
        # Categories and pictures a dry run would create; documents met.
        self.planned = set()
        self.seen_documents = set()
        # What the record being saved added to the caches above: taken
        # back when its transaction is rolled back.
        self.journal = []

    # The run ---------------------------------------------------------------

    def run(self):
        pages = defaultdict(list)
        for path, query in self.source.pages():
            kind = self.mapping.kind_of(shown_address(path, query))
            if kind is not None:
                pages[kind.name].append((path, query))
            else:
                self.report.unclaimed += 1
        handlers = {
            "news_lists": self.import_list,
            "news": self.import_article,
            "documents": self.import_documents,
        }
        work = [(name, page) for name in ORDER for page in pages.get(name, [])]
        for name, (path, query) in self.progress(work):
            kind = self.mapping.kinds[name]
            address = shown_address(path, query)
            try:
                tree = parse_page(self.source.read(path, query), self.mapping.encoding)
                handlers[name](kind, tree, path, query)
            except PageError as exc:
                self.report.fail(self.record_kind(name), address, str(exc))
            except Failure as exc:
                self.report.fail(self.record_kind(name), exc.address, exc.message)
            except Exception as exc:  # never a traceback for one bad page
                logger.exception("Import of %s failed", address)
                self.report.fail(self.record_kind(name), address, f"Lỗi không lường trước: {exc!r}")
        if not self.dry_run:
            self.rewrite_pending_links()
        return self.report

    @staticmethod
    def record_kind(name):
        return {"news_lists": Kind.CATEGORY, "news": Kind.ARTICLE}.get(name, Kind.DOCUMENT)

    def atomic_record(self, kind, address, save):
        """Run `save()` in its own transaction; a failure is reported and
        leaves nothing of the record behind, in the database or here."""
        self.journal = []
        try:
            with transaction.atomic():
                return save()
        except Failure as exc:
            self.report.fail(kind, exc.address, exc.message)
        except ValidationError as exc:
            self.report.fail(kind, address, " ".join(exc.messages))
        except (DatabaseError, OSError, ValueError) as exc:
            logger.exception("Import of %s failed", address)
            self.report.fail(kind, address, f"Không lưu được: {exc}")
        except Exception as exc:  # never a traceback for one bad page
            logger.exception("Import of %s failed", address)
            self.report.fail(kind, address, f"Lỗi không lường trước: {exc!r}")
        for cache, key in reversed(self.journal):
            cache.pop(key, None)
            if cache is self.known:
                stored = OldAddress.objects.filter(key=key).first()
                if stored is not None:
                    cache[key] = stored
        self.journal = []
        return None

    def existing(self, key, kind):
        """The row and object already imported from this address."""
        row = self.known.get(key)
        if row is None or row.kind != kind:
            return row, None
        return row, row.content_object

    def changed(self, key, kind, record, address):
        """(fingerprint, row, object, action) for a record to save, or None
        when the object imported from this address is unchanged (reported)."""
        fp = fingerprint(record)
        row, obj = self.existing(key, kind)
        if obj is not None and row.fingerprint == fp:
            self.report.add(kind, UNCHANGED, address, "không thay đổi từ lần nhập trước")
            return None
        return fp, row, obj, UPDATED if obj is not None else CREATED

    def remember(self, key, address, kind, obj, fp="", target_url=""):
        row = self.known.get(key) or OldAddress(address=address)
        row.address = address
        row.kind = kind
        row.content_object = obj
        row.fingerprint = fp
        row.target_url = obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else target_url
        row.reason = "Nhập từ trang cũ"
        row.save()
        self.known[row.key] = row
        self.journal.append((self.known, row.key))
        return row

    # News lists: a category and the articles it links to --------------------

    def import_list(self, kind, tree, path, query):
        address = shown_address(path, query)
        name = text_of(first(tree, kind.selectors["category"]))
        if not name:
            raise Failure(address, "Không tìm thấy tên chuyên mục (bộ chọn “category”).")
        links = tree.cssselect(kind.selectors["articles"]) if "articles" in kind.selectors else []
        for link in links:
            target = self.site.resolve(link.get("href"), address)
            if target:
                self.listed_in.setdefault(address_key(*target), name)
        key = address_key(path, query)
        row, category = self.existing(key, Kind.CATEGORY)
        fp = fingerprint([name])
        if category is not None and row.fingerprint == fp:
            self.report.add(Kind.CATEGORY, UNCHANGED, address, "không thay đổi từ lần nhập trước")
            return

        def save():
            is_new = name[:200].casefold() not in self.categories
            found = self.category(name, address)
            if not is_new:
                self.report.add(Kind.CATEGORY, UNCHANGED, address, f"chuyên mục “{name}” đã có")
            if not self.dry_run:
                self.remember(key, address, Kind.CATEGORY, found, fp)

        self.atomic_record(Kind.CATEGORY, address, save)

    def category(self, name, address):
        """The category named `name`, created when missing."""
        name = name[:200]
        found = self.categories.get(name.casefold())
        if found is not None:
            return found
        if self.dry_run:
            if name.casefold() not in self.planned:
                self.planned.add(name.casefold())
                self.report.add(Kind.CATEGORY, CREATED, address, f"chuyên mục mới “{name}”")
            return None
        found = Category.objects.create(name=name)
        self.categories[name.casefold()] = found
        self.journal.append((self.categories, name.casefold()))
        self.report.add(Kind.CATEGORY, CREATED, address, f"chuyên mục mới “{name}”")
        return found

    # Articles ----------------------------------------------------------------

    def import_article(self, kind, tree, path, query):
        address = shown_address(path, query)
        key = address_key(path, query)
        selectors, options = kind.selectors, kind.options
        title = text_of(first(tree, selectors["title"]))
        if not title:
            raise Failure(address, f"Không tìm thấy tiêu đề (bộ chọn “{selectors['title']}”).")
        body = first(tree, selectors["body"])
        if body is None:
            raise Failure(address, f"Không tìm thấy nội dung (bộ chọn “{selectors['body']}”).")
        # Without a date on the page an article keeps the time of its first
        # import, so that a second run finds it unchanged.
        published_at = None
        if selectors.get("date"):
            raw = text_of(first(tree, selectors["date"]))
            if not raw:
                raise Failure(address, f"Không tìm thấy ngày đăng (bộ chọn “{selectors['date']}”).")
            try:
                published_at = local_datetime(parse_date(raw, options["date_format"]))
            except PageError as exc:
                raise Failure(address, str(exc)) from exc
        removed = selectors.get("remove") or []
        for selector in removed if isinstance(removed, list) else [removed]:
            for element in body.cssselect(selector):
                element.drop_tree()
        cover = first(tree, selectors.get("cover"))
        if cover is not None and cover.tag != "img":
            cover = cover.find(".//img")
        record = {
            "title": title[:255],
            "published_at": published_at,
            "category": (
                text_of(first(tree, selectors.get("category")))
                or self.listed_in.get(key)
                or options["default_category"]
            ),
            "summary": text_of(first(tree, selectors.get("summary"))),
            "author": text_of(first(tree, selectors.get("author")))[:200],
            "cover": cover.get("src", "") if cover is not None else "",
            "body": inner_html(body),
        }
        found = self.changed(key, Kind.ARTICLE, record, address)
        if found is None:
            return
        fp, row, article, action = found

        def save():
            category = self.category(record["category"], address)
            html, unknown_links = self.rewrite_body(body, address)
            cover_upload = self.cover_upload(record["cover"], address)
            if self.dry_run:
                self.report.add(Kind.ARTICLE, action, address, record["title"])
                return
            target = article or Article()
            target.title = record["title"]
            target.category = category
            target.summary = record["summary"]
            target.author = record["author"]
            target.body = html
            target.status = Status.PUBLISHED
            target.published_at = record["published_at"] or target.published_at or timezone.now()
            if cover_upload is not None:
                if target.cover:
                    target.cover.delete(save=False)
                target.cover = cover_upload
            target.save()
            self.remember(key, address, Kind.ARTICLE, target, fp)
            if unknown_links:
                self.pending_links.append(target.pk)
            self.report.add(Kind.ARTICLE, action, address, record["title"])

        self.atomic_record(Kind.ARTICLE, address, save)

    def rewrite_body(self, body, address):
        """The body's HTML, sanitized, with its pictures copied into the media
        library and its links to the old site pointing to the new pages
        (or, for a page not imported yet, to its old address on this site,
        which a redirect can answer). Returns (html, whether some link
        still points to an old address)."""
        for image in list(body.iter("img")):
            target = self.site.resolve(image.get("src"), address)
            if target is None:
                continue
            try:
                url = self.body_image(target, image.get("alt") or image.get("title") or "")
            except Failure as exc:
                self.report.fail(Kind.IMAGE, exc.address, exc.message)
                image.drop_tree()
                continue
            if url:
                image.set("src", url)
        unknown = self.rewrite_links(body, address)
        return sanitize_html(inner_html(body)), unknown

    def rewrite_links(self, element, address):
        unknown = False
        for link in element.iter("a"):
            target = self.site.resolve(link.get("href"), address)
            if target is None:
                continue
            row = self.known.get(address_key(*target))
            new = row.target() if row is not None else ""
            if new:
                link.set("href", new)
            else:
                link.set("href", shown_address(*target))
                unknown = True
        return unknown

    def rewrite_pending_links(self):
        """Links to pages imported later in the run, now that they are."""
        for article in Article.objects.filter(pk__in=self.pending_links):
            holder = fragment(article.body)
            self.rewrite_links(holder, "/")
            html = sanitize_html(inner_html(holder))
            if html != article.body:
                article.body = html
                article.save(update_fields=["body", "updated_at"])

    # Files -----------------------------------------------------------------

    def read_file(self, target, limit, kind):
        path, query = target
        address = shown_address(path, query)
        found = self.source.locate(path, query)
        if found is None:
            raise Failure(address, "Không có tệp này trong bản sao của trang cũ.")
        name = file_name(path)
        try:
            validate_file_size(SimpleNamespace(name=name, size=found.stat().st_size), limit)
        except ValidationError as exc:
            raise Failure(address, " ".join(exc.messages)) from exc
        return found, name

    def body_image(self, target, alt):
        """The media library's address of an old picture, copied once."""
        key = address_key(*target)
        address = shown_address(*target)
        row, item = self.existing(key, Kind.IMAGE)
        if item is not None:
            return row.target_url
        if self.dry_run and key in self.planned:
            return ""  # already counted: shown twice in the old site
        upload = self.image_upload(target)
        if self.dry_run:
            self.planned.add(key)
            self.report.add(Kind.IMAGE, CREATED, address)
            return ""
        item = MediaItem.objects.create(file=upload, alt_text=alt[:300])
        self.remember(key, address, Kind.IMAGE, item, target_url=item.file.url)
        self.report.add(Kind.IMAGE, CREATED, address)
        return item.file.url

    def image_upload(self, target):
        found, name = self.read_file(target, settings.IMAGE_MAX_UPLOAD_SIZE, Kind.IMAGE)
        upload = ContentFile(found.read_bytes(), name=name)
        try:
            validate_image(upload)
        except ValidationError as exc:
            raise Failure(shown_address(*target), " ".join(exc.messages)) from exc
        return upload

    def cover_upload(self, src, address):
        target = self.site.resolve(src, address) if src else None
        if target is None:
            return None
        try:
            return self.image_upload(target)
        except Failure as exc:
            self.report.fail(Kind.IMAGE, exc.address, exc.message)
            return None

    # Documents ---------------------------------------------------------------

    def import_documents(self, kind, tree, path, query):
        address = shown_address(path, query)
        row_selector = kind.selectors.get("row")
        elements = tree.cssselect(row_selector) if row_selector else [tree]
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
        file_target = (
            self.site.resolve(file_link.get("href"), page_address)
            if file_link is not None
            else None
        )
        own = self.site.resolve(link.get("href"), page_address) if link is not None else None
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
            or self.vocabulary_name(number, options["types"])
            or options["default_type"],
            "issuer": text_of(first(element, selectors.get("issuer")))
            or self.vocabulary_name(number, options["issuers"])
            or options["default_issuer"],
            "signer": text_of(first(element, selectors.get("signer")))[:255],
            "file": shown_address(*file_target) if file_target else "",
        }
        key = address_key(*own)
        if key in self.seen_documents:
            return  # listed twice in this run (several list pages)
        self.seen_documents.add(key)
        found = self.changed(key, Kind.DOCUMENT, record, address)
        if found is None:
            return
        fp, row, document, action = found

        def save():
            if self.dry_run:
                self.report.add(Kind.DOCUMENT, action, address, number)
                if file_target:
                    self.document_file(None, file_target)
                return
            target = document or Document()
            target.number = number
            target.issued_on = issued_on
            target.summary = record["summary"]
            target.signer = record["signer"]
            target.type = self.vocabulary(DocumentType, self.types, record["type"])
            target.issuer = self.vocabulary(Issuer, self.issuers, record["issuer"])
            target.status = Status.PUBLISHED
            target.published_at = local_datetime(
                datetime.datetime.combine(issued_on, datetime.time())
            )
            target.save()
            self.remember(key, address, Kind.DOCUMENT, target, fp)
            self.report.add(Kind.DOCUMENT, action, address, number)
            if file_target:
                self.document_file(target, file_target)

        self.atomic_record(Kind.DOCUMENT, address, save)

    def link_target(self, link, page_address):
        return self.site.resolve(link.get("href"), page_address) if link is not None else None

    @staticmethod
    def vocabulary_name(number, table):
        """The name a table of the mapping gives a part of the number:
        {"QĐ": "Quyết định"} names "582/QĐ-UBND" a decision."""
        parts = {part.casefold() for part in number.replace("/", " ").replace("-", " ").split()}
        return next((name for code, name in table.items() if code.casefold() in parts), "")

    def vocabulary(self, model, known, name):
        name = name[:255]
        found = known.get(name.casefold())
        if found is None:
            found = model.objects.create(name=name)
            known[name.casefold()] = found
            self.journal.append((known, name.casefold()))
        return found

    def document_file(self, document, target):
        """Attach the old file to the document, once; a missing or refused
        file is reported and the document kept without it."""
        key = address_key(*target)
        address = shown_address(*target)
        row, stored = self.existing(key, Kind.FILE)
        if stored is not None:
            return
        try:
            found, name = self.read_file(target, settings.DOCUMENT_MAX_UPLOAD_SIZE, Kind.FILE)
            with found.open("rb") as handle:
                upload = File(handle, name=name)
                kind = sniff_kind(upload)
                known_extensions = {ext for exts in EXTENSIONS.values() for ext in exts}
                if kind and extension(name) not in known_extensions:
                    # A file the old site served by a script (Download.aspx?id=5).
                    upload.name = f"{name}.{kind.value}"
                validate_document_file(upload)
                if self.dry_run:
                    self.report.add(Kind.FILE, CREATED, address)
                    return
                stored = DocumentFile(document=document, file=upload)
                stored.save()
        except ValidationError as exc:
            self.report.fail(Kind.FILE, address, " ".join(exc.messages))
            return
        except Failure as exc:
            self.report.fail(Kind.FILE, exc.address, exc.message)
            return
        self.remember(key, address, Kind.FILE, stored)
        self.report.add(Kind.FILE, CREATED, address)
