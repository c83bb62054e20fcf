import datetime

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Prefetch
from django.utils import timezone
from imagekit.models import ImageSpecField
from imagekit.processors import ResizeToFit

from core.addresses import reverse
from core.fields import UploadImageField
from core.models import ContentQuerySet, Publishable, PublishableQuerySet, SluggedModel, Status
from core.renditions import CoverRenditions
from core.text import visible_name, vn_slugify
from documents.files import FileKind, extract_text
from search.index import index_object

from .files import PDFFileField, validate_pdf


class Series(SluggedModel):
    """A bulletin's name (tên bản tin), such as "Bản tin Trí thức với KH&CN";
    most associations have one, some a second for a programme."""

    name = models.CharField("tên bản tin", max_length=255, unique=True)
    slug = models.SlugField(
        "đường dẫn",
        max_length=100,
        unique=True,
        blank=True,
        help_text="Để trống để tạo từ tên; dùng trong đường dẫn của từng số.",
    )
    description = models.TextField("giới thiệu", blank=True)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    slug_max_length = 100
    objects = ContentQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "tên bản tin"
        verbose_name_plural = "tên bản tin"

    def __str__(self):
        return self.name

    def slug_source(self):
        return self.name


class IssueQuerySet(PublishableQuerySet):
    def for_shelf(self):
        """What the shelf shows of each issue: its cover, not its PDF text."""
        return self.select_related("series").defer("pdf_text")

    def with_contents(self):
        """The table of contents with its articles, in one more query; an
        article's body is not read."""
        entries = ContentsEntry.objects.select_related("article__category").defer(
            "article__body", "article__pending_change"
        )
        return self.prefetch_related(Prefetch("contents", queryset=entries))


def pdf_upload_to(instance, filename):
    return f"ban-tin/pdf/{timezone.now():%Y}/{filename}"


def cover_upload_to(instance, filename):
    return f"ban-tin/bia/{timezone.now():%Y}/{filename}"


class Issue(CoverRenditions, Publishable, SluggedModel):
    """One issue (số) of a bulletin: its cover, its PDF and its contents."""

    series = models.ForeignKey(
        Series, on_delete=models.PROTECT, related_name="issues", verbose_name="tên bản tin"
    )
    number = models.PositiveSmallIntegerField(
        "số", help_text="Số thứ tự của bản tin trong năm, ví dụ 2."
    )
    year = models.PositiveSmallIntegerField("năm")
    issued_on = models.DateField("ngày phát hành")
    title = models.CharField(
        "chủ đề",
        max_length=255,
        blank=True,
        help_text="Chủ đề chính của số này, nếu có; hiện dưới tên bản tin.",
    )
    summary = models.TextField("giới thiệu", blank=True)
    slug = models.SlugField(
        "đường dẫn",
        max_length=200,
        unique=True,
        blank=True,
        help_text="Để trống để tạo từ tên bản tin, số và năm; không đổi khi sửa.",
    )
    cover = UploadImageField(
        "ảnh bìa",
        upload_to=cover_upload_to,
        blank=True,
        width_field="cover_width",
        height_field="cover_height",
        help_text="Trang bìa của số bản tin (JPEG, PNG, WebP hoặc GIF).",
    )
    cover_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    cover_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    pdf = PDFFileField(
        "tệp PDF",
        upload_to=pdf_upload_to,
        max_length=255,
        validators=[validate_pdf],
        help_text="Toàn văn bản tin dạng PDF; nội dung chữ được đọc để tra cứu.",
    )
    pdf_name = models.CharField("tên tệp gốc", max_length=255, editable=False, default="")
    pdf_size = models.PositiveBigIntegerField("dung lượng", default=0, editable=False)
    pdf_text = models.TextField("nội dung chữ", blank=True, editable=False)
    has_text_layer = models.BooleanField("có lớp văn bản", null=True, editable=False)
    extraction_error = models.CharField(
        "lỗi đọc nội dung", max_length=255, blank=True, editable=False
    )
    # Set on upload, cleared by the worker once the text is read
    # (bulletins.tasks.extract_issue_text): the page says "đang xử lý".
    is_text_pending = models.BooleanField("đang đọc nội dung", default=False, editable=False)
    download_count = models.PositiveIntegerField("lượt tải", default=0, editable=False)
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)

    # A shelf's cover: a bulletin page is A4 (1:1.414); fitted, never cropped.
    cover_card = ImageSpecField(
        source="cover",
        processors=[ResizeToFit(300, 424, upscale=False)],
        format="JPEG",
        options={"quality": 82},
    )
    cover_large = ImageSpecField(
        source="cover",
        processors=[ResizeToFit(480, 679, upscale=False)],
        format="JPEG",
        options={"quality": 85},
    )

    objects = IssueQuerySet.as_manager()
    # Updated in bulk without being content (core.models.ContentQuerySet).
    counter_fields = ("download_count",)

    class Meta:
        ordering = ["-issued_on", "-id"]
        verbose_name = "số bản tin"
        verbose_name_plural = "số bản tin"
        constraints = [
            models.UniqueConstraint(
                fields=["series", "year", "number"],
                name="bulletin_issue_unique_number",
            ),
        ]
        indexes = [
            models.Index(
                fields=["status", "-issued_on", "published_at"], name="bulletin_published_idx"
            ),
        ]

    def __str__(self):
        return f"{self.series} số {self.number}/{self.year}" if self.series_id else "Bản tin"

    def save(self, *args, **kwargs):
        # A new upload has not been committed to storage yet: its name and
        # size are read now, its text by the worker once the row is
        # committed (a long PDF would hold the admin's save for seconds).
        is_new_upload = bool(self.pdf) and not getattr(self.pdf, "_committed", True)
        if is_new_upload:
            self.read_upload(self.pdf.file)
        super().save(*args, **kwargs)
        if is_new_upload:
            from .tasks import extract_issue_text

            pk = self.pk
            transaction.on_commit(lambda: extract_issue_text(pk), robust=True)

    def get_absolute_url(self):
        return reverse("bulletins:detail", kwargs={"slug": self.slug})

    def unique_error_message(self, model_class, unique_check):
        # The constraint's error, naming the issue that already has the number.
        if set(unique_check) == {"series", "year", "number"}:
            return ValidationError(
                "Đã có %(series)s số %(number)s năm %(year)s; hãy kiểm tra lại số hoặc năm.",
                code="unique_together",
                params={"series": self.series, "number": self.number, "year": self.year},
            )
        return super().unique_error_message(model_class, unique_check)

    def slug_source(self):
        return f"{self.series.slug} so {self.number} {self.year}"

    def search_document(self):
        contents = self.contents.values_list("title", flat=True) if self.pk else []
        issued = self.issued_on or timezone.localdate()
        return {
            "title": self.heading,
            "body": " ".join([self.summary, *contents, self.pdf_text]),
            "url": self.get_absolute_url(),
            "date": timezone.make_aware(datetime.datetime.combine(issued, datetime.time())),
            "is_public": self.status == Status.PUBLISHED,
            "published_at": self.published_at,
        }

    @property
    def heading(self):
        """ "Bản tin Trí thức với KH&CN số 2/2026: Chuyển đổi số" """
        return f"{self}: {self.title}" if self.title else str(self)

    @property
    def download_name(self):
        return f"{vn_slugify(str(self))}.pdf"

    def read_upload(self, upload):
        self.pdf_name = visible_name(getattr(upload, "name", "")).rsplit("/", 1)[-1][:255]
        self.pdf_size = upload.size
        self.pdf_text, self.extraction_error, self.has_text_layer = "", "", None
        self.is_text_pending = True

    def read_text(self):
        """Read the stored PDF's text (the worker's part of an upload); the
        update() re-indexes the issue for search (core.signals.rows_changed)."""
        with self.pdf.open("rb") as stored:
            self.pdf_text, self.extraction_error = extract_text(stored, FileKind.PDF)
        self.has_text_layer = bool(self.pdf_text.strip())
        self.is_text_pending = False
        type(self).objects.filter(pk=self.pk).update(
            pdf_text=self.pdf_text,
            extraction_error=self.extraction_error,
            has_text_layer=self.has_text_layer,
            is_text_pending=False,
        )


class ContentsEntry(models.Model):
    """A line of an issue's table of contents (mục lục), which may link to
    the article it reprints."""

    issue = models.ForeignKey(
        Issue, on_delete=models.CASCADE, related_name="contents", verbose_name="số bản tin"
    )
    title = models.CharField("tiêu đề bài", max_length=255)
    page = models.PositiveSmallIntegerField("trang", null=True, blank=True)
    article = models.ForeignKey(
        "news.Article",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="bulletin_entries",
        verbose_name="tin bài trên trang",
        help_text="Bài đã đăng trên trang, nếu có: mục lục sẽ liên kết tới bài.",
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    objects = ContentQuerySet.as_manager()

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "mục trong mục lục"
        verbose_name_plural = "mục lục"

    def __str__(self):
        return f"{self.title} (tr. {self.page})" if self.page else self.title

    # The issue is found by the titles of its contents too.
    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        index_object(self.issue)

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        index_object(self.issue)
        return result

    @property
    def article_url(self):
        """The linked article's address while visitors may read it."""
        article = self.article
        if article is None or not article.is_published or article.is_expired:
            return ""
        return article.get_absolute_url()
