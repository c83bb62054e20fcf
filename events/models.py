from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from imagekit.models import ImageSpecField
from imagekit.processors import ResizeToFill, ResizeToFit

from core import sidebar
from core.addresses import reverse
from core.fields import RichTextField, UploadImageField
from core.models import (
    PreviewLink,
    Reviewable,
    ReviewableQuerySet,
    ReviewEvent,
    SluggedModel,
    Status,
)
from core.renditions import CoverRenditions
from core.text import html_to_text, unique_slug, weekday_date

# Addresses under /su-kien/ that are not events: an event never takes them.
RESERVED_SLUGS = frozenset({"lich", "da-dien-ra"})


class EventQuerySet(ReviewableQuerySet):
    def upcoming(self, now=None):
        """Published events not over yet, the soonest first (SẮP DIỄN RA)."""
        now = timezone.now() if now is None else now
        return self.published(now=now).filter(ends_at__gte=now).order_by("starts_at", "id")

    def past(self, now=None):
        """Published events that are over, the latest first (ĐÃ DIỄN RA)."""
        now = timezone.now() if now is None else now
        return self.published(now=now).filter(ends_at__lt=now).order_by("-starts_at", "-id")

    def between(self, start, end):
        """Events that take place, at least in part, in [start, end): an
        event spanning months shows in each of them."""
        return self.filter(starts_at__lt=end, ends_at__gte=start)

    def sidebar_upcoming(self, limit=5):
        """SỰ KIỆN SẮP DIỄN RA: the soonest published events not over yet."""

        def make(row):
            return Event(
                pk=row["ref"],
                title=row["title"],
                slug=row["key"],
                place=row["text"] or "",
                starts_at=row["day"],
            )

        soonest = (
            self.published(now=sidebar.NOW)
            .filter(ends_at__gte=sidebar.NOW)
            .order_by("starts_at", "id")
        )
        return sidebar.feed(
            "events", soonest, limit, make, title="title", text="place", day="starts_at", key="slug"
        )


class Event(CoverRenditions, Reviewable, SluggedModel):
    """An event (sự kiện): a hội thảo, a tập huấn, the đại hội…

    Its start and end are moments in time; an all-day event (cả ngày) keeps
    local midnight of its first and of its last day (Asia/Ho_Chi_Minh), so
    its dates read the same wherever they are shown.
    """

    title = models.CharField("tên sự kiện", max_length=255)
    slug = models.SlugField(
        "đường dẫn",
        max_length=200,
        unique=True,
        blank=True,
        help_text="Để trống để tạo từ tên sự kiện; không đổi khi sửa tên.",
    )
    starts_at = models.DateTimeField("bắt đầu")
    ends_at = models.DateTimeField(
        "kết thúc", help_text="Với sự kiện cả ngày, chỉ cần chọn ngày cuối cùng."
    )
    is_all_day = models.BooleanField(
        "cả ngày",
        default=False,
        help_text="Đánh dấu nếu sự kiện diễn ra cả ngày: giờ bắt đầu và kết thúc không được dùng.",
    )
    place = models.CharField("địa điểm", max_length=300, blank=True)
    map_url = models.URLField(
        "liên kết bản đồ",
        max_length=500,
        blank=True,
        help_text="Địa chỉ trên bản đồ (ví dụ Google Maps, OpenStreetMap), nếu có.",
    )
    organization = models.ForeignKey(
        "members.Organization",
        verbose_name="đơn vị tổ chức (tổ chức thành viên)",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
    )
    organiser_name = models.CharField(
        "đơn vị tổ chức (ghi tên)",
        max_length=300,
        blank=True,
        help_text="Khi đơn vị tổ chức không có trong danh sách tổ chức thành viên, "
        "hoặc có thêm đơn vị phối hợp.",
    )
    summary = models.TextField(
        "tóm tắt", blank=True, help_text="Một hai câu hiện dưới tên sự kiện và trong danh sách."
    )
    body = RichTextField("nội dung", blank=True)
    cover = UploadImageField(
        "ảnh đại diện",
        upload_to="su-kien/%Y/%m/",
        blank=True,
        width_field="cover_width",
        height_field="cover_height",
    )
    cover_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    cover_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    cover_caption = models.CharField("chú thích ảnh", max_length=300, blank=True)
    registration_url = models.URLField(
        "liên kết đăng ký",
        max_length=500,
        blank=True,
        help_text="Trang đăng ký tham dự, nếu có.",
    )
    registration_form = models.ForeignKey(
        "registrations.RegistrationForm",
        verbose_name="biểu mẫu đăng ký trực tuyến",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        help_text="Người tham dự đăng ký ngay trên cổng thông tin (mục Đăng ký trực tuyến). "
        "Để trống nếu dùng liên kết đăng ký bên ngoài hoặc không cần đăng ký.",
    )
    documents = models.ManyToManyField(
        "documents.Document",
        verbose_name="văn bản đính kèm",
        blank=True,
        related_name="events",
        help_text="Giấy mời, chương trình, thể lệ… đã đăng ở mục Văn bản.",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người sửa sau cùng",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    # Renditions made once per image by django-imagekit, as articles'.
    cover_card = ImageSpecField(
        source="cover",
        processors=[ResizeToFill(360, 240, upscale=False)],
        format="JPEG",
        options={"quality": 82},
    )
    cover_large = ImageSpecField(
        source="cover",
        processors=[ResizeToFit(1000, 750, upscale=False)],
        format="JPEG",
        options={"quality": 85},
    )

    # What a change to a live event may touch (core.review): its text and
    # links; its dates, organiser and files change only through an approver.
    review_fields = (
        "title",
        "summary",
        "body",
        "place",
        "map_url",
        "organiser_name",
        "registration_url",
        "cover_caption",
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "-id"]
        verbose_name = "sự kiện"
        verbose_name_plural = "sự kiện"
        # Editorial review (core.review): editors and approvers.
        permissions = [
            ("review_event", "Được biên tập sự kiện của mọi người và trả lại cho tác giả"),
            ("approve_event", "Được duyệt, đăng và gỡ sự kiện"),
        ]
        # upcoming(), past() and the calendar: published events by their end
        # and by their start.
        indexes = [
            models.Index(
                fields=["ends_at", "starts_at"],
                condition=Q(status=Status.PUBLISHED),
                name="event_published_end_idx",
            ),
            models.Index(
                fields=["starts_at"],
                condition=Q(status=Status.PUBLISHED),
                name="event_published_start_idx",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.is_all_day:
            self.starts_at, self.ends_at = self.day_bounds()
        if not self.slug:
            self.slug = unique_slug(self, self.slug_source(), max_length=self.slug_max_length)
            if self.slug in RESERVED_SLUGS:
                self.slug = unique_slug(self, f"su kien {self.slug}")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("events:detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at:
            start, end = self.day_bounds() if self.is_all_day else (self.starts_at, self.ends_at)
            if end < start:
                raise ValidationError(
                    {
                        "ends_at": "Thời điểm kết thúc phải sau thời điểm bắt đầu "
                        "(hoặc cùng ngày với sự kiện cả ngày)."
                    }
                )

    def slug_source(self):
        return self.title

    def get_ical_url(self):
        return reverse("events:ical", kwargs={"slug": self.slug})

    def day_bounds(self):
        """Local midnight of the first and of the last day (an all-day event)."""
        zone = timezone.get_current_timezone()
        return tuple(
            datetime.combine(timezone.localtime(moment).date(), time(), tzinfo=zone)
            for moment in (self.starts_at, self.ends_at)
        )

    @property
    def start_date(self):
        return timezone.localtime(self.starts_at).date()

    @property
    def end_date(self):
        return timezone.localtime(self.ends_at).date()

    @property
    def is_over(self):
        return self.ends_at < timezone.now()

    @property
    def organiser(self):
        """Who organises it, as the page writes it."""
        names = [self.organization.name] if self.organization_id else []
        if self.organiser_name:
            names.append(self.organiser_name)
        return "; ".join(names)

    @property
    def when_in_words(self):
        """ "Thứ Ba, 14/07/2026, 08:00 – 11:30", "Thứ Ba, 14/07/2026 – Thứ
        Năm, 16/07/2026 (cả ngày)", "08:00 Thứ Ba, 14/07/2026 – 17:00 Thứ Tư,
        15/07/2026", in the site's time zone."""
        start, end = timezone.localtime(self.starts_at), timezone.localtime(self.ends_at)
        if self.is_all_day:
            if start.date() == end.date():
                return f"{weekday_date(start)} (cả ngày)"
            return f"{weekday_date(start)} – {weekday_date(end)} (cả ngày)"
        if start.date() == end.date():
            if start == end:
                return f"{weekday_date(start)}, {start:%H:%M}"
            return f"{weekday_date(start)}, {start:%H:%M} – {end:%H:%M}"
        return f"{start:%H:%M} {weekday_date(start)} – {end:%H:%M} {weekday_date(end)}"

    def days(self):
        """Every local date the event takes place on."""
        day, last = self.start_date, self.end_date
        while day <= last:
            yield day
            day += timedelta(days=1)

    def search_document(self):
        return {
            "title": self.title,
            "body": " ".join(
                [
                    self.when_in_words,
                    self.place,
                    self.organiser_name,
                    self.summary,
                    html_to_text(self.body),
                ]
            ),
            "url": self.get_absolute_url(),
            "date": self.starts_at,
            "is_public": self.status == Status.PUBLISHED,
            "published_at": self.published_at,
            "expires_at": self.expires_at,
        }


class EventReview(ReviewEvent):
    """A step of an event's review (core.review)."""

    event = models.ForeignKey(
        Event, verbose_name="sự kiện", on_delete=models.CASCADE, related_name="review_events"
    )

    class Meta(ReviewEvent.Meta):
        verbose_name = "bước duyệt sự kiện"
        verbose_name_plural = "các bước duyệt sự kiện"


class EventPreviewLink(PreviewLink):
    """A link to an event's pending version for someone without an account."""

    target = models.ForeignKey(
        Event, verbose_name="sự kiện", on_delete=models.CASCADE, related_name="preview_links"
    )

    class Meta(PreviewLink.Meta):
        verbose_name = "liên kết xem trước sự kiện"
        verbose_name_plural = "liên kết xem trước sự kiện"
