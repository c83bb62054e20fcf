from django.contrib.auth import get_permission_codename
from django.utils.cache import add_never_cache_headers


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
