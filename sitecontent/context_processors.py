from django.utils.functional import SimpleLazyObject

from .models import Page, SiteProfile


def site(request):
    """The association's profile, for every page's header and footer, and
    the English section's pages, for its menu; each read only by a page
    that shows it (the admin's screens do not)."""
    return {
        "site": SimpleLazyObject(SiteProfile.load),
        "english_pages": SimpleLazyObject(lambda: list(Page.objects.english_menu())),
    }
