"""The site's own content: the association's profile, the THÔNG TIN CHÍNH
pages, the LIÊN KẾT links, the QUẢNG CÁO banners, and the leaders and
contact officials (NĐ 42/2022 Điều 4).

The English section (/en/, NĐ 42/2022 Điều 7) is English text kept beside
the Vietnamese on the same rows: the profile's name and address, each
page's title, summary and body (`…_en` fields)."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from imagekit.models import ImageSpecField
from pilkit.processors import ResizeToFill

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
from core.text import html_to_text, tel_href, unique_slug

from .privacy import PRIVACY_NOTICE_SLUG


class PageQuerySet(ReviewableQuerySet):
    def sidebar_menu(self, limit=50):
        """THÔNG TIN CHÍNH: the published pages shown in the menu, in order."""

        def make(row):
            return Page(pk=row["ref"], title=row["title"], slug=row["key"])

        menu = self.published(now=sidebar.NOW).filter(is_in_menu=True)
        return sidebar.feed("pages", menu, limit, make, title="title", key="slug", position="order")

    def english_menu(self):
        """The English section's pages: published, in the menu, translated."""
        return (
            self.published()
            .filter(is_in_menu=True)
            .exclude(title_en="")
            .only("title", "slug", "title_en", "slug_en", "summary_en", "order")
        )

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
    name_en = models.CharField(
        "tên đơn vị bằng tiếng Anh",
        max_length=255,
        blank=True,
        help_text="Ở đầu và chân các trang tiếng Anh (/en/); để trống thì dùng tên tiếng Việt.",
    )
    parent_body_en = models.CharField("cơ quan chủ quản bằng tiếng Anh", max_length=255, blank=True)
    logo = UploadImageField("biểu trưng (logo)", upload_to="site/", blank=True)
    welcome_message = models.CharField(
        "dòng chữ chào mừng",
        max_length=500,
        blank=True,
        help_text="Dòng chữ chạy ở đầu trang.",
    )
    address = models.CharField("địa chỉ", max_length=255, blank=True)
    address_en = models.CharField(
        "địa chỉ bằng tiếng Anh",
        max_length=255,
        blank=True,
        help_text="Ví dụ: 35 Tran Hung Dao Street, Ward 10, Da Lat City, Lam Dong Province.",
    )
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


class ContactList(models.TextChoices):
    """Which contact points (ContactPoint) a page shows under its text."""

    NONE = "", "Không"
    LEADERS = "leaders", "Lãnh đạo và sơ đồ tổ chức"
    OFFICIALS = "officials", "Cán bộ đầu mối liên hệ"


class Page(SluggedModel, Reviewable):
    """A static page under /gioi-thieu/ (THÔNG TIN CHÍNH), and its English
    version under /en/ when it has an English title."""

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
    contact_list = models.CharField(
        "danh sách liên hệ trên trang",
        max_length=10,
        choices=ContactList.choices,
        blank=True,
        default=ContactList.NONE,
        help_text=(
            "Hiện dưới nội dung trang, lấy từ mục “Lãnh đạo, đầu mối liên hệ”: lãnh đạo và sơ "
            "đồ tổ chức (trang Cơ cấu tổ chức), hoặc cán bộ đầu mối liên hệ (trang Liên hệ)."
        ),
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    is_in_menu = models.BooleanField("hiện trong THÔNG TIN CHÍNH", default=True)
    title_en = models.CharField(
        "tiêu đề tiếng Anh",
        max_length=255,
        blank=True,
        help_text=(
            "Có tiêu đề tiếng Anh thì trang có bản tiếng Anh trong mục English (/en/); "
            "để trống khi chưa dịch."
        ),
    )
    slug_en = models.SlugField(
        "đường dẫn tiếng Anh",
        max_length=200,
        blank=True,
        help_text="Để trống để tạo từ tiêu đề tiếng Anh; không đổi khi sửa tiêu đề.",
    )
    summary_en = models.TextField("tóm tắt tiếng Anh", blank=True)
    body_en = RichTextField("nội dung tiếng Anh", blank=True)

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
        constraints = [
            models.UniqueConstraint(
                fields=["slug_en"],
                condition=~Q(slug_en=""),
                name="page_slug_en_unique",
                violation_error_message="Đường dẫn tiếng Anh này đã có trang khác dùng.",
            )
        ]

    # The text a change to a live page may touch (core.review), English too.
    review_fields = ("title", "summary", "body", "title_en", "summary_en", "body_en")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.title_en and not self.slug_en:
            self.slug_en = unique_slug(self, self.title_en, field_name="slug_en")
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if (self.summary_en.strip() or html_to_text(self.body_en)) and not self.title_en.strip():
            raise ValidationError(
                {
                    "title_en": "Hãy nhập tiêu đề tiếng Anh: bản tiếng Anh chỉ hiện khi "
                    "trang có tiêu đề tiếng Anh."
                }
            )

    def slug_source(self):
        return self.title

    def get_absolute_url(self):
        return reverse("sitecontent:page", kwargs={"slug": self.slug})

    def get_english_url(self):
        """The page in the English section: its translation, or while it has
        none, the Vietnamese text with a note (at its Vietnamese slug)."""
        return reverse("english:page", kwargs={"slug": self.slug_en or self.slug})

    @property
    def is_translated(self):
        return bool(self.title_en)

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


class ContactPointQuerySet(ContentQuerySet):
    def shown(self):
        return self.filter(is_active=True)

    def directory(self):
        """The contact points pages show, read in one query (Contacts)."""
        return Contacts(list(self.shown()))


class ContactPoint(models.Model):
    """A leader or a contact official of the association (NĐ 42/2022
    Điều 4): name, title, unit, phone, email and photo, in order."""

    class Role(models.TextChoices):
        LEADER = "leader", "Lãnh đạo"
        OFFICIAL = "official", "Cán bộ đầu mối liên hệ"

    name = models.CharField("họ và tên", max_length=255, help_text="Ví dụ: TS. Phạm Thị Lan.")
    role = models.CharField(
        "vai trò",
        max_length=10,
        choices=Role.choices,
        default=Role.OFFICIAL,
        help_text=(
            "Lãnh đạo hiện ở trang Cơ cấu tổ chức, cán bộ đầu mối ở trang Liên hệ; "
            "sơ đồ tổ chức có cả hai."
        ),
    )
    title = models.CharField(
        "chức vụ",
        max_length=255,
        help_text="Ví dụ: Chủ tịch, Phó Chủ tịch kiêm Tổng Thư ký, Chánh Văn phòng.",
    )
    unit = models.CharField(
        "đơn vị",
        max_length=255,
        help_text=(
            "Ví dụ: Thường trực Liên hiệp Hội, Văn phòng, Ban Khoa học – Tư vấn, phản biện. "
            "Sơ đồ tổ chức xếp người theo đơn vị, đơn vị theo thứ tự người đầu tiên của nó."
        ),
    )
    phone = models.CharField("điện thoại", max_length=100, blank=True)
    email = models.EmailField("thư điện tử", blank=True)
    photo = UploadImageField(
        "ảnh chân dung",
        upload_to="contacts/",
        blank=True,
        help_text="Ảnh JPEG, PNG, WebP hoặc GIF; nên là ảnh đứng (3:4), mặt ở giữa.",
    )
    title_en = models.CharField(
        "chức vụ bằng tiếng Anh",
        max_length=255,
        blank=True,
        help_text="Ví dụ: Chairwoman, Vice Chairman and Secretary General.",
    )
    unit_en = models.CharField(
        "đơn vị bằng tiếng Anh",
        max_length=255,
        blank=True,
        help_text="Ví dụ: Standing Committee, Office.",
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    is_active = models.BooleanField(
        "hiển thị",
        default=True,
        help_text="Bỏ chọn khi người này thôi giữ chức vụ: không hiện nữa mà không phải xóa.",
    )

    # The portrait as the pages show it (96 × 128 px, twice that for sharp screens).
    photo_card = ImageSpecField(
        source="photo",
        processors=[ResizeToFill(192, 256, upscale=False)],
        format="JPEG",
        options={"quality": 85},
    )

    objects = ContactPointQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "lãnh đạo, đầu mối liên hệ"
        verbose_name_plural = "lãnh đạo, đầu mối liên hệ"

    def __str__(self):
        return f"{self.name} – {self.title}"

    @property
    def tel_href(self):
        return tel_href(self.phone)


class Contacts:
    """The shown contact points of a page, in order: the leaders, the contact
    officials, and the organisation chart (sơ đồ tổ chức), a list of units,
    each with its people, built from the same rows so it is never out of
    date, reads on a phone and is read out by a screen reader."""

    def __init__(self, people):
        self.people = people
        self.leaders = [p for p in people if p.role == ContactPoint.Role.LEADER]
        self.officials = [p for p in people if p.role == ContactPoint.Role.OFFICIAL]
        units = {}
        for person in people:
            units.setdefault(person.unit.strip(), []).append(person)
        self.units = [
            Unit(name, next((p.unit_en for p in members if p.unit_en), ""), members)
            for name, members in units.items()
        ]


@dataclass
class Unit:
    name: str
    name_en: str
    people: list
