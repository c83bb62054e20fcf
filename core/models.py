"""The abstract bases content models share (no tables): publishing, slugs,
visibility; and the one table of the base app, the public forms' per-address
counters (AddressCount, used by core.spam)."""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from .text import unique_slug


class Status(models.TextChoices):
    DRAFT = "draft", "Bản nháp"
    PUBLISHED = "published", "Đã đăng"


class ContentQuerySet(models.QuerySet):
    """The rows of a model visitors see: update() (and bulk_update(), which
    calls it) makes the change show, as a save does, though neither sends a
    model signal. It bumps the content version (core.cache) and tells who
    listens which rows changed (core.signals.rows_changed: the search index).

    Fields listed in the model's `counter_fields` (a view count, the email
    outcome of a question) are not content: updating only those changes
    nothing visitors would miss for a minute.
    """

    def update(self, **kwargs):
        from . import cache, signals

        if set(kwargs) <= set(getattr(self.model, "counter_fields", ())):
            return super().update(**kwargs)
        listening = signals.rows_changed.has_listeners(self.model)
        # Read first: after the update, the rows may no longer match the filter.
        pks = list(self.values_list("pk", flat=True)) if listening else []
        rows = super().update(**kwargs)
        if rows:
            cache.bump_content_version()
            if pks:
                signals.rows_changed.send(sender=self.model, pks=pks)
        return rows

    update.alters_data = True
    update.queryset_only = True


class PublishableQuerySet(ContentQuerySet):
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


class SluggedModel(models.Model):
    """A `slug` field filled once, on the first save that finds it empty, from
    `slug_source()`; editing the title later never changes the address.

    The model declares its own `slug` field (its label, help text and length
    differ from one model to another); `slug_max_length` must not exceed it.
    """

    slug_max_length = 200

    objects = ContentQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.slug_source(), max_length=self.slug_max_length)
        super().save(*args, **kwargs)

    def slug_source(self):
        """The text the slug is made from, such as the title."""
        raise NotImplementedError


class VisibleModel(models.Model):
    """A model whose rows visitors may not see, such as a question before it is
    answered and published.

    Saving or deleting such a row changes what pages show only if visitors
    see it now or saw it before the change (`may_show`): a new question
    waiting for its answer leaves every cached page as it is.
    """

    class Meta:
        abstract = True

    def is_visible_to_visitors(self):
        raise NotImplementedError

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # A row loaded with deferred fields is not judged (that would query).
        if not instance.get_deferred_fields():
            instance._was_visible = instance.is_visible_to_visitors()
        return instance

    def may_show(self, created=False):
        """Whether visitors see this row now, or saw it before this change;
        a row built without being loaded (a revert) counts as seen."""
        if self.is_visible_to_visitors():
            return True
        return not created and getattr(self, "_was_visible", True)

    def remember_visibility(self):
        self._was_visible = self.is_visible_to_visitors()


class ReviewStatus(models.TextChoices):
    """The states of an item that goes through editorial review (duyệt bài).

    "draft" and "published" keep the values of `Status`, so `published()`
    and the partial indexes on `status = 'published'` serve both.
    """

    DRAFT = "draft", "Nháp"
    PENDING = "pending", "Chờ duyệt"
    PUBLISHED = "published", "Đã duyệt"
    RETURNED = "returned", "Trả lại"
    UNPUBLISHED = "unpublished", "Gỡ xuống"


class ReviewableQuerySet(PublishableQuerySet):
    def published(self, now=None):
        """Published, due by `now` and not past its end date ("hiển thị
        đến"): what every list, block, feed, sitemap and the home page show.
        Compared with `now` on every query, as the publish time is, so no job
        has to take an item down; `now` may be the database's clock
        (core.sidebar.NOW)."""
        now = timezone.now() if now is None else now
        return super().published(now=now).filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))

    def reachable(self, now=None):
        """Published and due, past its end date or not: the item's own
        address still answers (an expired notice says that it expired)."""
        return super().published(now=now)


class Reviewable(Publishable):
    """Publishable, through review: the state changes only by a transition of
    core.review, never by a form field; each transition is recorded in the
    model's `review_events` (a concrete ReviewEvent with that related name),
    and its links for people without an account in `preview_links` (a
    concrete PreviewLink).
    """

    status = models.CharField(
        "trạng thái",
        max_length=12,
        choices=ReviewStatus.choices,
        default=ReviewStatus.DRAFT,
    )
    # A change to a live item waiting for approval: {field name: value} of
    # `review_fields`; the live row keeps its text until it is approved.
    pending_change = models.JSONField("thay đổi chờ duyệt", null=True, blank=True, editable=False)
    pending_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người sửa chờ duyệt",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    # Whose item it is (a contributor sees and edits only their own), and when.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người tạo",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)
    # When it, or the change to it, was last sent for review: the age the
    # admin's queue shows (core.review sets it).
    submitted_at = models.DateTimeField("gửi duyệt lúc", null=True, blank=True, editable=False)
    expires_at = models.DateTimeField(
        "hiển thị đến",
        null=True,
        blank=True,
        help_text=(
            "Để trống nếu không có hạn. Sau thời điểm này bài không còn trong các danh sách, "
            "khối tin, RSS, sơ đồ trang và kết quả tìm kiếm; địa chỉ của bài vẫn mở được "
            "và ghi rõ là đã hết hạn."
        ),
    )

    objects = ReviewableQuerySet.as_manager()

    # The text fields a change to a live item may touch (the model's own).
    review_fields = ("title", "summary", "body")

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.expires_at and self.published_at and self.expires_at <= self.published_at:
            raise ValidationError(
                {"expires_at": "Thời điểm hết hạn hiển thị phải sau thời điểm đăng."}
            )

    @property
    def is_expired(self):
        """Past its end date: out of every list, its own page still answers."""
        return self.expires_at is not None and self.expires_at <= timezone.now()

    @property
    def state_in_words(self):
        """What will happen, as the form says it: "Nháp: …", "Hẹn giờ đăng
        lúc 10:30 ngày 03/12/2026.", "Đã đăng lúc 09:00 ngày 01/12/2026."."""
        if self.status != ReviewStatus.PUBLISHED:
            return f"{self.get_status_display()}: khách truy cập chưa xem được."
        if self.published_at > timezone.now():
            return f"Hẹn giờ đăng lúc {moment_in_words(self.published_at)}."
        if self.is_expired:
            return f"Đã hết hạn hiển thị lúc {moment_in_words(self.expires_at)}."
        return f"Đã đăng lúc {moment_in_words(self.published_at)}."


def moment_in_words(value):
    """ "10:30 ngày 03/12/2026", in the site's time zone."""
    moment = timezone.localtime(value)
    return f"{moment:%H:%M} ngày {moment:%d/%m/%Y}"


class ReviewEvent(models.Model):
    """One transition of a reviewed item: who, when, from, to, why."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người thực hiện",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    at = models.DateTimeField("lúc", default=timezone.now)
    from_status = models.CharField("từ trạng thái", max_length=12, choices=ReviewStatus.choices)
    to_status = models.CharField("sang trạng thái", max_length=12, choices=ReviewStatus.choices)
    action = models.CharField("thao tác", max_length=100, blank=True)
    comment = models.TextField("nhận xét", blank=True)

    class Meta:
        abstract = True
        ordering = ["-at", "-id"]
        verbose_name = "bước duyệt"
        verbose_name_plural = "các bước duyệt"

    def __str__(self):
        moved = f"{self.get_from_status_display()} → {self.get_to_status_display()}"
        return f"{self.action} ({moved})" if self.action else moved


class PreviewLink(models.Model):
    """A link to a reviewed item's pending version for someone without an
    account (the association's leader, on a phone): signed, expiring,
    revocable. Each reviewed model has a concrete one with a `target`
    ForeignKey whose related name is `preview_links`; the public view is
    core.views.shared_preview."""

    # The signing salt: a token of this kind is no use anywhere else.
    SALT = "core.preview-link"

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người tạo",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField("tạo lúc", default=timezone.now)
    expires_at = models.DateTimeField("hết hạn lúc")
    revoked_at = models.DateTimeField("thu hồi lúc", null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người thu hồi",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        abstract = True
        ordering = ["-created_at", "-id"]
        verbose_name = "liên kết xem trước"
        verbose_name_plural = "liên kết xem trước"

    def __str__(self):
        return f"Liên kết xem trước “{self.target}” ({self.state})"

    def save(self, *args, **kwargs):
        if self.expires_at is None:
            days = settings.PREVIEW_LINK_DAYS
            self.expires_at = self.created_at + timedelta(days=days)
        super().save(*args, **kwargs)

    @property
    def token(self):
        """The signed name of this row: which model, which link. Nothing
        else is in it; whether it still works is read from the row."""
        return signing.dumps([self._meta.label_lower, self.pk], salt=self.SALT, compress=True)

    @classmethod
    def read_token(cls, token):
        """(model label, link pk) of a token signed by `token`; BadSignature
        when it was not made here or was changed."""
        value = signing.loads(token, salt=cls.SALT)
        if not (
            isinstance(value, list)
            and len(value) == 2
            and isinstance(value[0], str)
            and isinstance(value[1], int)
        ):
            raise signing.BadSignature("Not a preview link")
        return tuple(value)

    @classmethod
    def from_token(cls, token):
        """The link a token names, its item loaded; None for a token not
        signed here, changed, or whose row is gone (its item deleted)."""
        from django.apps import apps

        try:
            label, pk = cls.read_token(token)
            link_model = apps.get_model(label)
        except (signing.BadSignature, LookupError, ValueError):
            return None
        if not issubclass(link_model, cls):
            return None
        return link_model.objects.select_related("target").filter(pk=pk).first()

    @property
    def is_expired(self):
        return self.expires_at <= timezone.now()

    @property
    def is_active(self):
        return self.revoked_at is None and not self.is_expired

    @property
    def state(self):
        if self.revoked_at is not None:
            return "đã thu hồi"
        if self.is_expired:
            return "đã hết hạn"
        return "còn hiệu lực"


class AddressCount(models.Model):
    """How often one address (a keyed hash of it) did something in one hour.

    Counted in the database rather than the cache: a cache's incr is atomic
    on Redis but not on the file or database caches, so concurrent posts
    could pass the limit there (core.spam.HourlyCounter). The key starts
    with what was counted ("ask", "register", "erase"…), so every public
    form shares the table. Core is no content app: saving a row bumps no
    cache version, so a bot guessing tracking codes empties no cache.
    """

    key = models.CharField("khoá", max_length=64)
    hour = models.DateTimeField("giờ")
    count = models.PositiveIntegerField("số lần", default=0)

    class Meta:
        verbose_name = "lượt gửi theo địa chỉ"
        verbose_name_plural = "lượt gửi theo địa chỉ"
        constraints = [
            models.UniqueConstraint(fields=["key", "hour"], name="core_address_count_unique")
        ]

    def __str__(self):
        return f"{self.key} {self.hour:%d/%m/%Y %H}h: {self.count}"
