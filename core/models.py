"""The publishing base shared by everything visitors read (abstract: no tables)."""

from django.db import models
from django.utils import timezone


class Status(models.TextChoices):
    DRAFT = "draft", "Bản nháp"
    PUBLISHED = "published", "Đã đăng"


class PublishableQuerySet(models.QuerySet):
    def published(self, now=None):
        """Published and due by `now` (this moment unless given)."""
        now = timezone.now() if now is None else now
        return self.filter(status=Status.PUBLISHED, published_at__lte=now)


class Publishable(models.Model):
    """Status and publish time shared by everything visitors read.

    A future `published_at` schedules the row: `published()` compares it with
    the current time on every query, so no job has to flip a flag.
    """

    status = models.CharField(
        "trạng thái", max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(
        "thời điểm đăng",
        default=timezone.now,
        help_text="Đặt một thời điểm trong tương lai để hẹn giờ đăng.",
    )

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_published(self):
        return self.status == Status.PUBLISHED and self.published_at <= timezone.now()
