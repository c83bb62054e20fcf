"""THÔNG TIN CHÍNH pages, and the English section (NĐ 42/2022 Điều 7).

The English section is a small URL prefix, /en/, with the introduction
pages whose English text staff wrote beside the Vietnamese (Page.title_en,
body_en…). Its views render with Django's translation machinery switched to
English (dates, the language the templates and the sitemap ask for), and its
templates extend the same base.html, overriding its header, footer and
side-column blocks. The rest of the site stays Vietnamese, so no
i18n_patterns or LocaleMiddleware: they would offer every address in
English, or pick the language from the visitor's browser.
"""

from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.utils import translation
from django.views.generic import DetailView, TemplateView

from core.addresses import reverse
from core.views import StaffPreviewMixin

from .models import ContactPoint, Page


def language_links(request, vi_url, en_url):
    """The same page in Vietnamese and in English: the header's language
    switch, and the `hreflang` alternates that name both, absolute."""
    return {
        "vi_url": vi_url,
        "en_url": en_url,
        "alternates": [
            ("vi", request.build_absolute_uri(vi_url)),
            ("en", request.build_absolute_uri(en_url)),
        ],
    }


class ContactsMixin:
    """The leaders, contact officials and organisation chart a page shows
    (Page.contact_list), in one query."""

    def get_context_data(self, **kwargs):
        if self.object.contact_list:
            kwargs.setdefault("contacts", ContactPoint.objects.directory())
        return super().get_context_data(**kwargs)


class PageDetailView(ContactsMixin, StaffPreviewMixin, DetailView):
    """A THÔNG TIN CHÍNH page; staff who edit pages preview a draft."""

    model = Page

    def public_queryset(self, queryset):
        # Past its end date it leaves the menu and lists, but its address answers.
        return queryset.reachable()

    def get_context_data(self, **kwargs):
        page = self.object
        if page.is_translated:
            kwargs.update(language_links(self.request, self.request.path, page.get_english_url()))
        return super().get_context_data(**kwargs)


class EnglishMixin:
    """A view of the English section, rendered in English."""

    def dispatch(self, request, *args, **kwargs):
        with translation.override("en"):
            response = super().dispatch(request, *args, **kwargs)
            # Rendered here, while English is on, not later by a decorator.
            if hasattr(response, "render"):
                response.render()
        return response


class EnglishHomeView(EnglishMixin, TemplateView):
    """/en/: the association in a few lines, and its English pages."""

    template_name = "sitecontent/english/home.html"

    def get_context_data(self, **kwargs):
        kwargs.update(language_links(self.request, reverse("lhh:home"), self.request.path))
        return super().get_context_data(**kwargs)


class EnglishPageView(EnglishMixin, ContactsMixin, StaffPreviewMixin, DetailView):
    """/en/<slug>/: a page's English text, found by its English slug. A page
    not translated yet is found by its Vietnamese slug and shows its
    Vietnamese text with a note (never a 404 for a page that exists)."""

    model = Page
    template_name = "sitecontent/english/page_detail.html"

    def public_queryset(self, queryset):
        return queryset.reachable()

    def get_object(self, queryset=None):
        slug = self.kwargs["slug"]
        queryset = self.get_queryset() if queryset is None else queryset
        found = list(queryset.filter(Q(slug_en=slug) | Q(slug=slug))[:2])
        # The English slug wins over another page's Vietnamese one.
        found.sort(key=lambda page: page.slug_en != slug)
        if not found:
            raise Http404("No page here.")
        return found[0]

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        english_url = self.object.get_english_url()
        if english_url != request.path:
            # A translated page asked for by its Vietnamese slug.
            return redirect(english_url, permanent=True)
        context = self.get_context_data(object=self.object)
        return self.render_to_response(context)

    def get_context_data(self, **kwargs):
        page = self.object
        kwargs["is_fallback"] = not page.is_translated
        if page.is_translated:
            kwargs.update(language_links(self.request, page.get_absolute_url(), self.request.path))
        else:
            # Not a translation: the Vietnamese page is the one to index.
            kwargs.update(vi_url=page.get_absolute_url(), en_url=self.request.path)
        return super().get_context_data(**kwargs)
