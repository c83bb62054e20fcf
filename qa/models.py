from datetime import timedelta
from functools import cache

import holidays
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.html import strip_tags

from core import sidebar
from core.addresses import reverse
from core.consent import ConsentRecord, Purpose, months_before
from core.fields import RichTextField
from core.models import ContentQuerySet, SluggedModel, VisibleModel
from core.text import html_to_text, vn_slugify

# Shared with the other public forms; the names stay importable from here.
from core.tracking import (  # noqa: F401
    TRACKING_ALPHABET,
    TRACKING_CODE_LENGTH,
    is_valid_tracking_code,
    new_tracking_code,
    normalize_tracking_code,
)

# NĐ 43/2011 asks for an answer or a status update within 15 working days.
DUE_WORKING_DAYS = 15
# What an anonymised question shows as its asker (the field may not be empty).
ANONYMISED_NAME = "Ẩn danh"


@cache
def public_holidays(year):
    """Vietnam's public holidays of one year, Tết included, by date, with
    their Vietnamese names (the `holidays` library follows the Labour Code
    and the lunar calendar; the government's yearly extra days off and
    make-up days are what staff enter as CalendarDay rows)."""
    return dict(holidays.country_holidays("VN", years=year, language="vi"))


class WorkCalendar:
    """Which days the office works: Monday to Friday, except public holidays,
    corrected by the days staff entered (a day off, or a make-up working
    day, ngày làm bù)."""

    def __init__(self, entered=None):
        self.entered = dict(entered or {})

    @classmethod
    def load(cls):
        # All of them: a few a year, read in one query.
        return cls(CalendarDay.objects.values_list("day_on", "kind"))

    def is_working_day(self, day):
        kind = self.entered.get(day)
        if kind is not None:
            return kind == DayKind.WORKING
        return day.weekday() < 5 and day not in public_holidays(day.year)


def add_working_days(start, days, calendar=None):
    """The date `days` working days after `start` (WorkCalendar: weekends,
    public holidays and the days off staff entered skipped, make-up days
    counted); `calendar` is read from the database unless given.

    A question received on a Friday, Saturday or Sunday counts its first
    working day on the Monday after.
    """
    calendar = WorkCalendar.load() if calendar is None else calendar
    current = start
    while days > 0:
        current += timedelta(days=1)
        if calendar.is_working_day(current):
            days -= 1
    return current


def given_name(full_name):
    """The given name, last in Vietnamese order: "Nguyễn Văn An" → "An"."""
    words = (full_name or "").split()
    return words[-1] if words else ""


class Topic(SluggedModel):
    """A field of questions (lĩnh vực)."""

    name = models.CharField("tên lĩnh vực", max_length=150)
    slug = models.SlugField(
        "đường dẫn",
        max_length=160,
        unique=True,
        blank=True,
        help_text="Để trống để tạo từ tên; không đổi khi sửa tên.",
    )
    slug_max_length = 160
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        ordering = ["order", "name"]
        # Three apps have fields (lĩnh vực): the admin's index and pickers
        # tell them apart by name.
        verbose_name = "lĩnh vực hỏi đáp"
        verbose_name_plural = "lĩnh vực hỏi đáp"

    def __str__(self):
        return self.name

    def slug_source(self):
        return self.name


class QuestionStatus(models.TextChoices):
    NEW = "new", "Mới"
    IN_PROGRESS = "in_progress", "Đang xử lý"
    ANSWERED = "answered", "Đã trả lời"
    REJECTED = "rejected", "Từ chối"
    SPAM = "spam", "Spam"


OPEN_STATUSES = (QuestionStatus.NEW, QuestionStatus.IN_PROGRESS)

# What the lookup page tells the asker about each status.
STATUS_EXPLANATIONS = {
    QuestionStatus.NEW: "Câu hỏi đã được tiếp nhận và đang chờ phân công cán bộ trả lời.",
    QuestionStatus.IN_PROGRESS: "Cán bộ của Liên hiệp Hội đang xem xét và chuẩn bị trả lời.",
    QuestionStatus.ANSWERED: "Câu hỏi đã được trả lời; nội dung trả lời ở bên dưới.",
    QuestionStatus.REJECTED: (
        "Câu hỏi không thuộc phạm vi trả lời của Liên hiệp Hội hoặc chưa đủ thông tin "
        "để trả lời. Bạn có thể gửi một câu hỏi mới với đầy đủ thông tin hơn."
    ),
    QuestionStatus.SPAM: "Câu hỏi không được tiếp nhận vì bị xác định là thư rác.",
}


class QuestionQuerySet(ContentQuerySet):
    def published(self, now=None):
        """Answered questions staff chose to publish as FAQ (hỏi đáp công khai)."""
        return self.filter(
            status=QuestionStatus.ANSWERED,
            is_published_as_faq=True,
            published_at__lte=timezone.now() if now is None else now,
        ).order_by("-published_at", "-pk")

    def sidebar_latest(self, limit=5):
        """HỎI VÀ ĐÁP: the latest published answers."""

        def make(row):
            return Question(pk=row["ref"], title=row["title"], slug=row["key"])

        return sidebar.feed(
            "questions", self.published(now=sidebar.NOW), limit, make,
            title="title", day="published_at", key="slug",
        )  # fmt: skip

    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self):
        return self.open().filter(due_on__lt=timezone.localdate())

    def due_for_anonymisation(self, months, now=None):
        """Askers' details kept `months` since the answer (or, for a question
        refused or marked spam, which gets none, since it arrived)."""
        cutoff = months_before(now or timezone.now(), months)
        closed = (QuestionStatus.REJECTED, QuestionStatus.SPAM)
        return self.filter(anonymised_at__isnull=True).filter(
            models.Q(status=QuestionStatus.ANSWERED, answered_at__lte=cutoff)
            | models.Q(status__in=closed, received_at__lte=cutoff)
        )


class Question(ConsentRecord, VisibleModel):
    """A visitor's question, its handling by staff and its answer, with the
    asker's consent (core.consent)."""

    asker_name = models.CharField("họ và tên người hỏi", max_length=100)
    email = models.EmailField("thư điện tử", max_length=254, blank=True)
    phone = models.CharField("điện thoại", max_length=20, blank=True)
    address = models.CharField("địa chỉ", max_length=255, blank=True)
    topic = models.ForeignKey(
        Topic, verbose_name="lĩnh vực", on_delete=models.PROTECT, related_name="questions"
    )
    title = models.CharField("tiêu đề", max_length=200)
    slug = models.SlugField("đường dẫn", max_length=200, blank=True, editable=False)
    body = models.TextField("nội dung câu hỏi")
    received_at = models.DateTimeField("tiếp nhận lúc", default=timezone.now)
    tracking_code = models.CharField(
        "mã tra cứu", max_length=TRACKING_CODE_LENGTH, unique=True, editable=False
    )
    status = models.CharField(
        "trạng thái", max_length=20, choices=QuestionStatus.choices, default=QuestionStatus.NEW
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="cán bộ được giao",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_questions",
    )
    answer = RichTextField("câu trả lời", blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người trả lời",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="answered_questions",
    )
    answered_at = models.DateTimeField("trả lời lúc", null=True, blank=True, editable=False)
    is_published_as_faq = models.BooleanField(
        "đăng lên mục Hỏi đáp",
        default=False,
        help_text="Bỏ chọn để chỉ trả lời riêng cho người hỏi (qua mã tra cứu).",
    )
    published_at = models.DateTimeField("đăng lúc", null=True, blank=True, editable=False)
    due_on = models.DateField("hạn trả lời", editable=False)
    internal_note = models.TextField(
        "ghi chú nội bộ", blank=True, help_text="Chỉ cán bộ thấy; không gửi cho người hỏi."
    )
    is_email_sent = models.BooleanField("đã gửi email cho người hỏi", default=False)
    email_error = models.TextField("lỗi gửi email", blank=True)
    # A keyed hash, not the address itself: enough to spot a flood from one
    # source without keeping personal data the association does not need.
    submitter_hash = models.CharField(max_length=64, blank=True, editable=False)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)

    objects = QuestionQuerySet.as_manager()
    # Updated in bulk without being content (core.models.ContentQuerySet).
    counter_fields = ("is_email_sent", "email_error")
    # What anonymising blanks (core.consent): the asker's details, and what
    # could hold them (an SMTP error names the address; the address hash).
    personal_fields = ("asker_name", "email", "phone", "address", "email_error", "submitter_hash")
    anonymised_values = {"asker_name": ANONYMISED_NAME}

    class Meta:
        ordering = ["-received_at"]
        verbose_name = "câu hỏi"
        verbose_name_plural = "câu hỏi"
        indexes = [
            models.Index(
                fields=["status", "is_published_as_faq", "-published_at"],
                name="qa_question_published_idx",
            ),
            models.Index(fields=["status", "due_on"], name="qa_question_open_due_idx"),
        ]

    def __str__(self):
        return f"{self.tracking_code} – {self.title}"

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = vn_slugify(self.title, max_length=200) or "cau-hoi"
        if not self.due_on:
            self.due_on = self.compute_due_on()
        if self.is_published_as_faq and self.published_at is None:
            self.published_at = timezone.now()
        if self.tracking_code:
            super().save(*args, **kwargs)
            return
        self._save_with_new_code(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("qa:question_detail", kwargs={"pk": self.pk, "slug": self.slug or "-"})

    def search_document(self):
        # The question and its answer only: never the asker's details.
        return {
            "title": self.title,
            "body": f"{self.body} {html_to_text(self.answer)}",
            "url": self.get_absolute_url(),
            "date": self.published_at or self.received_at,
            "is_public": self.status == QuestionStatus.ANSWERED and self.is_published_as_faq,
            "published_at": self.published_at,
        }

    def _save_with_new_code(self, *args, attempts=10, **kwargs):
        # The unique constraint is the real guard: two concurrent inserts can
        # draw the same code, and only the database can tell. The savepoint
        # lets us retry without spoiling the caller's transaction.
        for attempt in range(attempts):
            self.tracking_code = new_tracking_code()
            try:
                with transaction.atomic():
                    super().save(*args, **kwargs)
                return
            except IntegrityError:
                self.tracking_code = ""
                if attempt == attempts - 1:
                    raise

    def compute_due_on(self, calendar=None):
        received_on = timezone.localdate(self.received_at)
        return add_working_days(received_on, DUE_WORKING_DAYS, calendar)

    def get_lookup_url(self):
        return f"{reverse('qa:lookup')}?ma={self.tracking_code}"

    def clean(self):
        has_answer = bool(strip_tags(self.answer or "").strip())
        if self.status == QuestionStatus.ANSWERED and not has_answer:
            raise ValidationError(
                {"answer": "Hãy nhập câu trả lời trước khi chuyển sang trạng thái “Đã trả lời”."}
            )
        if self.is_published_as_faq and not has_answer:
            raise ValidationError(
                {"is_published_as_faq": "Chưa có câu trả lời nên chưa thể đăng lên mục Hỏi đáp."}
            )
        if self.is_published_as_faq and self.status in (
            QuestionStatus.REJECTED,
            QuestionStatus.SPAM,
        ):
            raise ValidationError(
                {"is_published_as_faq": "Không thể đăng câu hỏi bị từ chối hoặc là thư rác."}
            )

    @property
    def has_answer(self):
        return self.status == QuestionStatus.ANSWERED and bool(self.answer)

    def is_visible_to_visitors(self):
        return self.is_public

    @property
    def is_public(self):
        """True when published() would return it (the FAQ pages show it)."""
        return (
            self.status == QuestionStatus.ANSWERED
            and self.is_published_as_faq
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def asker_given_name(self):
        if self.asker_name == ANONYMISED_NAME:
            return ANONYMISED_NAME.lower()
        return given_name(self.asker_name)

    def may_email_asker(self):
        """Whether the asker agreed to emails. A question sent before consent
        was recorded per purpose (no record) was sent with the one consent
        the form asked then, which covered the answer's notice."""
        if not self.email or self.consent_withdrawn_at is not None:
            return False
        return self.consented_at is None or self.has_consent(Purpose.EMAIL_NOTICE)

    def erase_personal_data(self, *, withdrawn=True):
        """Anonymise and save, keeping the question and its answer; the older
        versions in its history and the emails about it in the outbox, which
        hold the details too, are deleted.

        Returns False, changing nothing, when it was anonymised already.
        """
        from reversion.models import Version

        from mail.models import Email

        if self.is_anonymised:
            return False
        self.anonymise(withdrawn=withdrawn)
        with transaction.atomic():
            self.save()
            Version.objects.get_for_object(self).delete()
            Email.objects.about(self).delete()
        return True

    @property
    def status_explanation(self):
        return STATUS_EXPLANATIONS.get(self.status, "")

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    def days_left(self, today=None):
        """Calendar days to the due date (negative once overdue); None when closed."""
        if not self.is_open or not self.due_on:
            return None
        return (self.due_on - (today or timezone.localdate())).days


class DayKind(models.TextChoices):
    DAY_OFF = "off", "Ngày nghỉ"
    WORKING = "working", "Ngày làm bù"


class CalendarDay(models.Model):
    """A day the office's calendar differs from the rule (WorkCalendar): an
    extra day off the government announces (nghỉ bù, a longer Tết) or a
    Saturday worked in exchange (ngày làm bù). Saving or deleting one moves
    the due dates of the open questions it falls within."""

    day_on = models.DateField("ngày", unique=True)
    kind = models.CharField("loại ngày", max_length=10, choices=DayKind.choices)
    note = models.CharField(
        "ghi chú",
        max_length=200,
        blank=True,
        help_text="Ví dụ: “Nghỉ bù Quốc khánh theo thông báo của Bộ Nội vụ”.",
    )

    class Meta:
        ordering = ["-day_on"]
        verbose_name = "ngày nghỉ, ngày làm bù"
        verbose_name_plural = "ngày nghỉ, ngày làm bù"

    def __str__(self):
        return f"{self.day_on:%d/%m/%Y} – {self.get_kind_display()}"

    def save(self, *args, **kwargs):
        previous = None
        if self.pk:
            previous = (
                CalendarDay.objects.filter(pk=self.pk).values_list("day_on", flat=True).first()
            )
        super().save(*args, **kwargs)
        reschedule_open_questions(min(filter(None, [previous, self.day_on])))

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        reschedule_open_questions(self.day_on)
        return result


def reschedule_open_questions(day):
    """Count again the due dates of the open questions received before `day`
    and due on or after it: the ones a change of that day can move."""
    calendar = WorkCalendar.load()
    questions = list(
        Question.objects.open()
        .filter(due_on__gte=day, received_at__date__lt=day)
        .only("pk", "received_at", "due_on")
    )
    changed = []
    for question in questions:
        due_on = question.compute_due_on(calendar)
        if due_on != question.due_on:
            question.due_on = due_on
            changed.append(question)
    Question.objects.bulk_update(changed, ["due_on"], batch_size=500)
    return len(changed)
