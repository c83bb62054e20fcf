"""The site's URLconf under a prefix, for tests/core/test_addresses.py."""

from django.urls import include, path

urlpatterns = [path("cu/", include("lhh.urls"))]
