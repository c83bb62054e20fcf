from django.contrib.auth import get_permission_codename
from django.core import signing
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from .models import PreviewLink
from .tracking import find_by_tracking_code


def may_preview(user, model):
    """Staff who may change `model` in the admin also see what visitors cannot
    yet see of it (a draft, a scheduled article, a hidden organization)."""
    opts = model._meta
    return user.is_staff and user.has_perm(
        f"{opts.app_label}.{get_permission_codename('change', opts)}"
    )


class StaffPreviewMixin:
    """A DetailView of something visitors may not see yet.

    Visitors get `public_queryset()`, so anything else is 404 for them; staff
    who may change the model get the whole queryset. A page of an object
    visitors cannot see is a preview: the template gets `is_preview` for its
    notice, and the response carries never-cache headers, so neither a
    shared cache nor the browser keeps it.

    `public_queryset()` and `is_public()` say the same thing, of a queryset
    and of the one object found: by default, `published()` and
    `is_published`.
    """

    def get_queryset(self):
        queryset = super().get_queryset()
        if may_preview(self.request.user, self.model):
            return queryset
        return self.public_queryset(queryset)

    def public_queryset(self, queryset):
        return queryset.published()

    def is_public(self, obj):
        return obj.is_published

    def get_context_data(self, **kwargs):
        kwargs.setdefault("is_preview", not self.is_public(self.object))
        return super().get_context_data(**kwargs)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if not self.is_public(self.object):
            add_never_cache_headers(response)
        return response


# Preview links for people without an account --------------------------------


def _gone(request, status, title, message):
    response = render(
        request,
        "core/preview_link_gone.html",
        {"title": title, "message": message},
        status=status,
    )
    _private(response)
    return response


def _private(response):
    """Never kept by any cache, never indexed, and the address (which holds
    the token) never sent to another site as a referrer."""
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"


def preview_link(request, token):
    """The pending version of a reviewed item, for whoever holds a link made
    on its admin form (core.models.PreviewLink): the change waiting for
    approval if the item is live, else the item as it is stored, under a
    "Bản xem trước — chưa đăng" banner, in the item's own template. A link
    that was changed or made elsewhere answers 404, an expired or revoked
    one 410, never the content; a live item without a waiting change sends
    the visitor to its public page."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    link = PreviewLink.from_token(token)
    if link is None:
        return _gone(
            request,
            404,
            "Không tìm thấy bản xem trước",
            "Liên kết xem trước này không đúng: có thể địa chỉ bị chép thiếu hoặc bị sửa. "
            "Hãy xin người gửi một liên kết mới.",
        )
    if not link.is_active:
        why = "đã bị thu hồi" if link.revoked_at else "đã hết hạn"
        return _gone(
            request,
            410,
            f"Liên kết xem trước {why}",
            f"Liên kết xem trước này {why} nên không còn cho xem nội dung. "
            "Nếu vẫn cần xem, hãy xin người gửi một liên kết mới.",
        )
    item = link.target
    if item.pending_change is None and item.is_published:
        # Nothing waits: the public page is the version to see.
        return redirect(item.get_absolute_url())
    if item.pending_change is not None:
        for name, value in item.pending_change.items():
            if name in item.review_fields:
                setattr(item, name, value)
    meta = item._meta
    response = render(
        request,
        f"{meta.app_label}/{meta.model_name}_detail.html",
        {
            "object": item,
            meta.model_name: item,
            "is_preview": True,
            "preview_link": link,
            "has_pending_change": item.pending_change is not None,
        },
    )
    _private(response)
    return response


# After a public form (a question, a registration) ----------------------------


@method_decorator(never_cache, name="dispatch")
class TrackingThanksView(TemplateView):
    """The page after sending, showing the tracking code (mã tra cứu).

    The code travels in the address signed with `salt`, so nobody can show
    a made-up code as received; the link works for `max_age` seconds, after
    which (or when forged) `code` is None. Subclasses set `template_name`,
    `salt` and `url_name` (this page's URL name).
    """

    salt = None
    url_name = None
    max_age = 24 * 3600

    @classmethod
    def redirect_for(cls, code):
        token = signing.dumps(code, salt=cls.salt)
        return redirect(f"{reverse(cls.url_name)}?t={token}")

    def get_context_data(self, **kwargs):
        try:
            code = signing.loads(
                self.request.GET.get("t", ""), salt=self.salt, max_age=self.max_age
            )
        except signing.BadSignature:
            code = None
        return super().get_context_data(code=code, **kwargs)


@method_decorator(never_cache, name="dispatch")
class TrackingLookupView(TemplateView):
    """Following what one sent by its tracking code (tra cứu), ?ma=CODE.

    Wrong codes are counted per visitor and, past the hour's limit, the page
    says so (`is_blocked`) without looking; an unknown code is told
    (`not_found_code`); the record found goes to the template under
    `context_object_name`. Subclasses set `template_name`, `form_class` (a
    form with `ma`) and `context_object_name` and define `failure_counter()`
    (a core.spam.HourlyCounter) and `get_queryset()`.
    """

    form_class = None
    context_object_name = None

    def failure_counter(self):
        raise NotImplementedError

    def get_queryset(self):
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if "ma" not in self.request.GET:
            context["form"] = self.form_class()
            return context
        form = self.form_class(self.request.GET)
        context["form"] = form
        failures = self.failure_counter()
        if failures.is_exceeded:
            context["is_blocked"] = True
            return context
        if not form.is_valid():
            return context
        record = find_by_tracking_code(self.get_queryset(), form.cleaned_data["ma"])
        if record is None:
            failures.hit()
            context["not_found_code"] = form.cleaned_data["ma"]
        context[self.context_object_name] = record
        return context
