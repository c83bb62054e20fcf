"""The import pipeline: records read from an old site become the portal's
objects, whatever the reader (an old site through a mapping file,
oldsite.site; a WordPress export, oldsite.wxr).

Each record is saved in its own transaction keyed by its old address
(OldAddress): a record unchanged since the last run is skipped, one that
changed is updated, and a failure (a broken date, a missing file, a
picture that is not one) is reported with its address while the rest goes
on. A record some of whose pictures or files failed is saved without them
and is read again on the next run, so fixing the old file and running
again finishes the job. `dry_run` reads and checks everything the same way
and writes nothing, neither rows nor files.
"""

import datetime
import hashlib
import json
import logging
import posixpath
import re
from urllib.parse import unquote

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import EmailValidator, URLValidator
from django.db import DatabaseError, transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from PIL import Image, UnidentifiedImageError

from core.models import Status
from core.sanitize import sanitize_html
from core.uploads import IMAGE_EXTENSIONS
from core.validators import validate_image
from documents.files import EXTENSIONS, extension, sniff_kind, validate_document_file
from documents.models import Document, DocumentFile, DocumentType, Issuer
from gallery.models import Album, Photo
from medialibrary.models import MediaItem
from members.models import Organization, OrganizationGroup
from news.models import Article, Category
from sitecontent.models import Page

from .addresses import OldSite, address_key, key_of_address, shown_address
from .models import Kind, OldAddress
from .pages import fragment, inner_html
from .report import CREATED, SKIPPED, UNCHANGED, UPDATED, Report

logger = logging.getLogger(__name__)

# Links to these are pictures, or at least files, whatever the old site
# answers for them.
PICTURE_EXTENSIONS = {*IMAGE_EXTENSIONS.values(), "jpeg"}
FILE_EXTENSIONS = {
    *PICTURE_EXTENSIONS, "bmp", "tif", "tiff", "svg",
    *(ext for exts in EXTENSIONS.values() for ext in exts),
    "ppt", "pptx", "pps", "zip", "rar", "7z", "txt", "rtf", "mp3", "mp4", "avi", "wmv",
}  # fmt: skip


class Failure(Exception):
    """One record that cannot be imported, with the address to report."""

    def __init__(self, address, message):
        super().__init__(message)
        self.address = address
        self.message = message


def fingerprint(values):
    data = json.dumps(values, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(data.encode()).hexdigest()


def file_name(path):
    return posixpath.basename(unquote(path, errors="replace")) or "tep"


def local_datetime(moment):
    if moment is None or timezone.is_aware(moment):
        return moment
    return timezone.make_aware(moment)


def clean_email(text):
    text = (text or "").strip().removeprefix("mailto:").split("?")[0]
    try:
        EmailValidator()(text)
    except ValidationError:
        return ""
    return text[:254]


def clean_url(text):
    text = (text or "").strip()
    if text and "://" not in text:
        text = f"http://{text}"
    try:
        URLValidator(schemes=["http", "https"])(text)
    except ValidationError:
        return ""
    return text[:500]


def whole_number(text):
    """'1.250 hội viên' → 1250; None without digits."""
    match = re.search(r"\d[\d.,\s]*", text or "")
    if not match:
        return None
    digits = re.sub(r"\D", "", match.group(0))
    return int(digits) if digits and len(digits) < 10 else None


class Importer:
    """The pipeline; a reader calls its record methods, then `finish()`."""

    def __init__(self, source, hosts, *, dry_run=False, progress=None):
        self.source = source
        self.site = OldSite(hosts)
        self.dry_run = dry_run
        self.progress = progress or (lambda items, **options: items)
        self.report = Report(dry_run)
        # Whether an address is a page the reader imports (not a file).
        self.is_page = lambda address: False
        self.known = {row.key: row for row in OldAddress.objects.select_related("content_type")}
        self.categories = {c.name.casefold(): c for c in Category.objects.all()}
        self.groups = {g.name.casefold(): g for g in OrganizationGroup.objects.all()}
        self.types = {t.name.casefold(): t for t in DocumentType.objects.all()}
        self.issuers = {i.name.casefold(): i for i in Issuer.objects.all()}
        # Objects whose bodies link to old addresses not imported yet, and
        # those addresses: files are copied and links mended at the end.
        self.pending_objects = []
        self.pending_targets = {}
        # What a dry run would create (categories, pictures, files).
        self.planned = set()
        # What the record being saved added to the caches above: taken
        # back when its transaction is rolled back.
        self.journal = []
        # Whether a picture or file of the record being saved failed.
        self.partial = False
        # The files read for the record being saved (a body's picture may
        # be its cover too): each is asked of the source once.
        self.fetched = {}

    # Records -----------------------------------------------------------------

    def atomic_record(self, kind, address, save):
        """Run `save()` in its own transaction; a failure is reported and
        leaves nothing of the record behind, in the database or here."""
        self.journal = []
        self.partial = False
        self.fetched = {}
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
            if isinstance(cache, set):
                cache.discard(key)
                continue
            cache.pop(key, None)
            if cache is self.known:
                stored = OldAddress.objects.filter(key=key).first()
                if stored is not None:
                    cache[key] = stored
        self.journal = []
        return None

    def sub_failure(self, kind, address, message):
        """A picture or file of a record that failed; the record is kept."""
        self.partial = True
        self.report.fail(kind, address, message)

    def existing(self, key, kind):
        """The row and object already imported from this address."""
        row = self.known.get(key)
        if row is None or row.kind != kind:
            return row, None
        return row, row.content_object

    def changed(self, key, kind, record, address, same=None):
        """(fingerprint, object, action) for a record to save, or None when
        the object imported from this address is unchanged (reported).

        `same` finds an object the portal has already (typed by staff, or
        from a spreadsheet or the other of two merged sites): the old
        address then leads to it, and it is left as it is."""
        fp = fingerprint(record)
        row, obj = self.existing(key, kind)
        if row is None and same is not None:
            found = same().first()
            if found is not None:
                self.report.add(
                    kind, SKIPPED, address, f"“{found}” đã có; địa chỉ cũ nay dẫn tới đó"
                )
                if not self.dry_run:
                    self.atomic_record(
                        kind, address, lambda: self.remember(key, address, kind, found, fp)
                    )
                return None
        if row is not None and row.kind not in (kind, Kind.MANUAL):
            self.report.add(
                kind,
                SKIPPED,
                address,
                f"địa chỉ này đã được nhập thành {Kind(row.kind).label.lower()}",
            )
            return None
        if obj is not None and row.fingerprint == fp:
            self.report.add(kind, UNCHANGED, address, "không thay đổi từ lần nhập trước")
            return None
        return fp, obj, UPDATED if obj is not None else CREATED

    def remember(self, key, address, kind, obj, fp="", target_url="", file=None):
        """Record (or move) the old address of an imported object; a
        redirect that would lead back to itself is refused."""
        row = self.known.get(key) or OldAddress(address=address)
        row.address = address
        row.kind = kind
        row.content_object = obj
        row.fingerprint = "" if self.partial else fp
        if file is not None:
            row.file = file
        row.target_url = obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else target_url
        if obj is None and row.file and not target_url:
            row.target_url = ""
        row.reason = "Nhập từ trang cũ"
        target = row.target()
        if target and key_of_address(target) != key and row.loops(key):
            raise Failure(
                address,
                f"Chuyển hướng từ địa chỉ cũ tới “{target}” sẽ lặp vô tận (qua các chuyển hướng "
                "đã có); hãy sửa chuyển hướng trong mục Địa chỉ cũ rồi nhập lại.",
            )
        row.save()
        self.known[row.key] = row
        self.journal.append((self.known, row.key))
        return row

    def alias(self, address, kind, obj, target_url=""):
        """Another old address of an object (WordPress's ?p=123)."""
        key = key_of_address(address)
        row = self.known.get(key)
        if row is not None and row.kind != kind:
            return
        if not self.dry_run:
            self.remember(key, address, kind, obj, target_url=target_url)

    # Categories and groups ---------------------------------------------------

    def category(self, name, address, *, notice=False):
        """The category named `name`, created when missing; a notice
        category when the mapping says its pages are notices."""
        name = name[:200]
        found = self.categories.get(name.casefold())
        if found is not None:
            if notice and not found.is_notice and not self.dry_run:
                found.is_notice = True
                found.save(update_fields=["is_notice"])
            return found
        detail = f"chuyên mục {'thông báo ' if notice else ''}mới “{name}”"
        if self.dry_run:
            if name.casefold() not in self.planned:
                self.planned.add(name.casefold())
                self.report.add(Kind.CATEGORY, CREATED, address, detail)
            return None
        found = Category.objects.create(name=name, is_notice=notice)
        self.categories[name.casefold()] = found
        self.journal.append((self.categories, name.casefold()))
        self.report.add(Kind.CATEGORY, CREATED, address, detail)
        return found

    def group(self, name, address):
        """The organization group named `name` (Hội thành viên…), created
        when missing, after the existing ones."""
        name = name[:255]
        found = self.groups.get(name.casefold())
        if found is not None:
            return found
        if self.dry_run:
            if ("group", name.casefold()) not in self.planned:
                self.planned.add(("group", name.casefold()))
                self.report.add(Kind.GROUP, CREATED, address, f"nhóm mới “{name}”")
            return None
        found = OrganizationGroup.objects.create(name=name, order=len(self.groups) + 1)
        self.groups[name.casefold()] = found
        self.journal.append((self.groups, name.casefold()))
        self.report.add(Kind.GROUP, CREATED, address, f"nhóm mới “{name}”")
        return found

    def named_list(self, kind, key, address, name, make):
        """A list page that names a category or group: its old address
        leads to it from now on."""
        row, found = self.existing(key, kind)
        fp = fingerprint([name])
        if found is not None and row.fingerprint == fp:
            self.report.add(kind, UNCHANGED, address, "không thay đổi từ lần nhập trước")
            return

        def save():
            cache = self.categories if kind == Kind.CATEGORY else self.groups
            is_new = name[:200].casefold() not in cache
            target = make(name, address)
            if not is_new:
                self.report.add(kind, UNCHANGED, address, f"“{name}” đã có")
            if not self.dry_run:
                self.remember(key, address, kind, target, fp)

        self.atomic_record(kind, address, save)

    # Articles and pages ------------------------------------------------------

    def article(self, record, address, key, *, kind=Kind.ARTICLE, base=None, aliases=()):
        """A news item or notice. `record`: title, published_at, category,
        summary, author, cover (an address), body (HTML), and optionally
        status ("draft" for a WordPress draft)."""
        same = Article.objects.filter(title=record["title"])
        if record["published_at"]:
            same = same.filter(published_at__date=timezone.localdate(record["published_at"]))
        found = self.changed(key, kind, record, address, lambda: same)
        if found is None:
            return
        fp, article, action = found
        base = base or address

        def save():
            category = self.category(record["category"], address, notice=kind == Kind.NOTICE)
            html, unknown = self.rewrite_body(record["body"], base)
            cover_upload = self.cover_upload(record["cover"], base)
            if self.dry_run:
                self.defer_links(None, unknown, key)
                self.report.add(kind, action, address, record["title"])
                return
            target = article or Article()
            target.title = record["title"]
            target.category = category
            target.summary = record["summary"]
            target.author = record["author"]
            target.body = html
            target.status = record.get("status", Status.PUBLISHED)
            target.published_at = record["published_at"] or target.published_at or timezone.now()
            if cover_upload is not None:
                if target.cover:
                    target.cover.delete(save=False)
                target.cover = cover_upload
            target.save()
            self.remember(key, address, kind, target, fp)
            for other in aliases:
                self.alias(other, kind, target)
            self.defer_links(target, unknown, key)
            self.report.add(kind, action, address, record["title"])

        self.atomic_record(kind, address, save)

    def page(self, record, address, key, *, aliases=()):
        """A static page (trang thông tin): title, summary, body, status,
        published_at, order."""
        same = Page.objects.filter(title=record["title"])
        found = self.changed(key, Kind.PAGE, record, address, lambda: same)
        if found is None:
            return
        fp, page, action = found

        def save():
            html, unknown = self.rewrite_body(record["body"], address)
            if self.dry_run:
                self.defer_links(None, unknown, key)
                self.report.add(Kind.PAGE, action, address, record["title"])
                return
            target = page or Page()
            target.title = record["title"]
            target.summary = record["summary"]
            target.body = html
            target.order = record.get("order", 0)
            target.status = record.get("status", Status.PUBLISHED)
            target.published_at = record["published_at"] or target.published_at or timezone.now()
            target.save()
            self.remember(key, address, Kind.PAGE, target, fp)
            for other in aliases:
                self.alias(other, Kind.PAGE, target)
            self.defer_links(target, unknown, key)
            self.report.add(Kind.PAGE, action, address, record["title"])

        self.atomic_record(Kind.PAGE, address, save)

    # Bodies: pictures, files and links -----------------------------------------

    def rewrite_body(self, html, base):
        """The body's HTML, sanitized, with its pictures copied into the
        media library and its links to the old site pointing to the new
        pages (or, for a page or file not imported yet, to its old address
        on this site until `finish()`). Returns (html, the old addresses
        still linked to)."""
        body = fragment(html)
        for image in list(body.iter("img")):
            target = self.site.resolve(image.get("src"), base)
            if target is None:
                continue
            try:
                url = self.body_image(target, image.get("alt") or image.get("title") or "")
            except Failure as exc:
                self.sub_failure(Kind.IMAGE, exc.address, exc.message)
                image.drop_tree()
                continue
            if url:
                image.set("src", url)
        unknown = self.rewrite_links(body, base)
        return sanitize_html(inner_html(body)), unknown

    def rewrite_links(self, element, base):
        unknown = {}
        for link in element.iter("a"):
            target = self.site.resolve(link.get("href"), base)
            if target is None:
                continue
            key = address_key(*target)
            row = self.known.get(key)
            new = row.target() if row is not None else ""
            if new:
                link.set("href", new)
            else:
                link.set("href", shown_address(*target))
                unknown[key] = target
        return unknown

    def defer_links(self, obj, unknown, key):
        """Mend these links at the end; `key` is the object's old address."""
        if unknown and obj is not None:
            self.pending_objects.append((type(obj), obj.pk))
        for target_key, target in unknown.items():
            self.pending_targets.setdefault(target_key, (target, set()))[1].add(key)

    def finish(self):
        """Copy the files bodies link to, then mend the links to pages and
        files imported after the body that links to them. A record linking
        to a file that failed is read again on the next run."""
        retry = set()
        pending = list(self.pending_targets.items())
        for key, (target, linked_from) in self.progress(pending, desc="Tệp liên kết"):
            if key not in self.known and not self.linked_file(target):
                retry |= linked_from
        if self.dry_run:
            return self.report
        OldAddress.objects.filter(key__in=retry).update(fingerprint="")
        seen = set()
        for model, pk in self.pending_objects:
            if (model, pk) in seen:
                continue
            seen.add((model, pk))
            obj = model.objects.filter(pk=pk).first()
            if obj is None:
                continue
            body = "description" if model is Organization else "body"
            holder = fragment(getattr(obj, body))
            self.rewrite_links(holder, "/")
            html = sanitize_html(inner_html(holder))
            if html != getattr(obj, body):
                setattr(obj, body, html)
                obj.save(update_fields=[body, "updated_at"])
        return self.report

    def linked_file(self, target):
        """Copy a file a body links to (a report, a form, a picture) that
        nothing imported holds; a page not imported is left alone. Returns
        False when the file could not be copied."""
        address = shown_address(*target)
        if self.is_page(address):
            return True
        name = file_name(target[0])
        ext = extension(name)
        if ext in PICTURE_EXTENSIONS:
            return self.linked_picture(target)
        key = address_key(*target)
        if key in self.planned:
            return True
        if ext not in FILE_EXTENSIONS and not getattr(self.source, "is_local", False):
            # Most likely a page (Gioithieu.aspx?Id=3): not worth a request
            # to a live site. A mirror is asked, since that costs nothing.
            return True
        try:
            data = self.read_file(target, settings.DOCUMENT_MAX_UPLOAD_SIZE, must_exist=False)
        except Failure as exc:
            self.report.fail(Kind.ATTACHMENT, exc.address, exc.message)
            return False
        if data is None:
            if ext in FILE_EXTENSIONS:
                self.report.fail(Kind.ATTACHMENT, address, self.source.missing)
                return False
            return True  # a page of the old site, not imported
        upload = ContentFile(data, name=name)
        if ext not in FILE_EXTENSIONS and is_image(upload):
            return self.linked_picture(target)
        kind = sniff_kind(upload)
        if kind is None and ext not in FILE_EXTENSIONS:
            return True  # a page of the old site, not imported
        if kind and ext not in FILE_EXTENSIONS:
            upload.name = f"{name}.{kind.value}"  # served by a script (Download.aspx?id=5)
        try:
            validate_document_file(upload)
        except ValidationError as exc:
            self.report.fail(Kind.ATTACHMENT, address, " ".join(exc.messages))
            return False
        if self.dry_run:
            self.planned.add(key)
            self.report.add(Kind.ATTACHMENT, CREATED, address, name)
            return True

        def save():
            self.remember(key, address, Kind.ATTACHMENT, None, file=upload)
            self.report.add(Kind.ATTACHMENT, CREATED, address, name)
            return True

        return bool(self.atomic_record(Kind.ATTACHMENT, address, save))

    def linked_picture(self, target):
        def save():
            self.body_image(target, "")
            return True

        return bool(self.atomic_record(Kind.IMAGE, shown_address(*target), save))

    # Files -------------------------------------------------------------------

    def read_file(self, target, limit, *, must_exist=True):
        """The bytes of an old file within `limit` (else a Failure); None
        for a missing one when it need not exist."""
        path, query = target
        address = shown_address(path, query)
        key = address_key(path, query)
        try:
            if key not in self.fetched:
                self.fetched[key] = self.source.fetch(path, query, limit)
            data = self.fetched[key]
        except Exception as exc:  # a source's own message (robots.txt, timeout…)
            raise Failure(address, str(exc)) from exc
        if data is None:
            if must_exist:
                raise Failure(address, self.source.missing)
            return None
        if len(data) > limit:
            # Read no further than the limit: its true size is not known.
            raise Failure(
                address,
                f"Tệp “{file_name(path)}” quá lớn (hơn {filesizeformat(limit)}); giới hạn là "
                f"{filesizeformat(limit)}.",
            )
        return data

    def body_image(self, target, alt):
        """The media library's address of an old picture, copied once."""
        key = address_key(*target)
        address = shown_address(*target)
        row, item = self.existing(key, Kind.IMAGE)
        if item is not None:
            return row.target_url
        if key in self.planned:
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
        data = self.read_file(target, settings.IMAGE_MAX_UPLOAD_SIZE)
        upload = ContentFile(data, name=file_name(target[0]))
        try:
            validate_image(upload)
        except ValidationError as exc:
            raise Failure(shown_address(*target), " ".join(exc.messages)) from exc
        return upload

    def cover_upload(self, src, base, kind=Kind.IMAGE):
        """A checked picture for a cover or logo; a failure is reported and
        the record kept without it."""
        target = self.site.resolve(src, base) if src else None
        if target is None:
            return None
        try:
            return self.image_upload(target)
        except Failure as exc:
            self.sub_failure(kind, exc.address, exc.message)
            return None

    # Documents ---------------------------------------------------------------

    def document(self, record, address, key, file_target):
        """A document (văn bản): number, issued_on, summary, type, issuer,
        signer; its file, if any, at `file_target`."""
        same = Document.objects.filter(number=record["number"], issued_on=record["issued_on"])
        found = self.changed(key, Kind.DOCUMENT, record, address, lambda: same)
        if found is None:
            return
        fp, document, action = found

        def save():
            if self.dry_run:
                self.report.add(Kind.DOCUMENT, action, address, record["number"])
                if file_target:
                    self.document_file(None, file_target)
                return
            target = document or Document()
            target.number = record["number"]
            target.issued_on = record["issued_on"]
            target.summary = record["summary"]
            target.signer = record["signer"]
            target.type = self.vocabulary(DocumentType, self.types, record["type"])
            target.issuer = self.vocabulary(Issuer, self.issuers, record["issuer"])
            target.status = Status.PUBLISHED
            target.published_at = local_datetime(
                datetime.datetime.combine(record["issued_on"], datetime.time())
            )
            target.save()
            if file_target:
                self.document_file(target, file_target)
            self.remember(key, address, Kind.DOCUMENT, target, fp)
            self.report.add(Kind.DOCUMENT, action, address, record["number"])

        self.atomic_record(Kind.DOCUMENT, address, save)

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
        if stored is not None or key in self.planned:
            return
        try:
            data = self.read_file(target, settings.DOCUMENT_MAX_UPLOAD_SIZE)
            name = file_name(target[0])
            upload = ContentFile(data, name=name)
            kind = sniff_kind(upload)
            if kind and extension(name) not in FILE_EXTENSIONS:
                # A file the old site served by a script (Download.aspx?id=5).
                upload.name = f"{name}.{kind.value}"
            validate_document_file(upload)
        except ValidationError as exc:
            self.sub_failure(Kind.FILE, address, " ".join(exc.messages))
            return
        except Failure as exc:
            self.sub_failure(Kind.FILE, exc.address, exc.message)
            return
        if self.dry_run:
            self.planned.add(key)
            self.report.add(Kind.FILE, CREATED, address)
            return
        stored = DocumentFile(document=document, file=upload)
        stored.save()
        self.remember(key, address, Kind.FILE, stored)
        self.report.add(Kind.FILE, CREATED, address)

    # Organizations -----------------------------------------------------------

    def organization(self, record, address, key, *, base=None):
        """A member organization: name, group, short_name, leader_name,
        leader_title, founded_on, founding_decision, member_count, address,
        phone, email, website, description (HTML), logo (an address)."""
        same = Organization.objects.filter(name__iexact=record["name"])
        found = self.changed(key, Kind.ORGANIZATION, record, address, lambda: same)
        if found is None:
            return
        fp, organization, action = found
        base = base or address

        def save():
            group = self.group(record["group"], address)
            html, unknown = self.rewrite_body(record["description"], base)
            logo = self.cover_upload(record["logo"], base)
            if self.dry_run:
                self.defer_links(None, unknown, key)
                self.report.add(Kind.ORGANIZATION, action, address, record["name"])
                return
            target = organization or Organization()
            for name in (
                "name", "short_name", "leader_name", "leader_title", "founded_on",
                "founding_decision", "member_count", "address", "phone", "email", "website",
            ):  # fmt: skip
                setattr(target, name, record[name])
            target.group = group
            target.description = html
            if logo is not None:
                if target.logo:
                    target.logo.delete(save=False)
                target.logo = logo
            target.save()
            self.remember(key, address, Kind.ORGANIZATION, target, fp)
            self.defer_links(target, unknown, key)
            self.report.add(Kind.ORGANIZATION, action, address, record["name"])

        self.atomic_record(Kind.ORGANIZATION, address, save)

    # Albums ------------------------------------------------------------------

    def album(self, record, address, key, *, base=None):
        """A photo album: title, event_on, published_at, description, and
        photos as [(picture address, caption)], in order."""
        same = Album.objects.filter(title=record["title"])
        found = self.changed(key, Kind.ALBUM, record, address, lambda: same)
        if found is None:
            return
        fp, album, action = found
        base = base or address

        def save():
            if self.dry_run:
                self.report.add(Kind.ALBUM, action, address, record["title"])
                for src, _ in record["photos"]:
                    self.photo(None, src, "", 0, base)
                return
            target = album or Album()
            target.title = record["title"]
            target.description = record["description"]
            target.event_on = record["event_on"]
            target.status = Status.PUBLISHED
            target.published_at = record["published_at"] or target.published_at or timezone.now()
            target.save()
            for order, (src, caption) in enumerate(record["photos"]):
                self.photo(target, src, caption, order, base)
            self.remember(key, address, Kind.ALBUM, target, fp)
            self.report.add(Kind.ALBUM, action, address, record["title"])

        self.atomic_record(Kind.ALBUM, address, save)

    def photo(self, album, src, caption, order, base):
        """A photo of the album, once; its caption and place kept up to date."""
        target = self.site.resolve(src, base)
        if target is None:
            return
        key = address_key(*target)
        address = shown_address(*target)
        row, photo = self.existing(key, Kind.PHOTO)
        if photo is not None:
            if album is not None and photo.album_id != album.pk:
                self.report.add(Kind.PHOTO, SKIPPED, address, "ảnh đã có trong album khác")
            elif album is not None and (photo.caption, photo.order) != (caption, order):
                photo.caption, photo.order = caption, order
                photo.save(update_fields=["caption", "order"])
            return
        if key in self.planned:
            return
        try:
            upload = self.image_upload(target)
        except Failure as exc:
            self.sub_failure(Kind.PHOTO, exc.address, exc.message)
            return
        if self.dry_run:
            self.planned.add(key)
            self.report.add(Kind.PHOTO, CREATED, address)
            return
        photo = Photo.objects.create(album=album, image=upload, caption=caption, order=order)
        self.remember(key, address, Kind.PHOTO, photo)
        self.report.add(Kind.PHOTO, CREATED, address, caption)


def is_image(upload):
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image.verify()
        return True
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        return False
    finally:
        upload.seek(0)
