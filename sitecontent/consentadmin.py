"""The consent record (core.consent.ConsentRecord) on the admin page of
what the public sent (a question, a registration): shown, never edited.

An admin inherits `ConsentAdminMixin`, lists `*CONSENT_FIELDS` in its
`readonly_fields` and puts `consent_fieldset(description)` in its fieldsets.
It lives here, not in core, because it links to the privacy notice's
versions (a sitecontent Page), and core imports no app above it.
"""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from .models import Page
from .privacy import PRIVACY_NOTICE_SLUG

CONSENT_FIELDS = [
    "consent_purposes_text",
    "consent_notice_link",
    "consented_at",
    "consent_withdrawn_at",
    "anonymised_at",
]


def consent_fieldset(description):
    return ("Đồng ý xử lý dữ liệu cá nhân", {"description": description, "fields": CONSENT_FIELDS})


class ConsentAdminMixin:
    # What a record kept before consent was recorded per purpose says.
    no_consent_record_text = "—"

    @admin.display(description="mục đích đã đồng ý")
    def consent_purposes_text(self, obj):
        if obj.consented_at is None:
            return self.no_consent_record_text
        return "; ".join(obj.consent_purpose_labels) or "—"

    @admin.display(description="phiên bản chính sách đã hiển thị")
    def consent_notice_link(self, obj):
        """The version of the privacy notice shown, and a link to the
        notice's history, where that version can be read."""
        if not obj.consent_notice_version:
            return "—"
        notice = Page.objects.filter(slug=PRIVACY_NOTICE_SLUG).only("pk").first()
        if notice is None:
            return obj.consent_notice_version
        return format_html(
            '{} · <a href="{}">{}</a>',
            obj.consent_notice_version,
            reverse("admin:sitecontent_page_history", args=[notice.pk]),
            "các phiên bản của chính sách",
        )
