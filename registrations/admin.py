from django.contrib import admin, messages
from django.db import transaction
from django.db.models import Count
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from reversion.admin import VersionAdmin

from core.adminsearch import FoldedSearchMixin
from core.spreadsheets import SpreadsheetExportMixin
from sitecontent.consentadmin import CONSENT_FIELDS, ConsentAdminMixin, consent_fieldset

from .emails import send_status_change
from .models import Entry, EntryFile, EntryStatus, FormField, RegistrationForm
from .resources import EntryResource


class FormFieldInline(admin.TabularInline):
    model = FormField
    extra = 0
    fields = ["position", "label", "kind", "is_required", "help_text", "options"]


@admin.register(RegistrationForm)
class RegistrationFormAdmin(FoldedSearchMixin, VersionAdmin):
    list_display = ["title", "closes_at", "capacity", "entry_count_link", "is_open"]
    list_filter = ["is_open"]
    search_fields = ["title"]
    fields = ["title", "slug", "intro", "capacity", "closes_at", "is_open", "public_link"]
    readonly_fields = ["public_link"]
    inlines = [FormFieldInline]
    # Said again here: a GROUP BY query (the entry count) drops Meta.ordering.
    ordering = ["-closes_at", "-pk"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(entry_count=Count("entries"))

    @admin.display(description="số đăng ký", ordering="entry_count")
    def entry_count_link(self, form):
        url = reverse("admin:registrations_entry_changelist") + f"?form__id__exact={form.pk}"
        return format_html('<a href="{}">{}</a>', url, form.entry_count)

    @admin.display(description="trang đăng ký")
    def public_link(self, form):
        if not form.pk:
            return "—"
        return format_html('<a href="{0}">{0}</a>', form.get_absolute_url())


class EntryFileInline(admin.TabularInline):
    """The files sent: staff open them (core.media serves them to staff only)."""

    model = EntryFile
    extra = 0
    fields = ["field", "download", "size_text"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="tệp")
    def download(self, stored):
        return format_html('<a href="{}">{}</a>', stored.file.url, stored.original_name)

    @admin.display(description="dung lượng")
    def size_text(self, stored):
        return filesizeformat(stored.size)


@admin.register(Entry)
class EntryAdmin(ConsentAdminMixin, SpreadsheetExportMixin, FoldedSearchMixin, VersionAdmin):
    """The entries of every form: status, answers, files, consent; exported
    as XLSX or CSV, the list's filters applied."""

    resource_classes = [EntryResource]
    list_display = ["tracking_code", "name", "form", "status", "created_label"]
    list_display_links = ["tracking_code", "name"]
    list_filter = ["status", "form"]
    list_select_related = ["form"]
    search_fields = ["tracking_code", "name", "email"]
    date_hierarchy = "created_at"
    list_per_page = 50
    actions = [f"mark_{status.value}" for status in EntryStatus]
    readonly_fields = [
        "form",
        "tracking_code",
        "created_at",
        "answers_table",
        "lookup_link",
        *CONSENT_FIELDS,
    ]
    fieldsets = [
        ("Đăng ký", {"fields": ["form", "tracking_code", "lookup_link", "created_at"]}),
        ("Người đăng ký", {"fields": ["name", "email"]}),
        ("Câu trả lời", {"fields": ["answers_table"]}),
        (
            "Xét chọn",
            {
                "description": (
                    "Đổi trạng thái sẽ gửi email báo cho người đăng ký nếu họ đồng ý nhận "
                    "email thông báo."
                ),
                "fields": ["status", "note"],
            },
        ),
        consent_fieldset("Ghi lại khi gửi đăng ký (Nghị định 13/2023/NĐ-CP); không sửa được."),
    ]
    inlines = [EntryFileInline]

    def has_add_permission(self, request):
        # Entries come from the public form, with their consent.
        return False

    @admin.display(description="gửi lúc", ordering="created_at")
    def created_label(self, entry):
        return timezone.localtime(entry.created_at).strftime("%d/%m/%Y %H:%M")

    @admin.display(description="các câu trả lời")
    def answers_table(self, entry):
        rows = entry.answer_rows()
        if not rows:
            return "—"
        body = format_html_join(
            "", "<tr><th scope='row'>{}</th><td>{}</td></tr>", ((k, v or "—") for k, v in rows)
        )
        return format_html('<table class="registration-answers"><tbody>{}</tbody></table>', body)

    @admin.display(description="xem như người đăng ký")
    def lookup_link(self, entry):
        return format_html('<a href="{}">{}</a>', entry.get_lookup_url(), "Trang tra cứu")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "status" in form.changed_data:
            base_url = request.build_absolute_uri("/").rstrip("/")
            send_status_change(obj, base_url)

    def _set_status(self, request, queryset, status):
        base_url = request.build_absolute_uri("/").rstrip("/")
        changed = 0
        with transaction.atomic():
            for entry in queryset.select_related("form").exclude(status=status):
                entry.status = status
                entry.save(update_fields=["status", "updated_at"])
                send_status_change(entry, base_url)
                changed += 1
        self.message_user(
            request,
            f"Đã chuyển {changed} đăng ký sang “{EntryStatus(status).label}”.",
            messages.SUCCESS,
        )


def _status_action(status):
    def action(modeladmin, request, queryset):
        modeladmin._set_status(request, queryset, status)

    action.__name__ = f"mark_{status.value}"
    return admin.action(description=f"Chuyển sang “{status.label}”", permissions=["change"])(action)


for _status in EntryStatus:
    setattr(EntryAdmin, f"mark_{_status.value}", _status_action(_status))
