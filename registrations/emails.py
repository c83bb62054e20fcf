"""Plain-text emails to an entrant, through the outbox (mail.outbox.send):
written in the transaction that stores the entry, delivered by the worker
after the commit, retried when the mail server fails."""

from django.conf import settings
from django.template.loader import render_to_string

from mail import outbox
from sitecontent.models import SiteProfile

from .models import Entry

# The outbox's kinds of the emails of this app (mail.models.Email.kind).
RECEIPT = "registrations.receipt"
STATUS = "registrations.status"
ERASURE = "registrations.erasure"


def _send(entry, subject, template, context, kind):
    site = SiteProfile.load()
    return outbox.send(
        f"[{site.short_name or site.name}] {subject}",
        render_to_string(template, {"entry": entry, "site": site, **context}),
        [entry.email],
        about=entry,
        kind=kind,
    )


def send_receipt(entry, base_url):
    """The confirmation with the tracking code: part of the registration the
    entrant consented to (core.consent.Purpose.REGISTRATION)."""
    if not entry.email:
        return None
    context = {"lookup_url": base_url + entry.get_lookup_url(), "rows": entry.answer_rows()}
    subject = f"Đã nhận đăng ký “{entry.form.title}” – mã tra cứu {entry.tracking_code}"
    return _send(entry, subject, "registrations/email/receipt.txt", context, RECEIPT)


def send_status_change(entry, base_url):
    """The new status, to an entrant who agreed to notices by email."""
    from core.consent import Purpose

    if not entry.email or not entry.has_consent(Purpose.EMAIL_NOTICE):
        return None
    context = {"lookup_url": base_url + entry.get_lookup_url()}
    subject = f"Hồ sơ {entry.tracking_code}: {entry.get_status_display()}"
    return _send(entry, subject, "registrations/email/status.txt", context, STATUS)


def send_erasure_confirmation(pk, confirm_url):
    """The link that confirms an erasure request, to the address stored with
    the entry (never one the requester typed)."""
    entry = Entry.objects.select_related("form").filter(pk=pk).first()
    if entry is None or not entry.email or entry.is_anonymised:
        return None
    context = {"confirm_url": confirm_url, "hours": settings.REGISTRATIONS_ERASURE_LINK_HOURS}
    subject = f"Xác nhận xoá thông tin cá nhân – đăng ký {entry.tracking_code}"
    return _send(entry, subject, "registrations/email/erasure_confirm.txt", context, ERASURE)
