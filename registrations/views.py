from django.conf import settings
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import FormView

from core import erasure
from core.erasure import ErasureLinks
from core.spam import (
    HourlyCounter,
    initial_without_captcha,
    is_honeypot_filled,
    submitter_hash,
    wants_new_captcha,
)
from core.tracking import find_by_tracking_code, new_tracking_code
from core.views import TrackingLookupView, TrackingThanksView
from sitecontent.models import Page

from .emails import send_erasure_confirmation, send_receipt
from .forms import CodeForm, EntryForm, ErasureRequestForm
from .models import Entry, EntryFile, RegistrationForm

THANKS_SALT = "registrations.thanks"
ERASURE_SALT = "registrations.erase"


def entry_counter(request):
    return HourlyCounter("register", request, settings.REGISTRATIONS_RATE_LIMIT_PER_HOUR)


def lookup_failure_counter(request):
    return HourlyCounter("reg-lookup-miss", request, settings.QA_LOOKUP_FAILURES_PER_HOUR)


def erasure_counter(request):
    return HourlyCounter("reg-erase", request, settings.QA_ERASURE_REQUESTS_PER_HOUR)


def find_entry(typed):
    return find_by_tracking_code(Entry.objects.select_related("form"), typed)


@method_decorator(never_cache, name="dispatch")
class RegisterView(FormView):
    """The public form (đăng ký trực tuyến) of one RegistrationForm."""

    form_class = EntryForm
    template_name = "registrations/register.html"

    def dispatch(self, request, *args, **kwargs):
        self.registration_form = get_object_or_404(RegistrationForm, slug=kwargs["slug"])
        self.rows = list(self.registration_form.fields.all())
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        return {**kwargs, "registration_form": self.registration_form, "rows": self.rows}

    def get_context_data(self, **kwargs):
        kwargs.setdefault("refusal", self.registration_form.refusal())
        return super().get_context_data(
            registration_form=self.registration_form, privacy_url=self.privacy_url(), **kwargs
        )

    @staticmethod
    def privacy_url():
        from sitecontent.privacy import PRIVACY_NOTICE_SLUG

        return reverse("sitecontent:page", kwargs={"slug": PRIVACY_NOTICE_SLUG})

    def post(self, request, *args, **kwargs):
        if is_honeypot_filled(request):
            # Honeypot filled: a bot. Pretend success, store nothing.
            entry_counter(request).hit()
            return ThanksView.redirect_for(new_tracking_code())
        if wants_new_captcha(request):
            # The no-JavaScript "new image" button: same values, new captcha.
            form = self.form_class(initial=initial_without_captcha(request), **self.form_extra())
            return self.render_to_response(self.get_context_data(form=form))
        form = self.get_form()
        if not form.is_valid():
            return self.form_invalid(form)
        if not entry_counter(request).take():
            form.add_error(
                None,
                "Bạn đã gửi quá nhiều đăng ký trong một giờ qua. Vui lòng thử lại sau khoảng "
                "một giờ, hoặc liên hệ Văn phòng qua điện thoại.",
            )
            return self.form_invalid(form)
        return self.form_valid(form)

    def form_extra(self):
        return {"registration_form": self.registration_form, "rows": self.rows}

    def form_valid(self, form):
        entry = Entry(
            form=self.registration_form,
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            answers=form.answers(),
            submitter_hash=submitter_hash(self.request),
        )
        entry.record_consent(form.consented_purposes(), Page.objects.privacy_notice_version())
        base_url = self.request.build_absolute_uri("/").rstrip("/")
        with transaction.atomic():
            # The form's row is locked until the entry is stored: concurrent
            # registrations take their turn, so the count they see is final
            # and the capacity holds (PostgreSQL; SQLite has one writer).
            locked = RegistrationForm.objects.select_for_update().get(pk=self.registration_form.pk)
            refusal = locked.refusal()
            if refusal is None:
                entry.save()
                for row, upload in form.uploads():
                    stored = EntryFile(
                        entry=entry,
                        field=row,
                        original_name=upload.name.rsplit("/", 1)[-1][:255],
                        size=upload.size,
                    )
                    stored.file.save(upload.name, upload, save=False)
                    stored.save()
                # Stored first; the email waits in the outbox for the commit.
                send_receipt(entry, base_url)
        if refusal is not None:
            # Refused (closed, or full meanwhile): what was typed stays.
            return self.render_to_response(self.get_context_data(form=form, refusal=refusal))
        return ThanksView.redirect_for(entry.tracking_code)


class ThanksView(TrackingThanksView):
    template_name = "registrations/thanks.html"
    salt = THANKS_SALT
    url_name = "registrations:thanks"


class LookupView(TrackingLookupView):
    """An entrant follows their entry by its tracking code (tra cứu)."""

    template_name = "registrations/lookup.html"
    form_class = CodeForm
    context_object_name = "entry"

    def failure_counter(self):
        return lookup_failure_counter(self.request)

    def get_queryset(self):
        return Entry.objects.select_related("form")


ERASURE_LINKS = ErasureLinks(
    salt=ERASURE_SALT, key="r", hours=lambda: settings.REGISTRATIONS_ERASURE_LINK_HOURS
)
# The link helpers by their own names (tests and the accessibility check).
email_digest = ERASURE_LINKS.email_digest
erasure_token = ERASURE_LINKS.token


def entry_for_erasure(token):
    """(entry, state) for a confirmation link (core.erasure.ErasureLinks)."""
    return ERASURE_LINKS.record_for(token, Entry.objects.select_related("form"))


class ErasureRequestView(erasure.ErasureRequestView):
    """Withdraw consent and erase one's details: the code and the entry's
    email, then a link sent to that email (core.erasure)."""

    template_name = "registrations/erasure_request.html"
    form_class = ErasureRequestForm
    links = ERASURE_LINKS
    confirm_url_name = "registrations:erasure_confirm"
    mismatch_message = (
        "Mã tra cứu và địa chỉ thư điện tử không khớp với đăng ký nào. Vui lòng kiểm "
        "tra lại cả hai."
    )

    def erasure_counter(self):
        return erasure_counter(self.request)

    def find_record(self, typed_code):
        return find_entry(typed_code)

    def send_confirmation(self, record, confirm_url):
        send_erasure_confirmation(record.pk, confirm_url)


class ErasureConfirmView(erasure.ErasureConfirmView):
    """The emailed link: a page with a button, whose POST erases."""

    template_name = "registrations/erasure_confirm.html"
    links = ERASURE_LINKS
    context_object_name = "entry"

    def get_queryset(self):
        return Entry.objects.select_related("form")
