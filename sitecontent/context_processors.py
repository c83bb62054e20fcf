from django.utils.functional import SimpleLazyObject

from .models import SiteProfile


def site(request):
    """The association's profile, for every page's header and footer; read
    only by a page that shows it (the admin's screens do not)."""
    return {"site": SimpleLazyObject(SiteProfile.load)}
