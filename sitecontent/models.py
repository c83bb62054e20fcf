"""The site's own content: the association's profile, the THÔNG TIN CHÍNH
pages, the LIÊN KẾT links and the QUẢNG CÁO banners."""

from django.db import models
from django.db.models import Q
from django.utils import timezone

from core import cache as site_cache
from core import sidebar
from core.addresses import reverse
from core.fields import RichTextField, UploadImageField
from core.models import (
    ContentQuerySet,
    PreviewLink,
    Reviewable,
    ReviewableQuerySet,
    ReviewEvent,
    SluggedModel,
    Status,
)
from core.text import html_to_text

from .privacy import PRIVACY_NOTICE_SLUG


class PageQuerySet(ReviewableQuerySet):
    def sidebar_menu(self, limit=50):
        """THÔNG TIN CHÍNH: the published pages shown in the menu, in order."""

        def make(row):
            return Page(pk=row["ref"], title=row["title"], slug=row["key"])

        menu = self.published(now=sidebar.NOW).filter(is_in_menu=True)
        return sidebar.feed("pages", menu, limit, make, title="title", key="slug", position="order")

    def privacy_notice_version(self):
        """The version of the privacy notice a form shows now (what its
        consent record keeps), "" when the notice is not published."""
        notice = self.published().filter(slug=PRIVACY_NOTICE_SLUG).only("updated_at").first()
        return notice.notice_version if notice else ""


class SiteProfile(models.Model):
    """The association's own details: one row, edited in the admin."""

    name = models.CharField(
        "tên đơn vị",
        max_length=255,
        default="Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh",
    )
    short_name = models.CharField("tên viết tắt", max_length=100, blank=True)
    parent_body = models.CharField("cơ quan chủ quản", max_length=255, blank=True)
    logo = UploadImageField("biểu trưng (logo)", upload_to="site/", blank=True)
    welcome_message = models.CharField(
        "dòng chữ chào mừng",
        max_length=500,
        blank=True,
        help_text="Dòng chữ chạy ở đầu trang.",
    )
    address = models.CharField("địa chỉ", max_length=255, blank=True)
    phone = models.CharField("điện thoại", max_length=100, blank=True)
    fax = models.CharField("fax", max_length=100, blank=True)
    email = models.EmailField("thư điện tử", blank=True)
    responsible_person = models.CharField(
        "người chịu trách nhiệm nội dung", max_length=255, blank=True
    )
    licence = models.CharField(
        "giấy phép",
        max_length=255,
        blank=True,
        help_text="Dòng giấy phép ở chân trang, ví dụ số giấy phép thiết lập trang.",
    )
    staff_emails = models.TextField(
        "email cán bộ nhận thông báo",
        blank=True,
        help_text="Mỗi dòng một địa chỉ; nhận thông báo khi có câu hỏi mới.",
    )
    visit_base = models.PositiveBigIntegerField(
        "lượt truy cập chuyển từ trang cũ",
        default=0,
        help_text="Được cộng vào tổng số lượt truy cập.",
    )
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)

    objects = ContentQuerySet.as_manager()

    class Meta:
        db_table = "lhh_siteprofile"
        verbose_name = "thông tin đơn vị"
        verbose_name_plural = "thông tin đơn vị"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # Saving it bumps the content version, as any content does (its app
        # is a core.apps.ContentAppConfig): every page shows the new header.
        self.pk = 1
        super().save(*args, **kwargs)

    @classmethod
    def load(cls):
        """The profile, kept in this worker until the content changes: every
        page reads it, for its header and footer and the visit counter."""
        return site_cache.cached(
            "site-profile",
            lambda: cls.objects.filter(pk=1).first() or cls(pk=1),
            timeout=300,
            alias="local",
        )

    @property
    def staff_email_list(self):
        return [line.strip() for line in self.staff_emails.splitlines() if line.strip()]


class Page(SluggedModel, Reviewable):
    """A static page under /gioi-thieu/ (THÔNG TIN CHÍNH)."""

    title = models.CharField("tiêu đề", max_length=255)
    slug = models.SlugField(
        "đường dẫn",
        max_length=200,
        unique=True,
        blank=True,
        help_text="Để trống để tạo từ tiêu đề; không đổi khi sửa tiêu đề.",
    )
    summary = models.TextField("tóm tắt", blank=True)
    body = RichTextField("nội dung", blank=True)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    is_in_menu = models.BooleanField("hiện trong THÔNG TIN CHÍNH", default=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        db_table = "lhh_page"
        ordering = ["order", "title"]
        verbose_name = "trang thông tin"
        verbose_name_plural = "trang thông tin"
        # Editorial review (core.review): editors and approvers.
        permissions = [
            ("review_page", "Được biên tập trang thông tin của mọi người và trả lại cho tác giả"),
            ("approve_page", "Được duyệt, đăng và gỡ trang thông tin"),
        ]
        indexes = [models.Index(fields=["status", "published_at"], name="page_published_idx")]

    def __str__(self):
        return self.title

    def slug_source(self):
        return self.title

    def get_absolute_url(self):
        return reverse("sitecontent:page", kwargs={"slug": self.slug})

    @property
    def notice_version(self):
        """This text's version, as a consent record cites it: the time it was
        last saved, which names one revision in its history (django-reversion)."""
        return timezone.localtime(self.updated_at).isoformat(timespec="seconds")

    def search_document(self):
        return {
            "title": self.title,
            "body": f"{self.summary}\n{html_to_text(self.body)}",
            "url": self.get_absolute_url(),
            "date": self.published_at,
            "is_public": self.status == Status.PUBLISHED,
            "published_at": self.published_at,
            "expires_at": self.expires_at,
        }


class PageReview(ReviewEvent):
    """A step of a page's review (core.review)."""

    page = models.ForeignKey(
        Page, verbose_name="trang thông tin", on_delete=models.CASCADE, related_name="review_events"
    )

    class Meta(ReviewEvent.Meta):
        verbose_name = "bước duyệt trang"
        verbose_name_plural = "các bước duyệt trang"


class PagePreviewLink(PreviewLink):
    """A link to a page's pending version for someone without an account."""

    target = models.ForeignKey(
        Page,
        verbose_name="trang thông tin",
        on_delete=models.CASCADE,
        related_name="preview_links",
    )

    class Meta(PreviewLink.Meta):
        verbose_name = "liên kết xem trước trang"
        verbose_name_plural = "liên kết xem trước trang"


class LinkQuerySet(ContentQuerySet):
    def active(self):
        return self.filter(is_active=True)

    def sidebar_links(self, limit=50):
        """LIÊN KẾT."""

        def make(row):
            return Link(pk=row["ref"], title=row["title"], url=row["url"])

        return sidebar.feed(
            "links", self.active(), limit, make, title="title", url="url", position="order"
        )


class Link(models.Model):
    """A LIÊN KẾT entry: another body's website."""

    title = models.CharField("tên", max_length=255)
    url = models.URLField("địa chỉ", max_length=500)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    is_active = models.BooleanField("hiển thị", default=True)

    objects = LinkQuerySet.as_manager()

    class Meta:
        db_table = "lhh_link"
        ordering = ["order", "title"]
        verbose_name = "liên kết"
        verbose_name_plural = "liên kết"

    def __str__(self):
        return self.title


class BannerQuerySet(ContentQuerySet):
    def current(self, today=None):
        """Active banners within their dates on `today` (today unless given)."""
        today = timezone.localdate() if today is None else today
        return self.filter(
            Q(shown_from__isnull=True) | Q(shown_from__lte=today),
            Q(shown_until__isnull=True) | Q(shown_until__gte=today),
            is_active=True,
        )

    def sidebar_banners(self, limit=20):
        """QUẢNG CÁO: the banners shown today."""

        def make(row):
            banner = Banner(
                pk=row["ref"],
                title=row["title"],
                url=row["url"] or "",
                image_width=row["width"],
                image_height=row["height"],
            )
            # Straight into __dict__: through __init__ or the field's
            # descriptor, Django opens the file to measure it when the stored
            # size is missing, and fails if the file is gone.
            banner.__dict__["image"] = row["image"]
            return banner

        return sidebar.feed(
            "banners", self.current(today=sidebar.TODAY), limit, make,
            title="title", url="url", image="image", width="image_width",
            height="image_height", position="order",
        )  # fmt: skip


class Banner(models.Model):
    """A QUẢNG CÁO image, shown between two optional dates."""

    title = models.CharField("tên", max_length=255, help_text="Dùng làm chữ thay thế ảnh.")
    image = UploadImageField(
        "ảnh",
        upload_to="banners/",
        width_field="image_width",
        height_field="image_height",
    )
    image_width = models.PositiveIntegerField(null=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, editable=False)
    url = models.URLField("liên kết tới", max_length=500, blank=True)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    is_active = models.BooleanField("hiển thị", default=True)
    shown_from = models.DateField("hiện từ ngày", null=True, blank=True)
    shown_until = models.DateField("hiện đến ngày", null=True, blank=True)

    objects = BannerQuerySet.as_manager()

    class Meta:
        db_table = "lhh_banner"
        ordering = ["order", "title"]
        verbose_name = "quảng cáo"
        verbose_name_plural = "quảng cáo"

    def __str__(self):
        return self.title
