from django.views.generic import DetailView

from .models import Page


class PageDetailView(DetailView):
    model = Page

    def get_queryset(self):
        return Page.objects.published()
