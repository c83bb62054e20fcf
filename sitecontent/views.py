from django.views.generic import DetailView

from core.views import StaffPreviewMixin

from .models import Page


class PageDetailView(StaffPreviewMixin, DetailView):
    """A THÔNG TIN CHÍNH page; staff who edit pages preview a draft."""

    model = Page

    def public_queryset(self, queryset):
        # Past its end date it leaves the menu and lists, but its address answers.
        return queryset.reachable()
