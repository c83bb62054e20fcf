from django.conf import settings
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect
from django.views.generic import CreateView, DetailView, ListView

from core import erasure
from core.erasure import ErasureLinks
from core.paginator import CachedCountMixin
from core.spam import initial_without_captcha, is_honeypot_filled, wants_new_captcha
from core.tracking import find_by_tracking_code, new_tracking_code
from core.views import StaffPreviewMixin, TrackingLookupView, TrackingThanksView
from sitecontent.models import Page

from .emails import send_erasure_confirmation, send_new_question_emails
from .forms import ErasureRequestForm, LookupForm, QuestionForm
from .models import Question, Topic
from .spam import erasure_counter, lookup_failure_counter, question_counter, submitter_hash

THANKS_SALT = "qa.thanks"
ERASURE_SALT = "qa.erase"


class QuestionListView(CachedCountMixin, ListView):
    """The published FAQ (hỏi đáp), newest first, optionally by topic."""

    model = Question
    paginate_by = 10

    def get_queryset(self):
        self.topics = list(Topic.objects.all())
        slug = self.request.GET.get("chu-de", "")
        # A bad or stale ?chu-de= shows everything rather than an error.
        self.topic = next((t for t in self.topics if t.slug == slug), None)
        questions = Question.objects.published().select_related("topic")
        if self.topic:
            questions = questions.filter(topic=self.topic)
        return questions.only(
            "title", "slug", "body", "asker_name", "published_at", "answered_at", "topic"
        )

    def count_key(self):
        return f"qa:topic:{self.topic.pk if self.topic else 'all'}"

    def get_context_data(self, **kwargs):
        return super().get_context_data(topics=self.topics, topic=self.topic, **kwargs)


class QuestionDetailView(StaffPreviewMixin, DetailView):
    model = Question

    def get_queryset(self):
        return super().get_queryset().select_related("topic")

    def is_public(self, obj):
        return obj.is_public

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object.slug != kwargs["slug"]:
            return HttpResponseRedirect(self.object.get_absolute_url())
        return self.render_to_response(self.get_context_data(object=self.object))


class AskView(CreateView):
    """The public question form (đặt câu hỏi)."""

    model = Question
    form_class = QuestionForm

    def post(self, request, *args, **kwargs):
        self.object = None
        if is_honeypot_filled(request):
            # Honeypot filled: a bot. Pretend success, store nothing.
            question_counter(request).hit()
            return ThanksView.redirect_for(new_tracking_code())
        if wants_new_captcha(request):
            # The no-JavaScript "new image" button: same values, new captcha.
            form = self.form_class(initial=initial_without_captcha(request))
            return self.render_to_response(self.get_context_data(form=form))
        form = self.get_form()
        if not form.is_valid():
            return self.form_invalid(form)
        # A place within the hour's limit is taken before the question is
        # stored, in one statement, so concurrent posts cannot pass it.
        if not question_counter(request).take():
            form.add_error(
                None,
                "Bạn đã gửi quá nhiều câu hỏi trong một giờ qua. Vui lòng thử lại sau "
                "khoảng một giờ, hoặc liên hệ Văn phòng qua điện thoại.",
            )
            return self.form_invalid(form)
        return self.form_valid(form)

    def form_valid(self, form):
        question = form.save(commit=False)
        question.submitter_hash = submitter_hash(self.request)
        question.record_consent(form.consented_purposes(), Page.objects.privacy_notice_version())
        base_url = self.request.build_absolute_uri("/").rstrip("/")
        # The question and its emails (in the outbox) are stored together;
        # the worker sends them once this transaction has committed.
        with transaction.atomic():
            question.save()
            send_new_question_emails(question, base_url)
        self.object = question
        return ThanksView.redirect_for(question.tracking_code)


class ThanksView(TrackingThanksView):
    template_name = "qa/thanks.html"
    salt = THANKS_SALT
    url_name = "qa:thanks"


class LookupView(TrackingLookupView):
    """An asker follows a question by its tracking code (tra cứu)."""

    template_name = "qa/lookup.html"
    form_class = LookupForm
    context_object_name = "question"

    def failure_counter(self):
        return lookup_failure_counter(self.request)

    def get_queryset(self):
        return Question.objects.select_related("topic")


ERASURE_LINKS = ErasureLinks(
    salt=ERASURE_SALT, key="q", hours=lambda: settings.QA_ERASURE_LINK_HOURS
)
# The link helpers by their former names (tests and the accessibility check).
email_digest = ERASURE_LINKS.email_digest
erasure_token = ERASURE_LINKS.token


def question_for_erasure(token):
    """(question, state) for a confirmation link (core.erasure.ErasureLinks)."""
    return ERASURE_LINKS.record_for(token, Question.objects.all())


class ErasureRequestView(erasure.ErasureRequestView):
    """Withdraw consent and erase one's details (rút lại đồng ý, xoá thông
    tin): the tracking code and the question's email, then a link sent to
    that email (core.erasure)."""

    template_name = "qa/erasure_request.html"
    form_class = ErasureRequestForm
    links = ERASURE_LINKS
    confirm_url_name = "qa:erasure_confirm"
    mismatch_message = (
        "Mã tra cứu và địa chỉ thư điện tử không khớp với câu hỏi nào. Vui lòng kiểm tra "
        "lại cả hai. Nếu khi gửi câu hỏi bạn không để lại thư điện tử, vui lòng liên hệ "
        "Văn phòng Liên hiệp Hội."
    )

    def erasure_counter(self):
        return erasure_counter(self.request)

    def find_record(self, typed_code):
        return find_by_tracking_code(Question.objects.all(), typed_code)

    def send_confirmation(self, record, confirm_url):
        send_erasure_confirmation(record.pk, confirm_url)


class ErasureConfirmView(erasure.ErasureConfirmView):
    """The emailed link: a page with a button, whose POST erases."""

    template_name = "qa/erasure_confirm.html"
    links = ERASURE_LINKS
    context_object_name = "question"

    def get_queryset(self):
        return Question.objects.all()


def question_detail_fallback(request, pk):
    """/hoi-dap/<id>/ without its slug: send to the canonical address."""
    question = Question.objects.published().filter(pk=pk).first()
    if question is None:
        raise Http404
    return redirect(question, permanent=True)
