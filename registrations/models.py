"""Online registration forms (đăng ký trực tuyến) staff define in the admin,
and the entries visitors send through them.

A form knows nothing of what it registers for: a contest (contests.
Programme) or an event points to it. Its fields are rows (FormField) of a
few kinds; an entry keeps the answers as JSON, keyed by the field's id,
and its files as EntryFile rows, served to staff only (core.media).
"""

from django.db import IntegrityError, models, transaction
from django.utils import timezone

from core.addresses import reverse
from core.consent import ConsentRecord, months_before
from core.fields import UploadFileField
from core.models import ContentQuerySet, SluggedModel
from core.tracking import TRACKING_CODE_LENGTH, new_tracking_code
from core.uploads import IMAGE_EXTENSIONS
from core.validators import sniff_kind

# What an anonymised entry shows as its entrant (the field may not be empty).
ANONYMISED_NAME = "Ẩn danh"


class FieldKind(models.TextChoices):
    TEXT = "text", "Chữ (một dòng)"
    EMAIL = "email", "Thư điện tử"
    PHONE = "phone", "Điện thoại"
    DATE = "date", "Ngày"
    CHOICE = "choice", "Chọn một trong danh sách"
    FILE = "file", "Tệp đính kèm"


class RegistrationFormQuerySet(ContentQuerySet):
    def with_entry_count(self):
        return self.annotate(entry_count=models.Count("entries"))


class RegistrationForm(SluggedModel):
    """A form people fill in to register (phiếu đăng ký trực tuyến)."""

    title = models.CharField("tên biểu mẫu", max_length=255)
    slug = models.SlugField(
        "đường dẫn",
        max_length=200,
        unique=True,
        blank=True,
        help_text="Để trống để tạo từ tên; không đổi khi sửa tên.",
    )
    intro = models.TextField(
        "lời dẫn",
        blank=True,
        help_text="Hiện phía trên biểu mẫu: ai được đăng ký, cần chuẩn bị gì.",
    )
    capacity = models.PositiveIntegerField(
        "số lượng tối đa",
        null=True,
        blank=True,
        help_text="Để trống nếu không giới hạn số người đăng ký.",
    )
    closes_at = models.DateTimeField("hạn đăng ký", help_text="Sau thời điểm này không nhận thêm.")
    is_open = models.BooleanField(
        "đang nhận đăng ký",
        default=True,
        help_text="Bỏ chọn để tạm dừng nhận đăng ký trước hạn.",
    )
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)

    objects = RegistrationFormQuerySet.as_manager()

    class Meta:
        ordering = ["-closes_at", "-pk"]
        verbose_name = "biểu mẫu đăng ký"
        verbose_name_plural = "biểu mẫu đăng ký"

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("registrations:register", kwargs={"slug": self.slug})

    @property
    def is_accepting(self):
        """Open and before its closing time (its capacity is checked when an
        entry comes: a full form says so on its page)."""
        return self.is_open and timezone.now() < self.closes_at

    def slug_source(self):
        return self.title

    def refusal(self, now=None, entry_count=None):
        """Why the form takes no entry now, in Vietnamese; None when it does.

        `entry_count` is counted when not given: inside the transaction that
        holds the form's row locked (views.RegisterView), it cannot change
        before the new entry is stored.
        """
        now = now or timezone.now()
        if not self.is_open:
            return "Biểu mẫu này đang tạm dừng nhận đăng ký."
        if self.closes_at <= now:
            local = timezone.localtime(self.closes_at)
            return f"Đã hết hạn đăng ký (hạn cuối {local:%H:%M} ngày {local:%d/%m/%Y})."
        if self.capacity is not None:
            if entry_count is None:
                entry_count = self.entries.count()
            if entry_count >= self.capacity:
                return f"Đã đủ {self.capacity} người đăng ký; biểu mẫu không nhận thêm."
        return None


class FormField(models.Model):
    """One question of a registration form."""

    form = models.ForeignKey(
        RegistrationForm,
        on_delete=models.CASCADE,
        related_name="fields",
        verbose_name="biểu mẫu",
    )
    label = models.CharField("nhãn", max_length=200)
    kind = models.CharField(
        "loại", max_length=10, choices=FieldKind.choices, default=FieldKind.TEXT
    )
    is_required = models.BooleanField("bắt buộc", default=True)
    help_text = models.CharField("hướng dẫn", max_length=300, blank=True)
    options = models.TextField(
        "các lựa chọn",
        blank=True,
        help_text="Với loại “Chọn một trong danh sách”: mỗi lựa chọn một dòng.",
    )
    position = models.PositiveSmallIntegerField("thứ tự", default=0)

    # The form's page shows its fields: a bulk edit changes what visitors see.
    objects = ContentQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = "trường của biểu mẫu"
        verbose_name_plural = "các trường của biểu mẫu"

    def __str__(self):
        return self.label

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.kind == FieldKind.CHOICE and not self.choices:
            raise ValidationError(
                {"options": "Trường “Chọn một trong danh sách” cần ít nhất một lựa chọn."}
            )

    @property
    def name(self):
        """The field's name in the public form and its key in the answers."""
        return f"truong_{self.pk}"

    @property
    def choices(self):
        return [line.strip() for line in self.options.splitlines() if line.strip()]


class EntryStatus(models.TextChoices):
    RECEIVED = "received", "Đã nhận"
    VALID = "valid", "Hợp lệ"
    SHORTLISTED = "shortlisted", "Vào chung khảo"
    AWARDED = "awarded", "Đạt giải"
    INVALID = "invalid", "Không hợp lệ"


# What the lookup page tells the entrant about each status.
STATUS_EXPLANATIONS = {
    EntryStatus.RECEIVED: "Hồ sơ đăng ký đã được tiếp nhận và đang chờ Ban Tổ chức xem xét.",
    EntryStatus.VALID: "Hồ sơ đăng ký hợp lệ và được đưa vào vòng chấm.",
    EntryStatus.SHORTLISTED: "Hồ sơ được chọn vào vòng chung khảo.",
    EntryStatus.AWARDED: "Chúc mừng! Hồ sơ đã đạt giải; Ban Tổ chức sẽ liên hệ với bạn.",
    EntryStatus.INVALID: (
        "Hồ sơ chưa đáp ứng thể lệ. Vui lòng liên hệ Ban Tổ chức để biết thêm chi tiết."
    ),
}


class EntryQuerySet(models.QuerySet):
    def due_for_anonymisation(self, months, now=None):
        """Entries of forms closed more than `months` ago, not yet anonymised."""
        cutoff = months_before(now or timezone.now(), months)
        return self.filter(anonymised_at__isnull=True, form__closes_at__lte=cutoff)


class Entry(ConsentRecord):
    """What one person sent through a registration form, with their consent."""

    form = models.ForeignKey(
        RegistrationForm,
        on_delete=models.PROTECT,
        related_name="entries",
        verbose_name="biểu mẫu",
    )
    name = models.CharField("họ và tên", max_length=150)
    email = models.EmailField("thư điện tử", max_length=254, blank=True)
    # {str(FormField.pk): the answer as text}; a file's answer is its name.
    answers = models.JSONField("câu trả lời", default=dict, blank=True, editable=False)
    tracking_code = models.CharField(
        "mã tra cứu", max_length=TRACKING_CODE_LENGTH, unique=True, editable=False
    )
    status = models.CharField(
        "trạng thái", max_length=12, choices=EntryStatus.choices, default=EntryStatus.RECEIVED
    )
    note = models.TextField("ghi chú nội bộ", blank=True, help_text="Chỉ cán bộ thấy.")
    # A keyed hash of the sender's address (core.spam.submitter_hash).
    submitter_hash = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField("gửi lúc", default=timezone.now, editable=False)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)

    objects = EntryQuerySet.as_manager()
    personal_fields = ("name", "email", "answers", "submitter_hash")
    anonymised_values = {"name": ANONYMISED_NAME, "answers": {}}

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "đăng ký"
        verbose_name_plural = "danh sách đăng ký"
        indexes = [models.Index(fields=["form", "status"], name="registration_entry_status_idx")]

    def __str__(self):
        return f"{self.tracking_code} – {self.name}"

    def save(self, *args, **kwargs):
        if self.tracking_code:
            super().save(*args, **kwargs)
            return
        # The unique constraint is the real guard against two equal codes;
        # the savepoint lets us draw again without spoiling the transaction.
        for attempt in range(10):
            self.tracking_code = new_tracking_code()
            try:
                with transaction.atomic():
                    super().save(*args, **kwargs)
                return
            except IntegrityError:
                self.tracking_code = ""
                if attempt == 9:
                    raise

    def get_lookup_url(self):
        return f"{reverse('registrations:lookup')}?ma={self.tracking_code}"

    @property
    def status_explanation(self):
        return STATUS_EXPLANATIONS.get(self.status, "")

    def answer_rows(self, fields=None):
        """(label, answer) for each field of the form, in its order."""
        fields = self.form.fields.all() if fields is None else fields
        return [(field.label, self.answers.get(str(field.pk), "")) for field in fields]

    def erase_personal_data(self, *, withdrawn=True):
        """Anonymise and save, deleting the files, the older versions and the
        emails about it, which hold the details too. False when done already."""
        from reversion.models import Version

        from mail.models import Email

        if self.is_anonymised:
            return False
        self.anonymise(withdrawn=withdrawn)
        with transaction.atomic():
            self.save()
            for stored in self.files.all():
                stored.delete()
            Version.objects.get_for_object(self).delete()
            Email.objects.about(self).delete()
        return True


def entry_upload_to(instance, filename):
    return f"dang-ky/{timezone.now():%Y/%m}/{filename}"


class EntryFileField(UploadFileField):
    """Stored under a random name with the extension its content shows."""

    def extension_of(self, content):
        kind = sniff_kind(content)
        if kind:
            return kind.value
        from PIL import Image

        try:
            content.seek(0)
            with Image.open(content) as image:
                return IMAGE_EXTENSIONS.get(image.format, "bin")
        except Exception:
            return "bin"
        finally:
            content.seek(0)


class EntryFile(models.Model):
    """A file sent with an entry: staff download it, nobody else."""

    entry = models.ForeignKey(
        Entry, on_delete=models.CASCADE, related_name="files", verbose_name="đăng ký"
    )
    field = models.ForeignKey(
        FormField,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="trường",
    )
    file = EntryFileField("tệp", upload_to=entry_upload_to, max_length=255)
    original_name = models.CharField("tên tệp gốc", max_length=255, editable=False)
    size = models.PositiveBigIntegerField("dung lượng", default=0, editable=False)

    class Meta:
        ordering = ["pk"]
        verbose_name = "tệp đính kèm"
        verbose_name_plural = "tệp đính kèm"

    def __str__(self):
        return self.original_name or self.file.name

    def delete(self, *args, **kwargs):
        name = self.file.name
        result = super().delete(*args, **kwargs)
        if name:
            self.file.storage.delete(name)
        return result
