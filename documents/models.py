import datetime

from django.db import models, transaction
from django.db.models import Case, Exists, F, OuterRef, Q, Value, When
from django.utils import timezone

from core import sidebar
from core.addresses import reverse

# DocumentFileField stays importable from here (migrations, oldsite).
from core.fields import VECTOR_TEXT_LIMIT, DocumentFileField, WordsField
from core.models import ContentQuerySet, Publishable, PublishableQuerySet, SluggedModel, Status
from core.text import visible_name
from search.index import index_object
from search.query import folded_query_words, words_filter

from .files import (
    CONTENT_TYPES,
    EXTENSIONS,
    FileKind,
    extension,
    extract_text,
    sniff_kind,
    validate_document_file,
)
from .text import number_key, padded_words


class Vocabulary(SluggedModel):
    """A short named list staff keep in the admin (types, issuers, fields)."""

    name = models.CharField("tên", max_length=255, unique=True)
    slug = models.SlugField(
        "đường dẫn",
        max_length=200,
        unique=True,
        blank=True,
        help_text="Để trống để tạo từ tên; dùng trong bộ lọc của trang văn bản.",
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        abstract = True
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def slug_source(self):
        return self.name


class DocumentType(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = "loại văn bản"
        verbose_name_plural = "loại văn bản"


class Issuer(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = "cơ quan ban hành"
        verbose_name_plural = "cơ quan ban hành"


class Field(Vocabulary):
    class Meta(Vocabulary.Meta):
        # Three apps have fields (lĩnh vực): the admin's index and pickers
        # tell them apart by name.
        verbose_name = "lĩnh vực văn bản"
        verbose_name_plural = "lĩnh vực văn bản"


class Validity(models.TextChoices):
    IN_FORCE = "in_force", "Còn hiệu lực"
    EXPIRED = "expired", "Hết hiệu lực"
    NOT_YET = "not_yet", "Chưa có hiệu lực"


class DocumentQuerySet(PublishableQuerySet):
    def latest_issued(self, now=None):
        """Published documents, newest issue date first (VĂN BẢN MỚI)."""
        return self.published(now=now).order_by("-issued_on", "-id")

    def sidebar_latest(self, limit=12):
        """VĂN BẢN MỚI: twelve rows, as the original portal's table shows."""

        def make(row):
            return Document(
                pk=row["ref"],
                number=row["title"],
                summary=row["text"],
                issued_on=row["day"].date() if row["day"] else None,
                slug=row["key"],
            )

        return sidebar.feed(
            "documents", self.latest_issued(now=sidebar.NOW), limit, make,
            title="number", text="summary", day="issued_on", key="slug",
        )  # fmt: skip

    def with_validity(self):
        """Annotate `current_validity`, the status a reader sees today.

        Worked out in SQL from the stored status, the effective date and the
        replacing documents, so it is right the day a replacement takes
        effect without any scheduled job, and the list can filter on it.
        """
        today = timezone.localdate()
        replaced = Exists(
            Document.replaces.through.objects.filter(
                to_document=OuterRef("pk"),
                from_document__status=Status.PUBLISHED,
                from_document__published_at__lte=timezone.now(),
            ).filter(
                Q(from_document__effective_on__lte=today)
                | Q(from_document__effective_on__isnull=True, from_document__issued_on__lte=today)
            )
        )
        return self.annotate(
            current_validity=Case(
                When(replaced, then=Value(Validity.EXPIRED)),
                When(validity=Validity.EXPIRED, then=Value(Validity.EXPIRED)),
                When(effective_on__gt=today, then=Value(Validity.NOT_YET)),
                When(effective_on__lte=today, then=Value(Validity.IN_FORCE)),
                default=F("validity"),
                output_field=models.CharField(),
            )
        )

    def search(self, query):
        """Documents whose number, summary or file text contain every word of
        `query`, as the start of a word: accents, case and separators do not
        matter, so "582/qd-ubnd" and "582 QĐ UBND" find "582/QĐ-UBND", and
        "582" does not find "1582/QĐ-UBND".
        """
        words = query_words(query)
        if not words:
            # Only punctuation: nothing to look for, nothing is left out.
            return self.annotate(is_number_match=Value(False))
        condition = words_filter("search_text", words)
        if not could_be_a_number(words):
            return self.filter(condition).annotate(is_number_match=Value(False))
        # A query that is a whole number ("582/qd-ubnd") is marked, so the
        # list can show that document before those that merely mention it.
        return self.filter(condition).annotate(
            is_number_match=Case(
                When(number_key__contains=padded_words(" ".join(words)), then=Value(True)),
                default=Value(False),
                output_field=models.BooleanField(),
            )
        )

    def search_results(self, query):
        """search(), the documents whose number is the query first, then the
        newest issued first.

        A query without a digit is never a document's number (số/ký hiệu
        always has one), so its results are simply newest first: PostgreSQL
        then walks the issue-date index and stops once it has a page, rather
        than testing every document's text and sorting them all (1.7 ms
        instead of 100 ms for "khoa học" among 10,000 documents).
        """
        results = self.search(query)
        if could_be_a_number(query_words(query)):
            return results.order_by("-is_number_match", "-issued_on", "-id")
        return results.order_by("-issued_on", "-id")


def query_words(query):
    """A `q`'s words as the search text holds them (folded), at most 20:
    the site-wide search's own reading of a query."""
    return folded_query_words(query, max_words=20)


def could_be_a_number(words):
    return any(character.isdigit() for word in words for character in word)


class Document(Publishable, SluggedModel):
    """A regulation (văn bản): a decision, plan, official letter, directive…"""

    number = models.CharField(
        "số/ký hiệu",
        max_length=100,
        help_text="Ghi đúng như trên văn bản, ví dụ 582/QĐ-UBND.",
    )
    number_key = models.CharField(
        "khóa tra cứu số", max_length=120, editable=False, db_index=True, default=""
    )
    slug = models.SlugField(
        "đường dẫn",
        max_length=200,
        unique=True,
        blank=True,
        help_text="Để trống để tạo từ số/ký hiệu và năm; không đổi khi sửa số.",
    )
    issued_on = models.DateField("ngày ban hành")
    summary = models.TextField("trích yếu")
    type = models.ForeignKey(
        DocumentType,
        on_delete=models.PROTECT,
        related_name="documents",
        verbose_name="loại văn bản",
    )
    issuer = models.ForeignKey(
        Issuer,
        on_delete=models.PROTECT,
        related_name="documents",
        verbose_name="cơ quan ban hành",
    )
    signer = models.CharField("người ký", max_length=255, blank=True)
    effective_on = models.DateField(
        "ngày có hiệu lực",
        null=True,
        blank=True,
        help_text="Để trống nếu văn bản có hiệu lực từ ngày ban hành.",
    )
    validity = models.CharField(
        "tình trạng hiệu lực",
        max_length=10,
        choices=Validity.choices,
        default=Validity.IN_FORCE,
        help_text=(
            "Khi một văn bản thay thế văn bản này có hiệu lực, trang web tự hiện "
            "“Hết hiệu lực”; theo ngày có hiệu lực, tự hiện “Chưa có hiệu lực”."
        ),
    )
    fields = models.ManyToManyField(
        Field, blank=True, related_name="documents", verbose_name="lĩnh vực"
    )
    replaces = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="replaced_by",
        verbose_name="thay thế văn bản",
    )
    amends = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="amended_by",
        verbose_name="sửa đổi, bổ sung văn bản",
    )
    download_count = models.PositiveIntegerField("lượt tải", default=0, editable=False)
    # Number, summary, signer and file texts as words: folded (accent-free,
    # lower-case, đ→d), every run of other characters one space, padded with
    # a space at each end, so `search_text__contains=" word"` finds a word
    # start (see documents.text). Rebuilt by Document.save() and whenever a
    # file is saved or deleted; DocumentQuerySet.search() reads it, through
    # its word list and GIN index on PostgreSQL (migration 0004).
    search_text = WordsField(
        "nội dung tra cứu", blank=True, editable=False, vector_column="search_vector"
    )
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)

    objects = DocumentQuerySet.as_manager()
    # Updated in bulk without being content (core.models.ContentQuerySet).
    counter_fields = ("download_count", "search_text")

    class Meta:
        ordering = ["-issued_on", "-id"]
        verbose_name = "văn bản"
        verbose_name_plural = "văn bản"
        indexes = [
            models.Index(
                fields=["status", "-issued_on", "published_at"], name="document_published_idx"
            ),
        ]

    def __str__(self):
        return f"{self.number} ({self.issued_on:%d/%m/%Y})" if self.issued_on else self.number

    def save(self, *args, **kwargs):
        self.number_key = padded_words(self.number)
        self.search_text = self.build_search_text()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "number_key", "search_text"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("documents:detail", kwargs={"slug": self.slug})

    def slug_source(self):
        """ "582/QĐ-UBND" of 2018 → "582-qd-ubnd-2018"; the year is left out when
        the number already carries it ("25/2014/Đ-UBND")."""
        year = str(self.issued_on.year) if self.issued_on else ""
        key = number_key(self.number)
        return key if year in key.split() else f"{key} {year}"

    def build_search_text(self):
        """Searched in its first VECTOR_TEXT_LIMIT characters, on every database
        (PostgreSQL's word list holds no more)."""
        parts = [self.number, self.summary, self.signer]
        if self.pk:
            parts.extend(self.files.values_list("text", flat=True))
        return padded_words(" ".join(part for part in parts if part))[:VECTOR_TEXT_LIMIT]

    def refresh_search_text(self):
        """Store the search text again after a file was added or removed."""
        type(self).objects.filter(pk=self.pk).update(search_text=self.build_search_text())
        index_object(self)

    def search_document(self):
        files_text = self.files.values_list("text", flat=True) if self.pk else []
        issued = self.issued_on or timezone.localdate()
        return {
            "title": f"{self.number}: {self.summary}"[:500],
            "body": " ".join([self.signer, *files_text]),
            "url": self.get_absolute_url(),
            "date": timezone.make_aware(datetime.datetime.combine(issued, datetime.time())),
            "is_public": self.status == Status.PUBLISHED,
            "published_at": self.published_at,
        }

    def related_documents(self):
        """Published documents linked to this one, by relation, in one query:
        {"replaces": [...], "amends": [...], "replaced_by": [...], "amended_by": [...]}.
        """
        replaces = Document.replaces.through.objects
        amends = Document.amends.through.objects
        links = {
            "replaces": replaces.filter(from_document=self.pk, to_document=OuterRef("pk")),
            "amends": amends.filter(from_document=self.pk, to_document=OuterRef("pk")),
            "replaced_by": replaces.filter(to_document=self.pk, from_document=OuterRef("pk")),
            "amended_by": amends.filter(to_document=self.pk, from_document=OuterRef("pk")),
        }
        related = {name: [] for name in links}
        # The linked ids first, from the two small link tables: annotating
        # every published document with four EXISTS cost 28 ms at 10,000.
        linked_ids = set(
            replaces.filter(from_document=self.pk)
            .values_list("to_document", flat=True)
            .union(
                replaces.filter(to_document=self.pk).values_list("from_document", flat=True),
                amends.filter(from_document=self.pk).values_list("to_document", flat=True),
                amends.filter(to_document=self.pk).values_list("from_document", flat=True),
                all=True,
            )
        )
        if not linked_ids:
            return related
        annotations = {f"is_{name}": Exists(link) for name, link in links.items()}
        others = (
            type(self)
            .objects.published()
            .filter(pk__in=linked_ids)
            .annotate(**annotations)
            .only("number", "slug", "issued_on", "summary")
            .order_by("-issued_on", "-id")
        )
        for other in others:
            for name in links:
                if getattr(other, f"is_{name}"):
                    related[name].append(other)
        return related

    @property
    def validity_now(self):
        """The status shown today; from `with_validity()` when annotated."""
        value = getattr(self, "current_validity", None)
        if value is None:
            value = type(self).objects.with_validity().get(pk=self.pk).current_validity
        return Validity(value)


# The kinds whose text is read for search (DOC and XLS are not).
TEXT_KINDS = (FileKind.PDF, FileKind.DOCX, FileKind.XLSX, FileKind.ODT)


def document_upload_to(instance, filename):
    return f"van-ban/{timezone.now():%Y/%m}/{filename}"


class DocumentFileQuerySet(ContentQuerySet):
    def published(self, now=None):
        """Files of published documents: the only ones visitors may fetch."""
        return self.filter(document__in=Document.objects.published(now=now))


class DocumentFile(models.Model):
    """A file of a document; its text is extracted once, when it is uploaded."""

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="files", verbose_name="văn bản"
    )
    file = DocumentFileField(
        "tệp",
        upload_to=document_upload_to,
        max_length=255,
        validators=[validate_document_file],
        help_text="PDF, DOC, DOCX, XLS, XLSX hoặc ODT.",
    )
    title = models.CharField(
        "mô tả",
        max_length=255,
        blank=True,
        help_text="Ví dụ “Phụ lục kèm theo”; để trống nếu là toàn văn.",
    )
    original_name = models.CharField("tên tệp gốc", max_length=255, editable=False)
    kind = models.CharField(
        "định dạng", max_length=10, choices=FileKind.choices, editable=False, default=""
    )
    size = models.PositiveBigIntegerField("dung lượng", default=0, editable=False)
    text = models.TextField("nội dung chữ", blank=True, editable=False)
    # None for the kinds whose text is not read (DOC, XLS).
    has_text_layer = models.BooleanField("có lớp văn bản", null=True, editable=False)
    extraction_error = models.CharField(
        "lỗi đọc nội dung", max_length=255, blank=True, editable=False
    )
    # Set on upload, cleared by the worker once the text is read
    # (documents.tasks.extract_file_text): the page says "đang xử lý".
    is_text_pending = models.BooleanField("đang đọc nội dung", default=False, editable=False)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    uploaded_at = models.DateTimeField("tải lên lúc", default=timezone.now, editable=False)

    objects = DocumentFileQuerySet.as_manager()

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "tệp văn bản"
        verbose_name_plural = "tệp văn bản"

    def __str__(self):
        return self.original_name or self.file.name

    def save(self, *args, **kwargs):
        # A new upload has not been committed to storage yet; only then are
        # its kind and size worked out (once, not per request). Its text is
        # read by the worker once the row is committed: a long PDF would hold
        # the admin's save for seconds.
        is_new_upload = bool(self.file) and not getattr(self.file, "_committed", True)
        if is_new_upload:
            self.read_upload(self.file.file)
        super().save(*args, **kwargs)
        self.document.refresh_search_text()
        if is_new_upload and self.is_text_pending:
            from .tasks import extract_file_text

            pk = self.pk
            transaction.on_commit(lambda: extract_file_text(pk), robust=True)

    def get_absolute_url(self):
        return reverse(
            "documents:download", kwargs={"slug": self.document.slug, "file_id": self.pk}
        )

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        self.document.refresh_search_text()
        return result

    def read_upload(self, upload):
        self.original_name = visible_name(getattr(upload, "name", "")).rsplit("/", 1)[-1][:255]
        self.size = upload.size
        self.kind = sniff_kind(upload) or ""
        self.uploaded_at = timezone.now()
        self.text, self.extraction_error, self.has_text_layer = "", "", None
        self.is_text_pending = self.kind in TEXT_KINDS

    def read_text(self):
        """Read the stored file's text (the worker's part of an upload) and
        put it in the document's search text and the site-wide index."""
        with self.file.open("rb") as stored:
            self.text, self.extraction_error = extract_text(stored, self.kind)
        self.has_text_layer = bool(self.text.strip()) if self.kind in TEXT_KINDS else None
        self.is_text_pending = False
        # update(): no new revision of the document for the worker's part.
        type(self).objects.filter(pk=self.pk).update(
            text=self.text,
            extraction_error=self.extraction_error,
            has_text_layer=self.has_text_layer,
            is_text_pending=False,
        )
        self.document.refresh_search_text()

    @property
    def download_name(self):
        """The sender's file name, ending in the extension of what the file is."""
        name = visible_name(self.original_name)
        if not self.kind or extension(name) in EXTENSIONS.get(self.kind, ()):
            return name or None
        return f"{name or 'van-ban'}.{self.kind}"

    @property
    def content_type(self):
        return CONTENT_TYPES.get(self.kind, "application/octet-stream")

    @property
    def lacks_text_layer(self):
        return self.kind == FileKind.PDF and self.has_text_layer is False
