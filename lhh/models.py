from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.db import models
from django.db.models import Q
from django.utils import timezone

from core.fields import WordsField


class SearchKind(models.TextChoices):
    # Values are the `loai` of /tim-kiem/?loai=…
    ARTICLE = "tin-tuc", "Tin tức"
    PAGE = "trang", "Trang thông tin"
    DOCUMENT = "van-ban", "Văn bản"
    QUESTION = "hoi-dap", "Hỏi đáp"
    ORGANIZATION = "to-chuc", "Tổ chức thành viên"
    ALBUM = "album", "Album ảnh"


class SearchEntryQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(
            Q(published_at__isnull=True) | Q(published_at__lte=timezone.now()), is_public=True
        )


class SearchEntry(models.Model):
    """One searchable object's normalised text, kept by lhh.search on save."""

    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    kind = models.CharField("loại", max_length=20, choices=SearchKind.choices)
    title = models.CharField("tiêu đề", max_length=500)
    body = models.TextField("nội dung", blank=True)
    url = models.CharField("đường dẫn", max_length=500)
    date = models.DateTimeField("ngày")
    is_public = models.BooleanField("công khai", default=True)
    published_at = models.DateTimeField("thời điểm đăng", null=True, blank=True)
    title_exact = WordsField(editable=False)
    title_folded = WordsField(editable=False)
    exact = WordsField(editable=False)
    folded = WordsField(editable=False)

    objects = SearchEntryQuerySet.as_manager()

    class Meta:
        verbose_name = "mục tìm kiếm"
        verbose_name_plural = "chỉ mục tìm kiếm"
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="search_entry_unique_object"
            )
        ]
        indexes = [
            models.Index(fields=["kind", "date"], name="search_entry_kind_date_idx"),
            # Search's candidates: the newest matches, walked in date order.
            models.Index(fields=["-date", "-id"], name="search_entry_newest_idx"),
        ]

    def __str__(self):
        return self.title


# django-axes names its records in English in code ("Attempted Access: …",
# "Access Log for … @ …"), which no catalogue translates and which the admin
# shows in its breadcrumbs, titles and checkbox labels. These proxies of its
# models (same tables) give the admin Vietnamese names for them.


def _moment(value):
    return timezone.localtime(value).strftime("%H:%M:%S %d/%m/%Y") if value else "—"


class LoginAttempt(AccessAttempt):
    class Meta:
        proxy = True
        verbose_name = "lần thử đăng nhập"
        verbose_name_plural = "lần thử đăng nhập"

    def __str__(self):
        return f"Lần thử đăng nhập của {self.username} lúc {_moment(self.attempt_time)}"


class LoginFailure(AccessFailureLog):
    class Meta:
        proxy = True
        verbose_name = "lần đăng nhập sai"
        verbose_name_plural = "lần đăng nhập sai"

    def __str__(self):
        locked = " (bị khóa)" if self.locked_out else ""
        return (
            f"Đăng nhập sai của {self.username}{locked} lúc {_moment(self.attempt_time)}"
            f" từ {self.ip_address}"
        )


class LoginLog(AccessLog):
    class Meta:
        proxy = True
        verbose_name = "nhật ký đăng nhập"
        verbose_name_plural = "nhật ký đăng nhập"

    def __str__(self):
        return f"Đăng nhập của {self.username} lúc {_moment(self.attempt_time)}"
