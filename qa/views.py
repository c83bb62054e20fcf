from django.core import signing
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import CreateView, DetailView, ListView, TemplateView

from core.paginator import CachedCountMixin
from core.views import StaffPreviewMixin

from .emails import send_new_question_emails
from .forms import LookupForm, QuestionForm
from .models import (
    Question,
    Topic,
    is_valid_tracking_code,
    new_tracking_code,
    normalize_tracking_code,
)
from .spam import lookup_failure_counter, question_counter, submitter_hash

THANKS_SALT = "qa.thanks"
THANKS_MAX_AGE = 24 * 3600


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
        if request.POST.get("website"):
            # Honeypot filled: a bot. Pretend success, store nothing.
            question_counter(request).hit()
            return self.thanks_redirect(new_tracking_code())
        if request.POST.get("refresh_captcha"):
            # The no-JavaScript "new image" button: same values, new captcha.
            data = request.POST.copy()
            for key in ("captcha_0", "captcha_1", "csrfmiddlewaretoken", "refresh_captcha"):
                data.pop(key, None)
            return self.render_to_response(
                self.get_context_data(form=self.form_class(initial=data.dict()))
            )
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
        base_url = self.request.build_absolute_uri("/").rstrip("/")
        # The question and its emails (in the outbox) are stored together;
        # the worker sends them once this transaction has committed.
        with transaction.atomic():
            question.save()
            send_new_question_emails(question, base_url)
        self.object = question
        return self.thanks_redirect(question.tracking_code)

    @staticmethod
    def thanks_redirect(code):
        token = signing.dumps(code, salt=THANKS_SALT)
        return redirect(f"{reverse('qa:thanks')}?t={token}")


@method_decorator(never_cache, name="dispatch")
class ThanksView(TemplateView):
    template_name = "qa/thanks.html"

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
    """An asker follows a question by its tracking code (tra cứu)."""

    template_name = "qa/lookup.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if "ma" not in self.request.GET:
            context["form"] = LookupForm()
            return context
        form = LookupForm(self.request.GET)
        context["form"] = form
        failures = lookup_failure_counter(self.request)
        if failures.is_exceeded:
            context["is_blocked"] = True
            return context
        if not form.is_valid():
            return context
        code = normalize_tracking_code(form.cleaned_data["ma"])
        question = None
        if is_valid_tracking_code(code):
            question = Question.objects.select_related("topic").filter(tracking_code=code).first()
        if question is None:
            failures.hit()
            context["not_found_code"] = form.cleaned_data["ma"]
        context["question"] = question
        return context


def question_detail_fallback(request, pk):
    """/hoi-dap/<id>/ without its slug: send to the canonical address."""
    question = Question.objects.published().filter(pk=pk).first()
    if question is None:
        raise Http404
    return redirect(question, permanent=True)
