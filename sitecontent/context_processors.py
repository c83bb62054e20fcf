from .models import SiteProfile


def site(request):
    """The association's profile, for every page's header and footer."""
    return {"site": SiteProfile.load()}
