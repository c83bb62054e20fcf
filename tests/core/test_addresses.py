from django.urls import reverse as django_reverse
from django.urls import set_script_prefix

from core import addresses


def test_an_address_is_the_one_django_reverses():
    kwargs = {"category_slug": "tin-tuc", "slug": "hoi-nghi"}
    assert addresses.reverse("news:article", kwargs=kwargs) == django_reverse(
        "news:article", kwargs=kwargs
    )
    assert addresses.reverse("qa:lookup") == django_reverse("qa:lookup")


def test_a_new_urlconf_gives_new_addresses(settings):
    before = addresses.reverse("documents:detail", kwargs={"slug": "582-qd-ubnd"})
    settings.ROOT_URLCONF = "tests.core.urls_prefixed"
    assert addresses.reverse("documents:detail", kwargs={"slug": "582-qd-ubnd"}) == "/cu" + before


def test_the_script_prefix_is_part_of_an_address():
    before = addresses.reverse("gallery:album", kwargs={"slug": "dai-hoi"})
    set_script_prefix("/lhh/")
    try:
        assert addresses.reverse("gallery:album", kwargs={"slug": "dai-hoi"}) == "/lhh" + before
    finally:
        set_script_prefix("/")
