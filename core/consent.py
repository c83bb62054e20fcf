"""Consent to the processing of personal data, recorded with each submission
(NĐ 13/2023 Điều 11, Luật 91/2025/QH15): which purposes the person agreed
to, the version of the privacy notice they were shown, and when; later, when
they withdrew it and when their data was anonymised.

The purposes are listed here once, so every public form that takes personal
data (the Q&A form now, registrations and the like later) asks for and
records the same ones. A model keeps the record by inheriting
`ConsentRecord`; its form by inheriting `ConsentFormMixin`.
"""

from django.db import models
from django.utils import timezone


class Purpose(models.TextChoices):
    """What personal data is used for (mục đích xử lý)."""

    QA_ANSWER = "qa-answer", "Xử lý câu hỏi và trả lời"
    EMAIL_NOTICE = "email-notice", "Gửi email thông báo"
    REGISTRATION = "registration", "Xử lý đăng ký dự thi, dự sự kiện"


def purpose_labels(purposes):
    """The purposes a record holds, in words; an unknown value as it is."""
    labels = dict(Purpose.choices)
    return [labels.get(value, value) for value in purposes]


class ConsentRecord(models.Model):
    """What a person consented to, with their submission.

    `personal_fields` names the fields that hold personal data and
    `anonymised_values` what each becomes once anonymised (a field that
    must not be empty gets a placeholder); everything else is kept.
    """

    consent_purposes = models.JSONField(
        "mục đích đã đồng ý", default=list, blank=True, editable=False
    )
    consent_notice_version = models.CharField(
        "phiên bản chính sách đã hiển thị",
        max_length=40,
        blank=True,
        editable=False,
        help_text="Thời điểm cập nhật của trang chính sách bảo vệ dữ liệu cá nhân lúc gửi.",
    )
    consented_at = models.DateTimeField("đồng ý lúc", null=True, blank=True, editable=False)
    consent_withdrawn_at = models.DateTimeField(
        "rút lại đồng ý lúc", null=True, blank=True, editable=False
    )
    anonymised_at = models.DateTimeField("ẩn danh hoá lúc", null=True, blank=True, editable=False)

    personal_fields = ()
    anonymised_values = {}

    class Meta:
        abstract = True

    def record_consent(self, purposes, notice_version, at=None):
        self.consent_purposes = [str(purpose) for purpose in purposes]
        self.consent_notice_version = notice_version or ""
        self.consented_at = at or timezone.now()

    def has_consent(self, purpose):
        """Consented to `purpose` and not withdrawn since."""
        return self.consent_withdrawn_at is None and str(purpose) in self.consent_purposes

    @property
    def is_anonymised(self):
        return self.anonymised_at is not None

    @property
    def consent_purpose_labels(self):
        return purpose_labels(self.consent_purposes)

    def anonymise(self, *, withdrawn=False, at=None):
        """Blank the personal fields (the caller saves); a withdrawal is
        recorded as such, an anonymisation after the retention period is not."""
        at = at or timezone.now()
        for name in self.personal_fields:
            setattr(self, name, self.anonymised_values.get(name, ""))
        self.anonymised_at = at
        if withdrawn:
            self.consent_withdrawn_at = at


class ConsentFormMixin:
    """A form asking for consent, one checkbox per purpose.

    The form declares `consent_fields`: its BooleanField names mapped to the
    purposes they stand for. A required field is a purpose the form cannot
    do without; the others are optional choices.
    """

    consent_fields = {}

    def consented_purposes(self):
        return [
            purpose for name, purpose in self.consent_fields.items() if self.cleaned_data.get(name)
        ]


def months_before(moment, months):
    """The same day and time `months` months earlier (the last day of a
    shorter month: 31/03 less one month is 28 or 29/02)."""
    import calendar

    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)
