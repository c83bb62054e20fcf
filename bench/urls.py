from django.http import HttpResponse
from django.urls import path

from lhh.urls import urlpatterns as site_urlpatterns


def floor(request):
    """The trivial view every page's throughput is compared with."""
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("bench/floor/", floor, name="bench_floor"), *site_urlpatterns]
