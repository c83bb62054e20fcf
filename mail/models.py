from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone


class EmailStatus(models.TextChoices):
    PENDING = "pending", "Chờ gửi"
    SENDING = "sending", "Đang gửi"
    SENT = "sent", "Đã gửi"
    FAILED = "failed", "Lỗi"


# A row left "sending" this long belongs to a worker that died mid-send.
STALE_SENDING = timedelta(minutes=15)


class EmailQuerySet(models.QuerySet):
    def about(self, instance):
        """The emails about `instance`, whatever their state."""
        from django.contrib.contenttypes.models import ContentType

        return self.filter(
            about_type=ContentType.objects.get_for_model(instance), about_id=str(instance.pk)
        )

    def due(self, now=None):
        """Rows a worker should (still) try: waiting and due, or abandoned
        while sending."""
        now = now or timezone.now()
        return self.filter(
            models.Q(status=EmailStatus.PENDING, next_attempt_at__lte=now)
            | models.Q(status=EmailStatus.SENDING, claimed_at__lte=now - STALE_SENDING)
        )


class Email(models.Model):
    """One email of the site (thư đi), written in the same transaction as
    the data it is about and delivered by the worker (mail.tasks)."""

    subject = models.CharField("tiêu đề", max_length=255)
    body = models.TextField("nội dung")
    recipients = models.TextField("người nhận", help_text="Mỗi dòng một địa chỉ.")
    from_email = models.CharField(
        "người gửi", max_length=255, blank=True, help_text="Để trống: địa chỉ gửi mặc định."
    )
    status = models.CharField(
        "trạng thái", max_length=10, choices=EmailStatus.choices, default=EmailStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField("số lần đã thử", default=0)
    last_error = models.TextField("lỗi lần gửi sau cùng", blank=True)
    kind = models.CharField(
        "loại thư",
        max_length=50,
        blank=True,
        help_text="Thư này dùng vào việc gì, do ứng dụng gửi đặt (ví dụ qa.asker).",
    )
    about_type = models.ForeignKey(
        ContentType,
        verbose_name="về loại nội dung",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    about_id = models.CharField("về mục số", max_length=64, blank=True)
    about = GenericForeignKey("about_type", "about_id")
    about_label = models.CharField("về", max_length=255, blank=True)
    created_at = models.DateTimeField("tạo lúc", default=timezone.now)
    next_attempt_at = models.DateTimeField("thử gửi lúc", default=timezone.now)
    claimed_at = models.DateTimeField("bắt đầu gửi lúc", null=True, blank=True)
    sent_at = models.DateTimeField("đã gửi lúc", null=True, blank=True)

    objects = EmailQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "thư đi"
        verbose_name_plural = "thư đi"
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="mail_email_due_idx"),
            models.Index(fields=["about_type", "about_id"], name="mail_email_about_idx"),
        ]

    def __str__(self):
        return self.subject

    @property
    def recipient_list(self):
        return [line.strip() for line in self.recipients.splitlines() if line.strip()]

    def retry_delay(self):
        """The wait before the next attempt, after `attempts` failed ones:
        MAIL_RETRY_MINUTES in turn, the last repeating."""
        minutes = settings.MAIL_RETRY_MINUTES or [5]
        return timedelta(minutes=minutes[min(self.attempts, len(minutes)) - 1])
