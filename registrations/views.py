from django.conf import settings
from django.core import signing
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView

from core.spam import (
    HourlyCounter,
    initial_without_captcha,
    is_honeypot_filled,
    submitter_hash,
    wants_new_captcha,
)
from core.tracking import is_valid_tracking_code, new_tracking_code, normalize_tracking_code
from sitecontent.models import Page

from .emails import send_erasure_confirmation, send_receipt
from .forms import CodeForm, EntryForm, ErasureRequestForm
from .models import Entry, EntryFile, RegistrationForm

THANKS_SALT = "registrations.thanks"
THANKS_MAX_AGE = 24 * 3600
ERASURE_SALT = "registrations.erase"


def entry_counter(request):
    return HourlyCounter("register", request, settings.REGISTRATIONS_RATE_LIMIT_PER_HOUR)


def lookup_failure_counter(request):
    return HourlyCounter("reg-lookup-miss", request, settings.QA_LOOKUP_FAILURES_PER_HOUR)


def erasure_counter(request):
    return HourlyCounter("reg-erase", request, settings.QA_ERASURE_REQUESTS_PER_HOUR)


def find_entry(typed):
    code = normalize_tracking_code(typed)
    if not is_valid_tracking_code(code):
        return None
    return Entry.objects.select_related("form").filter(tracking_code=code).first()


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
            return thanks_redirect(new_tracking_code())
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
        return thanks_redirect(entry.tracking_code)


def thanks_redirect(code):
    token = signing.dumps(code, salt=THANKS_SALT)
    return redirect(f"{reverse('registrations:thanks')}?t={token}")


@method_decorator(never_cache, name="dispatch")
class ThanksView(TemplateView):
    template_name = "registrations/thanks.html"

    def get_context_data(self, **kwargs):
        try:
            code = signing.loads(
                self.request.GET.get("t", ""), salt=THANKS_SALT, max_age=THANKS_MAX_AGE
            )
        except signing.BadSignature:
            code = None
        return super().get_context_data(code=code, **kwargs)


@method_decorator(never_cache, name="dispatch")
class LookupView(TemplateView):
    """An entrant follows their entry by its tracking code (tra cứu)."""

    template_name = "registrations/lookup.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if "ma" not in self.request.GET:
            context["form"] = CodeForm()
            return context
        form = CodeForm(self.request.GET)
        context["form"] = form
        failures = lookup_failure_counter(self.request)
        if failures.is_exceeded:
            context["is_blocked"] = True
            return context
        if not form.is_valid():
            return context
        entry = find_entry(form.cleaned_data["ma"])
        if entry is None:
            failures.hit()
            context["not_found_code"] = form.cleaned_data["ma"]
        context["entry"] = entry
        return context


def email_digest(email):
    """A keyed digest of an address, so that the link names none."""
    return salted_hmac(ERASURE_SALT, email.strip().casefold()).hexdigest()[:32]


def erasure_token(entry):
    return signing.dumps({"r": entry.pk, "e": email_digest(entry.email)}, salt=ERASURE_SALT)


def entry_for_erasure(token):
    """(entry, state): "ok", "done" when anonymised already, "invalid" when
    forged, expired or no longer matching the entry's address."""
    try:
        data = signing.loads(
            token, salt=ERASURE_SALT, max_age=settings.REGISTRATIONS_ERASURE_LINK_HOURS * 3600
        )
        entry = Entry.objects.select_related("form").filter(pk=int(data["r"])).first()
        digest = str(data["e"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None, "invalid"
    if entry is None:
        return None, "invalid"
    if entry.is_anonymised:
        return entry, "done"
    if not entry.email or not constant_time_compare(email_digest(entry.email), digest):
        return None, "invalid"
    return entry, "ok"


@method_decorator(never_cache, name="dispatch")
class ErasureRequestView(FormView):
    """Withdraw consent and erase one's details: the code and the entry's
    email, then a link sent to that email. Which of the two was wrong is
    never told."""

    template_name = "registrations/erasure_request.html"
    form_class = ErasureRequestForm

    def form_valid(self, form):
        if not erasure_counter(self.request).take():
            form.add_error(
                None,
                "Bạn đã gửi quá nhiều yêu cầu trong một giờ qua. Vui lòng thử lại sau khoảng "
                "một giờ, hoặc liên hệ Văn phòng qua điện thoại.",
            )
            return self.form_invalid(form)
        entry = find_entry(form.cleaned_data["ma"])
        if entry is not None and entry.is_anonymised:
            return self.render_to_response(self.get_context_data(form=form, state="done"))
        email = form.cleaned_data["email"].strip().casefold()
        if entry is None or not entry.email or entry.email.casefold() != email:
            form.add_error(
                None,
                "Mã tra cứu và địa chỉ thư điện tử không khớp với đăng ký nào. Vui lòng kiểm "
                "tra lại cả hai.",
            )
            return self.form_invalid(form)
        confirm_url = self.request.build_absolute_uri(
            f"{reverse('registrations:erasure_confirm')}?t={erasure_token(entry)}"
        )
        send_erasure_confirmation(entry.pk, confirm_url)
        return self.render_to_response(
            self.get_context_data(
                form=form, state="sent", hours=settings.REGISTRATIONS_ERASURE_LINK_HOURS
            )
        )


@method_decorator(never_cache, name="dispatch")
class ErasureConfirmView(TemplateView):
    """The emailed link: a page with a button (a mail scanner following the
    link erases nothing), whose POST erases."""

    template_name = "registrations/erasure_confirm.html"

    def get(self, request, *args, **kwargs):
        token = request.GET.get("t", "")
        entry, state = entry_for_erasure(token)
        return self.render_to_response(self.get_context_data(entry=entry, state=state, token=token))

    def post(self, request, *args, **kwargs):
        token = request.POST.get("t", "")
        entry, state = entry_for_erasure(token)
        if state == "ok":
            entry.erase_personal_data(withdrawn=True)
            state = "erased"
        return self.render_to_response(self.get_context_data(entry=entry, state=state, token=token))
