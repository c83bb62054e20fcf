"""Contests and awards (cuộc thi, giải thưởng): one Programme per round, with
its rules (thể lệ), timeline, downloadable forms (phiếu đăng ký) and
results, and optionally an online registration form (registrations)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags

from core.addresses import reverse
from core.fields import DocumentFileField, RichTextField
from core.models import ContentQuerySet, Publishable, PublishableQuerySet, SluggedModel, Status
from core.text import html_to_text, visible_name
from core.validators import CONTENT_TYPES, FileKind, sniff_kind, validate_document_file
from registrations.models import RegistrationForm


class ProgrammeKind(models.TextChoices):
    CONTEST = "contest", "Hội thi"
    AWARD = "award", "Giải thưởng"


class ProgrammeQuerySet(PublishableQuerySet):
    pass


class Programme(Publishable, SluggedModel):
    """One round of a contest or an award (Hội thi Sáng tạo Kỹ thuật lần thứ X)."""

    title = models.CharField("tên cuộc thi, giải thưởng", max_length=255)
    slug = models.SlugField(
        "đường dẫn",
        max_length=200,
        unique=True,
        blank=True,
        help_text="Để trống để tạo từ tên; không đổi khi sửa tên.",
    )
    kind = models.CharField(
        "loại", max_length=10, choices=ProgrammeKind.choices, default=ProgrammeKind.CONTEST
    )
    round_label = models.CharField(
        "lần tổ chức", max_length=100, blank=True, help_text="Ví dụ “Lần thứ 12 (2025–2026)”."
    )
    year = models.PositiveSmallIntegerField("năm")
    summary = models.TextField("tóm tắt", help_text="Một đoạn ngắn, hiện trong danh sách.")
    rules = RichTextField("thể lệ", blank=True)
    opens_on = models.DateField("ngày phát động", null=True, blank=True)
    deadline_on = models.DateField("hạn nộp hồ sơ", null=True, blank=True)
    judging_on = models.DateField("ngày chấm giải", null=True, blank=True)
    ceremony_on = models.DateField("ngày trao giải", null=True, blank=True)
    registration_form = models.ForeignKey(
        RegistrationForm,
        verbose_name="biểu mẫu đăng ký trực tuyến",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="programmes",
        help_text="Để trống nếu chỉ nhận hồ sơ giấy.",
    )
    results = RichTextField("kết quả", blank=True)
    is_results_published = models.BooleanField(
        "công bố kết quả",
        default=False,
        help_text="Kết quả cũng tự hiện sau ngày trao giải, nếu đã nhập.",
    )
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "-opens_on", "-pk"]
        verbose_name = "cuộc thi, giải thưởng"
        verbose_name_plural = "cuộc thi, giải thưởng"
        indexes = [
            models.Index(fields=["status", "-year", "published_at"], name="programme_published_idx")
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("contests:detail", kwargs={"slug": self.slug})

    def slug_source(self):
        return self.title

    def clean(self):
        dates = [
            ("opens_on", self.opens_on),
            ("deadline_on", self.deadline_on),
            ("judging_on", self.judging_on),
            ("ceremony_on", self.ceremony_on),
        ]
        given = [(name, day) for name, day in dates if day]
        for (_, before), (name, after) in zip(given, given[1:], strict=False):
            if after < before:
                raise ValidationError(
                    {
                        name: "Các mốc thời gian phải theo thứ tự: phát động, hạn nộp hồ sơ, "
                        "chấm giải, trao giải."
                    }
                )

    def search_document(self):
        return {
            "title": self.title,
            "body": f"{self.summary} {html_to_text(self.rules)}",
            "url": self.get_absolute_url(),
            "date": self.published_at,
            "is_public": self.status == Status.PUBLISHED,
            "published_at": self.published_at,
        }

    @property
    def has_results(self):
        """Results shown to visitors: published, or the ceremony is past."""
        if not strip_tags(self.results or "").strip():
            return False
        if self.is_results_published:
            return True
        return self.ceremony_on is not None and self.ceremony_on <= timezone.localdate()

    def timeline(self):
        """(label, date, is past) of each date given, in order."""
        today = timezone.localdate()
        steps = [
            ("Phát động", self.opens_on),
            ("Hạn nộp hồ sơ", self.deadline_on),
            ("Chấm giải", self.judging_on),
            ("Trao giải", self.ceremony_on),
        ]
        return [(label, day, day < today) for label, day in steps if isinstance(day, datetime.date)]


def programme_upload_to(instance, filename):
    return f"cuoc-thi/{timezone.now():%Y/%m}/{filename}"


class ProgrammeFileQuerySet(ContentQuerySet):
    def published(self, now=None):
        """Files of published programmes: the only ones visitors may fetch."""
        return self.filter(programme__in=Programme.objects.published(now=now))


class ProgrammeFile(models.Model):
    """A downloadable form or the rules as a file (phiếu đăng ký, thể lệ)."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="files", verbose_name="cuộc thi"
    )
    title = models.CharField("tên tệp", max_length=255, help_text="Ví dụ “Phiếu đăng ký dự thi”.")
    file = DocumentFileField(
        "tệp",
        upload_to=programme_upload_to,
        max_length=255,
        validators=[validate_document_file],
        help_text="PDF, DOC, DOCX, XLS, XLSX hoặc ODT.",
    )
    original_name = models.CharField("tên tệp gốc", max_length=255, editable=False)
    kind = models.CharField(
        "định dạng", max_length=10, choices=FileKind.choices, editable=False, default=""
    )
    size = models.PositiveBigIntegerField("dung lượng", default=0, editable=False)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    objects = ProgrammeFileQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "tệp tải về"
        verbose_name_plural = "tệp tải về"

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.file and not getattr(self.file, "_committed", True):
            upload = self.file.file
            self.original_name = visible_name(getattr(upload, "name", "")).rsplit("/", 1)[-1][:255]
            self.size = upload.size
            self.kind = sniff_kind(upload) or ""
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(
            "contests:download", kwargs={"slug": self.programme.slug, "file_id": self.pk}
        )

    @property
    def download_name(self):
        """The sender's name, with the extension of what the file is."""
        base = (self.original_name or self.title).rsplit(".", 1)[0] or "tep"
        return f"{base}.{self.kind}" if self.kind else base

    @property
    def content_type(self):
        return CONTENT_TYPES.get(self.kind, "application/octet-stream")
