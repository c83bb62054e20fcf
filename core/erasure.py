"""Withdrawing consent and erasing one's details (rút lại đồng ý, xoá thông
tin) from what one sent through a public form (a question, a registration).

The visitor gives the tracking code and the email address they gave; a link
is emailed to that address; the link opens a page with a button (a mail
scanner following the link erases nothing), whose POST erases. Whether the
code or the address was wrong is never told, and requests are counted per
address (each sends an email).

Each app supplies its model (a row with `email`, `is_anonymised` and
`erase_personal_data(withdrawn=True)`, as core.consent.ConsentRecord gives),
how to find a row by its code, its email, templates, URLs and messages, by
subclassing the two views below and making one ErasureLinks.

Past the retention period the details are erased without asking: each app's
anonymise_* command subclasses AnonymiseCommand.
"""

from django.conf import settings
from django.core import signing
from django.core.management.base import BaseCommand
from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView

TOO_MANY_REQUESTS = (
    "Bạn đã gửi quá nhiều yêu cầu trong một giờ qua. Vui lòng thử lại sau khoảng "
    "một giờ, hoặc liên hệ Văn phòng qua điện thoại."
)


class ErasureLinks:
    """The signed confirmation links of one kind of record.

    A token holds the record's id under `key` and a keyed digest of its
    email (so the link names no address), signed with `salt`; it works for
    `hours()` hours and only while the record's address is the one it was
    sent to.
    """

    def __init__(self, *, salt, key, hours):
        self.salt = salt
        self.key = key
        self.hours = hours

    def email_digest(self, email):
        return salted_hmac(self.salt, email.strip().casefold()).hexdigest()[:32]

    def token(self, record):
        return signing.dumps(
            {self.key: record.pk, "e": self.email_digest(record.email)}, salt=self.salt
        )

    def record_for(self, token, queryset):
        """(record, state) for a link: "ok", "done" when already anonymised,
        "invalid" when forged, expired or no longer matching the record's
        address (an edit since the email was sent)."""
        try:
            data = signing.loads(token, salt=self.salt, max_age=self.hours() * 3600)
            record = queryset.filter(pk=int(data[self.key])).first()
            digest = str(data["e"])
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            return None, "invalid"
        if record is None:
            return None, "invalid"
        if record.is_anonymised:
            return record, "done"
        if not record.email or not constant_time_compare(self.email_digest(record.email), digest):
            return None, "invalid"
        return record, "ok"


@method_decorator(never_cache, name="dispatch")
class ErasureRequestView(FormView):
    """The request: a form with `ma` (the code) and `email`. Subclasses set
    `links`, `confirm_url_name`, `mismatch_message` and define
    `erasure_counter()`, `find_record(typed_code)` and
    `send_confirmation(record, confirm_url)`."""

    links = None
    confirm_url_name = None
    mismatch_message = None

    def erasure_counter(self):
        """A core.spam.HourlyCounter of this address's requests."""
        raise NotImplementedError

    def find_record(self, typed_code):
        raise NotImplementedError

    def send_confirmation(self, record, confirm_url):
        raise NotImplementedError

    def form_valid(self, form):
        if not self.erasure_counter().take():
            form.add_error(None, TOO_MANY_REQUESTS)
            return self.form_invalid(form)
        record = self.find_record(form.cleaned_data["ma"])
        if record is not None and record.is_anonymised:
            return self.render_to_response(self.get_context_data(form=form, state="done"))
        email = form.cleaned_data["email"].strip().casefold()
        if record is None or not record.email or record.email.casefold() != email:
            form.add_error(None, self.mismatch_message)
            return self.form_invalid(form)
        confirm_url = self.request.build_absolute_uri(
            f"{reverse(self.confirm_url_name)}?t={self.links.token(record)}"
        )
        self.send_confirmation(record, confirm_url)
        return self.render_to_response(
            self.get_context_data(form=form, state="sent", hours=self.links.hours())
        )


@method_decorator(never_cache, name="dispatch")
class ErasureConfirmView(TemplateView):
    """The emailed link: GET shows the button, POST erases. Subclasses set
    `links` and `context_object_name` and define `get_queryset()`."""

    links = None
    context_object_name = "record"

    def get_queryset(self):
        raise NotImplementedError

    def record_for(self, token):
        return self.links.record_for(token, self.get_queryset())

    def respond(self, record, state, token):
        return self.render_to_response(
            self.get_context_data(**{self.context_object_name: record}, state=state, token=token)
        )

    def get(self, request, *args, **kwargs):
        token = request.GET.get("t", "")
        record, state = self.record_for(token)
        return self.respond(record, state, token)

    def post(self, request, *args, **kwargs):
        token = request.POST.get("t", "")
        record, state = self.record_for(token)
        if state == "ok":
            record.erase_personal_data(withdrawn=True)
            state = "erased"
        return self.respond(record, state, token)


class AnonymiseCommand(BaseCommand):
    """Anonymise what is past its retention period (`--months`, by default
    the setting named `months_setting`), or only count it (`--dry-run`).

    Subclasses set `help`, `model` (whose manager has
    `due_for_anonymisation(months)`), `months_setting`, `noun` (what a row
    is, in words) and `since` (from when the months count, in words).
    """

    model = None
    months_setting = None
    months_help = "Số tháng lưu giữ."
    noun = None
    since = None

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, help=self.months_help)
        parser.add_argument("--dry-run", action="store_true", help="Chỉ đếm, không thay đổi gì.")

    def handle(self, *args, months=None, dry_run=False, **options):
        months = getattr(settings, self.months_setting) if months is None else months
        if months < 1:
            self.stderr.write("Số tháng lưu giữ phải từ 1 trở lên.")
            return
        due = self.model.objects.due_for_anonymisation(months).order_by("pk")
        if dry_run:
            self.stdout.write(
                f"Có {due.count()} {self.noun} sẽ được ẩn danh hoá (quá {months} tháng)."
            )
            return
        # One by one through save(): pages showing a published record are
        # refreshed, and its older versions (which hold the details) deleted.
        count = sum(
            1
            for record in due.iterator(chunk_size=200)
            if record.erase_personal_data(withdrawn=False)
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã ẩn danh hoá {count} {self.noun} (quá {months} tháng {self.since})."
            )
        )
