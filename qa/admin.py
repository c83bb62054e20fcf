import csv
from datetime import timedelta

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import format_html
from reversion.admin import VersionAdmin

from core.adminsearch import FoldedSearchMixin
from core.spreadsheets import SpreadsheetExportMixin
from core.text import WEEKDAYS
from medialibrary.widgets import LibraryEditorMixin
from sitecontent.consentadmin import CONSENT_FIELDS, ConsentAdminMixin, consent_fieldset

from .emails import send_to_asker
from .models import (
    OPEN_STATUSES,
    CalendarDay,
    Question,
    QuestionStatus,
    Topic,
    public_holidays,
    reschedule_open_questions,
)
from .resources import QuestionResource


def person_name(user):
    """A staff member as colleagues know them: full name, else username."""
    return user.get_full_name() or user.get_username()


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return person_name(user)


class AssigneeFilter(admin.RelatedOnlyFieldListFilter):
    """The people questions are assigned to, by name."""

    def field_choices(self, field, request, model_admin):
        assigned = model_admin.get_queryset(request).values("assignee")
        users = get_user_model().objects.filter(pk__in=assigned)
        return sorted(((user.pk, person_name(user)) for user in users), key=lambda c: c[1])


@admin.register(Topic)
class TopicAdmin(FoldedSearchMixin, VersionAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name"]
    fields = ["name", "slug", "order"]


class OverdueFilter(admin.SimpleListFilter):
    title = "hạn trả lời"
    parameter_name = "han"

    def lookups(self, request, model_admin):
        return [
            ("qua-han", "Quá hạn"),
            ("sap-den-han", "Đến hạn trong 3 ngày"),
            ("trong-tuan", "Đến hạn trong tuần này"),
            ("con-han", "Còn hạn"),
        ]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "qua-han":
            return queryset.overdue()
        if self.value() == "sap-den-han":
            return queryset.open().filter(due_on__gte=today, due_on__lte=today + timedelta(days=3))
        if self.value() == "trong-tuan":
            # The working week ends on Sunday; overdue questions are not "due".
            sunday = today + timedelta(days=6 - today.weekday())
            return queryset.open().filter(due_on__gte=today, due_on__lte=sunday)
        if self.value() == "con-han":
            return queryset.open().filter(due_on__gte=today)
        return queryset


STATUS_CLASSES = {
    QuestionStatus.NEW: "qa-badge--new",
    QuestionStatus.IN_PROGRESS: "qa-badge--progress",
    QuestionStatus.ANSWERED: "qa-badge--answered",
    QuestionStatus.REJECTED: "qa-badge--closed",
    QuestionStatus.SPAM: "qa-badge--closed",
}


class EmailFilter(admin.SimpleListFilter):
    """What happened to the email to the asker, as recorded by qa.emails."""

    title = "email cho người hỏi"
    parameter_name = "email"

    def lookups(self, request, model_admin):
        return [
            ("da-gui", "Đã gửi"),
            ("loi", "Gửi không được"),
            ("chua-gui", "Chưa gửi"),
            ("khong-co", "Không có địa chỉ email"),
        ]

    def queryset(self, request, queryset):
        with_email = queryset.exclude(email="")
        if self.value() == "da-gui":
            return with_email.filter(is_email_sent=True)
        if self.value() == "loi":
            return with_email.filter(is_email_sent=False).exclude(email_error="")
        if self.value() == "chua-gui":
            return with_email.filter(is_email_sent=False, email_error="")
        if self.value() == "khong-co":
            return queryset.filter(email="")
        return queryset


@admin.register(Question)
class QuestionAdmin(
    ConsentAdminMixin, SpreadsheetExportMixin, LibraryEditorMixin, FoldedSearchMixin, VersionAdmin
):
    """The Q&A officer's desk: the queue, deadlines, answering and publishing."""

    no_consent_record_text = (
        "Không có bản ghi (câu hỏi gửi trước khi ghi nhận đồng ý theo từng mục đích)"
    )

    # Xuất: the list, as filtered, for reports (no asker's personal data).
    resource_classes = [QuestionResource]

    list_display = [
        "tracking_code",
        "title",
        "status_label",
        "received_label",
        "due_label",
        "assignee_name",
        "is_published_as_faq",
        "email_label",
    ]
    list_display_links = ["tracking_code", "title"]
    list_editable = ["is_published_as_faq"]
    list_filter = [
        "status",
        OverdueFilter,
        "topic",
        ("assignee", AssigneeFilter),
        "is_published_as_faq",
        EmailFilter,
    ]
    list_select_related = ["assignee"]
    search_fields = ["tracking_code", "title", "asker_name", "email", "phone"]
    date_hierarchy = "received_at"
    list_per_page = 50
    readonly_fields = [
        "tracking_code",
        "received_at",
        "due_on",
        "days_left_text",
        "answered_by",
        "answered_at",
        "published_at",
        "email_state",
        "email_error",
        "lookup_link",
        *CONSENT_FIELDS,
    ]
    fieldsets = [
        ("Câu hỏi", {"fields": ["tracking_code", "lookup_link", "topic", "title", "body"]}),
        ("Người hỏi", {"fields": ["asker_name", "email", "phone", "address", "received_at"]}),
        (
            "Xử lý",
            {"fields": ["status", "assignee", "due_on", "days_left_text", "internal_note"]},
        ),
        (
            "Trả lời",
            {
                "description": (
                    "Lưu câu trả lời sẽ chuyển câu hỏi sang “Đã trả lời” và gửi email báo "
                    "cho người hỏi (nếu có địa chỉ email)."
                ),
                "fields": [
                    "answer",
                    "answered_by",
                    "answered_at",
                    "is_published_as_faq",
                    "published_at",
                ],
            },
        ),
        ("Email cho người hỏi", {"fields": ["email_state", "email_error"]}),
        consent_fieldset(
            "Ghi lại khi người hỏi gửi câu hỏi (Nghị định 13/2023/NĐ-CP); không sửa được."
        ),
    ]
    actions = [
        "take_over",
        "publish_as_faq",
        "unpublish",
        "mark_as_spam",
        "resend_email",
        "export_consent",
    ]

    class Media:
        css = {"all": ["css/qa.css"]}

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "assignee":
            kwargs["queryset"] = get_user_model().objects.filter(is_staff=True, is_active=True)
            kwargs["form_class"] = StaffChoiceField
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description="trạng thái", ordering="status")
    def status_label(self, question):
        return format_html(
            '<span class="qa-badge {}">{}</span>',
            STATUS_CLASSES.get(question.status, ""),
            question.get_status_display(),
        )

    @admin.display(description="tiếp nhận", ordering="received_at")
    def received_label(self, question):
        return timezone.localtime(question.received_at).strftime("%d/%m/%Y")

    @admin.display(description="hạn trả lời", ordering="due_on")
    def due_label(self, question):
        days = question.days_left()
        date = question.due_on.strftime("%d/%m/%Y") if question.due_on else ""
        if days is None:
            return date
        if days < 0:
            css, text = "qa-badge--overdue", f"quá hạn {-days} ngày"
        elif days == 0:
            css, text = "qa-badge--soon", "đến hạn hôm nay"
        elif days <= 3:
            css, text = "qa-badge--soon", f"còn {days} ngày"
        else:
            css, text = "qa-badge--ok", f"còn {days} ngày"
        return format_html('{}<br><span class="qa-badge {}">{}</span>', date, css, text)

    @admin.display(description="cán bộ được giao", ordering="assignee__first_name")
    def assignee_name(self, question):
        return person_name(question.assignee) if question.assignee else "—"

    @admin.display(description="email")
    def email_label(self, question):
        if not question.email:
            return "—"
        if not question.may_email_asker():
            return "không nhận email"
        if question.is_email_sent:
            return format_html('<span class="qa-badge qa-badge--answered">{}</span>', "đã gửi")
        if question.email_error:
            return format_html('<span class="qa-badge qa-badge--overdue">{}</span>', "lỗi")
        return "chưa gửi"

    @admin.display(description="tình trạng")
    def email_state(self, question):
        # is_email_sent is set only when the last email to the asker left
        # (qa.emails._mark); a failure leaves the error beside it.
        if not question.email:
            return "Không có địa chỉ email"
        if not question.may_email_asker():
            return "Người hỏi không đồng ý nhận email thông báo"
        if question.is_email_sent:
            return "Đã gửi email cho người hỏi"
        if question.email_error:
            return format_html('<strong class="errornote">{}</strong>', "Gửi email không được")
        return "Chưa gửi email"

    @admin.display(description="thời hạn")
    def days_left_text(self, question):
        days = question.days_left()
        if days is None:
            return "—"
        return f"Quá hạn {-days} ngày" if days < 0 else f"Còn {days} ngày"

    @admin.display(description="trang tra cứu")
    def lookup_link(self, question):
        if not question.pk:
            return "—"
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>',
            question.get_lookup_url(),
            "Xem như người hỏi",
        )

    def save_model(self, request, obj, form, change):
        has_answer = bool(obj.answer and obj.answer.strip())
        if has_answer and obj.status in OPEN_STATUSES:
            obj.status = QuestionStatus.ANSWERED
        is_newly_answered = obj.status == QuestionStatus.ANSWERED and obj.answered_at is None
        if is_newly_answered:
            obj.answered_at = timezone.now()
            obj.answered_by = request.user
        is_newly_rejected = obj.status == QuestionStatus.REJECTED and "status" in form.changed_data
        super().save_model(request, obj, form, change)
        if (is_newly_answered or is_newly_rejected) and obj.may_email_asker():
            # Written in the admin's transaction, sent by the worker after it.
            base_url = request.build_absolute_uri("/").rstrip("/")
            if send_to_asker(obj, base_url):
                self.message_user(
                    request,
                    f"Email báo kết quả tới {obj.email} đã vào hàng gửi (xem mục Thư đi).",
                )

    @admin.action(description="Nhận xử lý (giao cho tôi, chuyển “Đang xử lý”)")
    def take_over(self, request, queryset):
        count = queryset.filter(status=QuestionStatus.NEW).update(
            status=QuestionStatus.IN_PROGRESS, assignee=request.user
        )
        self.message_user(request, f"Đã nhận xử lý {count} câu hỏi.")

    @admin.action(description="Đăng lên mục Hỏi đáp")
    def publish_as_faq(self, request, queryset):
        count = 0
        for question in queryset.filter(status=QuestionStatus.ANSWERED).exclude(answer=""):
            if not question.is_published_as_faq:
                question.is_published_as_faq = True
                question.save()
                count += 1
        skipped = queryset.count() - queryset.filter(status=QuestionStatus.ANSWERED).count()
        self.message_user(request, f"Đã đăng {count} câu hỏi lên mục Hỏi đáp.")
        if skipped:
            self.message_user(
                request,
                f"Bỏ qua {skipped} câu hỏi chưa được trả lời.",
                messages.WARNING,
            )

    @admin.action(description="Gỡ khỏi mục Hỏi đáp (chỉ trả lời riêng)")
    def unpublish(self, request, queryset):
        # The update() refreshes the caches and the search index by itself
        # (core.models.ContentQuerySet): hidden means hidden on the next request.
        count = queryset.filter(is_published_as_faq=True).update(is_published_as_faq=False)
        self.message_user(request, f"Đã gỡ {count} câu hỏi khỏi mục Hỏi đáp.")

    @admin.action(description="Đánh dấu là thư rác (Spam)")
    def mark_as_spam(self, request, queryset):
        count = queryset.update(status=QuestionStatus.SPAM, is_published_as_faq=False)
        self.message_user(request, f"Đã đánh dấu {count} câu hỏi là thư rác.")

    @admin.action(description="Gửi lại email cho người hỏi")
    def resend_email(self, request, queryset):
        base_url = request.build_absolute_uri("/").rstrip("/")
        count = 0
        with transaction.atomic():
            for question in queryset.exclude(email="").exclude(status=QuestionStatus.SPAM):
                # send_to_asker() skips an asker who did not agree to emails,
                # or withdrew.
                if send_to_asker(question, base_url):
                    count += 1
        self.message_user(
            request,
            f"Đã xếp {count} email vào hàng gửi lại; xem tình trạng ở cột “email”.",
        )

    @admin.action(description="Xuất bản ghi đồng ý (CSV)")
    def export_consent(self, request, queryset):
        """The consent records of the chosen questions, for an inspection or
        the asker: what was agreed to, under which notice, and when."""
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="ban-ghi-dong-y.csv"'
        # A BOM, so that Excel reads the Vietnamese as UTF-8.
        response.write("\ufeff")
        writer = csv.writer(response)
        writer.writerow(CONSENT_COLUMNS)
        for question in queryset.order_by("received_at").iterator():
            writer.writerow(consent_row(question))
        return response


CONSENT_COLUMNS = [
    "Mã tra cứu",
    "Tiêu đề",
    "Tiếp nhận lúc",
    "Mục đích đã đồng ý",
    "Mã mục đích",
    "Phiên bản chính sách",
    "Đồng ý lúc",
    "Rút lại đồng ý lúc",
    "Ẩn danh hoá lúc",
]


def local_time(value):
    return timezone.localtime(value).strftime("%d/%m/%Y %H:%M:%S") if value else ""


def consent_row(question):
    return [
        question.tracking_code,
        question.title,
        local_time(question.received_at),
        "; ".join(question.consent_purpose_labels),
        " ".join(question.consent_purposes),
        question.consent_notice_version,
        local_time(question.consented_at),
        local_time(question.consent_withdrawn_at),
        local_time(question.anonymised_at),
    ]


@admin.register(CalendarDay)
class CalendarDayAdmin(admin.ModelAdmin):
    """Extra days off and make-up working days (ngày làm bù): the public
    holidays themselves come from the `holidays` library."""

    list_display = ["day_on", "weekday", "kind", "note"]
    list_filter = ["kind"]
    date_hierarchy = "day_on"
    fields = ["day_on", "kind", "note"]

    def changelist_view(self, request, extra_context=None):
        year = timezone.localdate().year
        names = sorted(public_holidays(year).items())
        extra_context = {
            **(extra_context or {}),
            "subtitle": "Ngày lễ, Tết năm {}: {}".format(
                year, "; ".join(f"{day:%d/%m} {name}" for day, name in names)
            ),
        }
        return super().changelist_view(request, extra_context)

    @admin.display(description="thứ")
    def weekday(self, day):
        return WEEKDAYS[day.day_on.weekday()]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        self.message_user(
            request,
            "Hạn trả lời của các câu hỏi đang xử lý đã được tính lại theo lịch mới.",
        )

    def delete_queryset(self, request, queryset):
        # A bulk delete calls no model delete(): the deadlines are counted here.
        first = min(queryset.values_list("day_on", flat=True), default=None)
        super().delete_queryset(request, queryset)
        if first is not None:
            reschedule_open_questions(first)
