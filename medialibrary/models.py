"""The media library (thư viện tệp): every picture uploaded through the
rich-text editor, with its alt text, its renditions and where it is used."""

import posixpath

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.functions import Coalesce
from imagekit.models import ImageSpecField
from imagekit.processors import ResizeToFit

from core.fields import UploadImageField
from core.models import ContentQuerySet

# The library's thumbnail fits in this box and is never enlarged.
THUMBNAIL_BOX = (160, 120)
# Widths of the renditions a rich-text body shows a library picture at
# (medialibrary.images.responsive_images); the height follows the picture.
BODY_WIDTHS = (480, 800, 1200)
BODY_MAX_HEIGHT = 4000


def body_rendition(width):
    """A JPEG at most `width` wide, never enlarged."""
    return ImageSpecField(
        source="file",
        processors=[ResizeToFit(width, BODY_MAX_HEIGHT, upscale=False)],
        format="JPEG",
        options={"quality": 82},
    )


def fitted_size(width, height, box):
    """The size pilkit's ResizeToFit(*box, upscale=False) gives a picture."""
    if not width or not height:
        return 0, 0
    ratio = min(box[0] / width, box[1] / height)
    new_width, new_height = int(round(width * ratio)), int(round(height * ratio))
    # upscale=False: pilkit resizes only when both sides shrink.
    if new_width < width and new_height < height:
        return new_width, new_height
    return width, height


class MediaItemQuerySet(ContentQuerySet):
    def with_usage_count(self):
        # A subquery, for the rows of the page only: a join would be
        # grouped and counted for the list's totals too.
        count = (
            MediaUsage.objects.filter(item=models.OuterRef("pk"))
            .order_by()
            .values("item")
            .annotate(n=models.Count("pk"))
            .values("n")
        )
        return self.annotate(usage_count=Coalesce(models.Subquery(count), 0))


class MediaItem(models.Model):
    """A picture of the media library (thư viện tệp): every image uploaded
    through the rich-text editor, with its alt text and where it is used."""

    file = UploadImageField(
        "tệp ảnh",
        upload_to="editor/%Y/%m/",
        width_field="width",
        height_field="height",
    )
    width = models.PositiveIntegerField("chiều rộng", null=True, editable=False)
    height = models.PositiveIntegerField("chiều cao", null=True, editable=False)
    alt_text = models.CharField(
        "chữ thay thế",
        max_length=300,
        blank=True,
        help_text="Tả ngắn nội dung ảnh cho người không xem được ảnh (trình đọc màn hình).",
    )
    caption = models.CharField("chú thích", max_length=500, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người tải lên",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    uploaded_at = models.DateTimeField("tải lên lúc", auto_now_add=True)

    thumbnail = ImageSpecField(
        source="file",
        processors=[ResizeToFit(*THUMBNAIL_BOX, upscale=False)],
        format="JPEG",
        options={"quality": 82},
    )

    body_small = body_rendition(BODY_WIDTHS[0])
    body_medium = body_rendition(BODY_WIDTHS[1])
    body_large = body_rendition(BODY_WIDTHS[2])

    objects = MediaItemQuerySet.as_manager()

    class Meta:
        db_table = "lhh_mediaitem"
        ordering = ["-uploaded_at", "-pk"]
        verbose_name = "tệp trong thư viện"
        verbose_name_plural = "thư viện tệp"

    def __str__(self):
        return self.alt_text or self.caption or posixpath.basename(self.file.name)

    @property
    def thumbnail_size(self):
        return fitted_size(self.width, self.height, THUMBNAIL_BOX)

    def body_renditions(self):
        """(rendition, width, height) for each body width, smallest first;
        a width the picture does not reach is left out (no upscaling)."""
        renditions = []
        for spec, width in zip(
            (self.body_small, self.body_medium, self.body_large), BODY_WIDTHS, strict=True
        ):
            size = fitted_size(self.width, self.height, (width, BODY_MAX_HEIGHT))
            if renditions and size[0] <= renditions[-1][1]:
                break
            renditions.append((spec, *size))
        return renditions


class MediaUsage(models.Model):
    """One article, page or other rich-text object whose body shows a library
    item (medialibrary.usage keeps these rows when the object is saved).

    The object is named by a generic relation so that the library needs to
    know no app above it, and a new kind of content only asks for tracking.
    PROTECT: an item in use cannot be deleted, in the admin or anywhere.
    """

    item = models.ForeignKey(
        MediaItem, verbose_name="tệp", on_delete=models.PROTECT, related_name="usages"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")

    class Meta:
        db_table = "lhh_mediausage"
        verbose_name = "chỗ dùng tệp"
        verbose_name_plural = "chỗ dùng tệp"
        constraints = [
            models.UniqueConstraint(
                fields=["item", "content_type", "object_id"], name="media_usage_unique"
            )
        ]
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="media_usage_object_idx")
        ]

    def __str__(self):
        return f"{self.content_type.name} #{self.object_id}"
