from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from imagekit.models import ImageSpecField
from imagekit.processors import ResizeToFill, ResizeToFit, Transpose
from PIL import Image

from core import sidebar
from core.addresses import reverse
from core.fields import UploadImageField
from core.models import ContentQuerySet, Publishable, PublishableQuerySet, SluggedModel, Status

from .processors import LARGE_BOX, StripMetadata, large_size

# Renditions: fixed crops for the grids, a bounded size for the lightbox;
# never enlarged, so a rendition costs at most what its source does.
# Every one is re-encoded as JPEG without metadata (no EXIF, no GPS).
THUMBNAIL_SIZE = (160, 120)
CARD_SIZE = (400, 300)


def _fill(size):
    return [Transpose(Transpose.AUTO), ResizeToFill(*size, upscale=False), StripMetadata()]


def _fit(box):
    return [Transpose(Transpose.AUTO), ResizeToFit(*box, upscale=False), StripMetadata()]


class AlbumQuerySet(PublishableQuerySet):
    def for_listing(self):
        """Cover, photo count and first photo (the cover's fallback) in two queries."""
        first_photo = Prefetch(
            "photos", queryset=Photo.objects.order_by("order", "pk")[:1], to_attr="first_photos"
        )
        # Counted in a subquery, for the albums of the page only: a COUNT
        # with GROUP BY would join and count every photo before the LIMIT.
        photo_count = (
            Photo.objects.filter(album=OuterRef("pk"))
            .order_by()
            .values("album")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return (
            self.select_related("cover")
            .annotate(photo_count=Coalesce(Subquery(photo_count), 0))
            .prefetch_related(first_photo)
        )


class Album(Publishable, SluggedModel):
    """HÌNH HOẠT ĐỘNG: the photos of one event (congress, workshop, award…)."""

    title = models.CharField("tên album", max_length=255)
    slug = models.SlugField(
        "đường dẫn",
        max_length=200,
        unique=True,
        blank=True,
        help_text="Để trống để tạo từ tên album; không đổi khi sửa tên.",
    )
    description = models.TextField("giới thiệu", blank=True)
    event_on = models.DateField("ngày diễn ra", null=True, blank=True)
    cover = models.ForeignKey(
        "Photo",
        verbose_name="ảnh đại diện",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Chọn một ảnh của chính album này; để trống thì dùng ảnh đầu tiên.",
    )
    article = models.ForeignKey(
        "news.Article",
        verbose_name="tin bài liên quan",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="albums",
        help_text="Tin bài về sự kiện; trang tin bài sẽ hiện album này.",
    )
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)

    objects = AlbumQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = "album ảnh"
        verbose_name_plural = "album ảnh"
        indexes = [
            models.Index(fields=["status", "-published_at"], name="album_published_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("gallery:album", kwargs={"slug": self.slug})

    def slug_source(self):
        return self.title

    def search_document(self):
        # Staff caption every photo: captions make an album findable by who
        # and what is in it.
        captions = self.photos.values_list("caption", flat=True) if self.pk else []
        return {
            "title": self.title,
            "body": " ".join([self.description, *captions]),
            "url": self.get_absolute_url(),
            "date": self.published_at,
            "is_public": self.status == Status.PUBLISHED,
            "published_at": self.published_at,
        }

    def clean(self):
        if self.cover_id and (self.pk is None or self.cover.album_id != self.pk):
            raise ValidationError({"cover": "Ảnh đại diện phải là một ảnh của chính album này."})

    @property
    def listing_photo(self):
        """The cover, else the first photo (needs `for_listing()` for the fallback)."""
        if self.cover_id:
            return self.cover
        first = getattr(self, "first_photos", None)
        return first[0] if first else None


class PhotoQuerySet(ContentQuerySet):
    def published(self, now=None):
        """Photos of published albums: the only ones visitors may see."""
        now = timezone.now() if now is None else now
        return self.filter(album__status=Status.PUBLISHED, album__published_at__lte=now)

    def sidebar_latest(self, limit=6):
        """HÌNH HOẠT ĐỘNG: the latest photos of published albums."""

        def make(row):
            return Photo(
                pk=row["ref"],
                image=row["image"],
                caption=row["text"] or "",
                width=row["width"] or 0,
                height=row["height"] or 0,
                album=Album(title=row["title"], slug=row["key"]),
            )

        latest = self.published(now=sidebar.NOW).order_by("-uploaded_at", "-pk")
        return sidebar.feed(
            "photos", latest, limit, make,
            title="album__title", text="caption", day="uploaded_at", key="album__slug",
            image="image", width="width", height="height",
        )  # fmt: skip


def oriented_size(fileobj):
    """Width and height as shown, after the EXIF orientation is applied.

    Mirrors pilkit's Transpose(AUTO), which the renditions use, so the stored
    size and the renditions agree without opening a file at request time.
    """
    fileobj.seek(0)
    with Image.open(fileobj) as image:
        width, height = image.size
        try:
            orientation = image._getexif()[0x0112]
        except (IndexError, KeyError, TypeError, AttributeError):
            orientation = 1
    fileobj.seek(0)
    # 5–8 turn the picture by a quarter: width and height swap.
    if orientation in (5, 6, 7, 8):
        width, height = height, width
    return width, height


class Photo(models.Model):
    album = models.ForeignKey(
        Album, verbose_name="album", on_delete=models.CASCADE, related_name="photos"
    )
    image = UploadImageField("ảnh", upload_to="gallery/%Y/%m/")
    caption = models.CharField(
        "chú thích",
        max_length=300,
        blank=True,
        help_text=(
            "Mô tả ngắn những gì có trong ảnh. Chú thích cũng là chữ thay thế cho người "
            "khiếm thị dùng trình đọc màn hình, nên hãy điền cho mọi ảnh."
        ),
    )
    order = models.PositiveIntegerField("thứ tự", default=0)
    uploaded_at = models.DateTimeField("tải lên lúc", default=timezone.now, editable=False)
    # The picture's size once turned upright; rendition sizes follow from it.
    width = models.PositiveIntegerField("chiều rộng", default=0, editable=False)
    height = models.PositiveIntegerField("chiều cao", default=0, editable=False)

    thumbnail = ImageSpecField(
        source="image", processors=_fill(THUMBNAIL_SIZE), format="JPEG", options={"quality": 82}
    )
    card = ImageSpecField(
        source="image", processors=_fill(CARD_SIZE), format="JPEG", options={"quality": 85}
    )
    large = ImageSpecField(
        source="image", processors=_fit(LARGE_BOX), format="JPEG", options={"quality": 88}
    )

    thumbnail_width, thumbnail_height = THUMBNAIL_SIZE
    card_width, card_height = CARD_SIZE

    objects = PhotoQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "ảnh"
        verbose_name_plural = "ảnh"
        indexes = [
            models.Index(fields=["album", "order"], name="photo_album_order_idx"),
            # HÌNH HOẠT ĐỘNG, on every page: the newest photos first.
            models.Index(fields=["-uploaded_at", "-id"], name="photo_newest_idx"),
        ]

    def __str__(self):
        return self.caption or self.image.name.rsplit("/", 1)[-1]

    def save(self, *args, **kwargs):
        # A new upload is not committed to storage yet: measure it once here,
        # never while rendering a page.
        if self.image and (not self.image._committed or not self.width):
            self.width, self.height = oriented_size(self.image.file)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"{self.album.get_absolute_url()}#anh-{self.pk}"

    @property
    def alt_text(self):
        return self.caption or f"Ảnh trong album “{self.album.title}”"

    @property
    def large_width(self):
        return large_size(self.width, self.height)[0]

    @property
    def large_height(self):
        return large_size(self.width, self.height)[1]
