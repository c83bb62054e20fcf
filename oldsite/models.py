from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models

from core.models import ContentQuerySet
from documents.models import DocumentFileField

from .addresses import MAX_KEY_LENGTH, key_of_address


class Kind(models.TextChoices):
    MANUAL = "manual", "Chuyển hướng nhập tay"
    CATEGORY = "category", "Chuyên mục"
    ARTICLE = "article", "Tin bài"
    NOTICE = "notice", "Thông báo"
    PAGE = "page", "Trang thông tin"
    DOCUMENT = "document", "Văn bản"
    FILE = "file", "Tệp văn bản"
    GROUP = "group", "Nhóm tổ chức"
    ORGANIZATION = "organization", "Tổ chức thành viên"
    ALBUM = "album", "Album ảnh"
    PHOTO = "photo", "Ảnh trong album"
    IMAGE = "image", "Ảnh"
    ATTACHMENT = "attachment", "Tệp đính kèm"


# Browsers give up after about 20 redirects in a row.
MAX_HOPS = 10


def is_visible(obj):
    """Whether visitors may see an imported object (and so be sent to it)."""
    if getattr(obj, "is_published", True) is False or getattr(obj, "is_active", True) is False:
        return False
    album = getattr(obj, "album", None)
    return album is None or is_visible(album)


def is_safe_target(url):
    """A path on this site ("/tin-tuc/…") or an http(s) address."""
    url = url or ""
    if url.startswith("/"):
        return not url.startswith("//") and "\\" not in url
    return url.startswith(("http://", "https://"))


class OldAddressQuerySet(ContentQuerySet):
    def for_request(self, path, query):
        """The row for an address with its query string, else for its path
        alone; one query."""
        from .addresses import address_key

        keys = [address_key(path, query)]
        if query:
            keys.append(address_key(path))
        keys = [key for key in keys if len(key) <= MAX_KEY_LENGTH]
        if not keys:
            return None
        rows = {row.key: row for row in self.filter(key__in=keys).select_related("content_type")}
        return next((rows[key] for key in keys if key in rows), None)


class OldAddress(models.Model):
    """An address of the old site (path and query string) and where it now
    leads: an imported object's page, or an address staff typed.

    The importer keys every object on it, so a second run updates rather
    than creates; the redirect middleware answers its 404s with a 301.
    """

    address = models.CharField(
        "địa chỉ cũ",
        max_length=MAX_KEY_LENGTH,
        help_text="Đường dẫn và chuỗi truy vấn của trang cũ, ví dụ /NewsDetail.aspx?Id=9036.",
    )
    key = models.CharField("khóa so sánh", max_length=MAX_KEY_LENGTH, unique=True, editable=False)
    kind = models.CharField(
        "loại", max_length=12, choices=Kind.choices, default=Kind.MANUAL, editable=False
    )
    target_url = models.CharField(
        "chuyển đến",
        max_length=MAX_KEY_LENGTH,
        blank=True,
        help_text="Địa chỉ mới, ví dụ /tin-tuc/… hoặc https://…; nội dung đã nhập thì "
        "chuyển đến trang hiện tại của nội dung đó.",
    )
    reason = models.CharField("lý do", max_length=300, blank=True)
    content_type = models.ForeignKey(
        ContentType,
        verbose_name="loại nội dung",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        editable=False,
    )
    object_id = models.PositiveBigIntegerField("mã nội dung", null=True, blank=True, editable=False)
    content_object = GenericForeignKey("content_type", "object_id")
    # A file an old page linked to that belongs to nothing imported (a
    # report, a form to fill in): copied here, checked like an upload.
    file = DocumentFileField(
        "tệp đã chép",
        upload_to="trang-cu/%Y/%m/",
        max_length=255,
        blank=True,
        editable=False,
    )
    # What the old page said when last imported: unchanged means skipped.
    fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)

    objects = OldAddressQuerySet.as_manager()

    class Meta:
        ordering = ["address"]
        verbose_name = "địa chỉ cũ"
        verbose_name_plural = "địa chỉ cũ (chuyển hướng)"
        indexes = [models.Index(fields=["content_type", "object_id"], name="oldaddress_object_idx")]

    def __str__(self):
        return self.address

    def save(self, *args, **kwargs):
        self.key = key_of_address(self.address)
        super().save(*args, **kwargs)

    def clean(self):
        address = (self.address or "").strip()
        if not address.startswith("/") or address.startswith("//"):
            raise ValidationError(
                {"address": "Địa chỉ cũ phải bắt đầu bằng “/”, ví dụ /NewsDetail.aspx?Id=9036."}
            )
        key = key_of_address(address)
        if len(key) > MAX_KEY_LENGTH:
            raise ValidationError({"address": "Địa chỉ cũ quá dài."})
        if OldAddress.objects.filter(key=key).exclude(pk=self.pk).exists():
            raise ValidationError({"address": "Địa chỉ cũ này đã có chuyển hướng."})
        if self.content_type_id is None and not self.target_url:
            raise ValidationError({"target_url": "Hãy nhập địa chỉ mới cần chuyển đến."})
        if self.target_url:
            if not is_safe_target(self.target_url):
                raise ValidationError(
                    {"target_url": "Địa chỉ mới phải bắt đầu bằng “/”, http:// hoặc https://."}
                )
            if self.loops(key):
                raise ValidationError(
                    {
                        "target_url": "Chuyển hướng này dẫn về chính địa chỉ cũ (trực tiếp hoặc "
                        "qua các chuyển hướng khác): trình duyệt sẽ lặp vô tận."
                    }
                )
        self.address = address

    def target(self):
        """The address to send a visitor to, or "" when there is none (an
        imported object since deleted or unpublished)."""
        if self.content_type_id is not None:
            obj = self.content_object
            if obj is None or not is_visible(obj):
                return ""
            if hasattr(obj, "get_absolute_url"):
                return obj.get_absolute_url()
        if self.file:
            return self.file.url
        return self.target_url if is_safe_target(self.target_url) else ""

    def loops(self, key=None):
        """Whether following this redirect, and the redirects its target
        has in turn, comes back to an address already passed."""
        seen = {key or self.key or key_of_address(self.address)}
        target = self.target()
        for _ in range(MAX_HOPS):
            if not target or not target.startswith("/"):
                return False
            next_key = key_of_address(target)
            if next_key in seen:
                return True
            seen.add(next_key)
            row = OldAddress.objects.filter(key=next_key).first()
            if row is None:
                return False
            target = row.target()
            if target and key_of_address(target) == row.key:
                return False  # an old address kept by its page: the page answers
        return True  # a chain this long is as good as a loop for a browser
