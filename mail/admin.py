from django.contrib import admin, messages
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.html import format_html

from core.adminsearch import FoldedSearchMixin

from .models import Email, EmailStatus
from .outbox import queue

# Colours in static/css/admin.css: the site's policy allows no inline style.
STATUS_CLASSES = {
    EmailStatus.PENDING: "email-status",
    EmailStatus.SENDING: "email-status",
    EmailStatus.SENT: "email-status email-status--sent",
    EmailStatus.FAILED: "email-status email-status--failed",
}


@admin.register(Email)
class EmailAdmin(FoldedSearchMixin, admin.ModelAdmin):
    """The outbox: what the site sent, what waits, what failed and why."""

    list_display = [
        "subject",
        "recipients_text",
        "status_label",
        "attempts",
        "created_at",
        "sent_at",
        "about_link",
    ]
    list_filter = ["status", "kind", "created_at"]
    search_fields = ["subject", "recipients", "about_label"]
    date_hierarchy = "created_at"
    list_per_page = 50
    list_select_related = ["about_type"]
    actions = ["send_again"]
    fields = [
        "subject",
        "recipients",
        "from_email",
        "body",
        "status",
        "attempts",
        "last_error",
        "kind",
        "about_link",
        "created_at",
        "next_attempt_at",
        "sent_at",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # Viewing only: an email is what was sent; "Gửi lại" is the action.
        return False

    @admin.display(description="người nhận")
    def recipients_text(self, email):
        return ", ".join(email.recipient_list)

    @admin.display(description="trạng thái", ordering="status")
    def status_label(self, email):
        return format_html(
            '<span class="{}">{}</span>', STATUS_CLASSES[email.status], email.get_status_display()
        )

    @admin.display(description="về")
    def about_link(self, email):
        if not email.about_type_id:
            return email.about_label or "—"
        model = email.about_type
        try:
            url = reverse(f"admin:{model.app_label}_{model.model}_change", args=[email.about_id])
        except NoReverseMatch:
            return email.about_label or "—"
        return format_html('<a href="{}">{}</a>', url, email.about_label or email.about_id)

    def has_resend_permission(self, request):
        return request.user.has_perm("mail.change_email")

    @admin.action(description="Gửi lại các thư đã chọn bị lỗi", permissions=["resend"])
    def send_again(self, request, queryset):
        with transaction.atomic():
            pks = list(queryset.filter(status=EmailStatus.FAILED).values_list("pk", flat=True))
            Email.objects.filter(pk__in=pks).update(
                status=EmailStatus.PENDING, attempts=0, next_attempt_at=timezone.now()
            )
            for pk in pks:
                queue(pk)
        self.message_user(request, f"Đã xếp lại {len(pks)} thư vào hàng gửi.")
        skipped = queryset.count() - len(pks)
        if skipped:
            self.message_user(
                request,
                f"Bỏ qua {skipped} thư không ở trạng thái “Lỗi”.",
                messages.WARNING,
            )
