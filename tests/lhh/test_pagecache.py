import pytest
from django.test import Client

from lhh.models import SiteProfile, VisitDay

from .factories import LinkFactory

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36"


def test_a_cached_home_page_costs_no_query(client, django_assert_num_queries):
    first = client.get("/").content.decode()
    with django_assert_num_queries(0):
        again = client.get("/").content.decode()
    assert again == first


def test_the_counter_on_a_cached_page_is_live():
    SiteProfile(visit_base=1000).save()
    Client(HTTP_USER_AGENT=BROWSER).get("/")
    html = Client(HTTP_USER_AGENT=BROWSER).get("/").content.decode()
    assert 'data-counter="total">1.002<' in html
    assert VisitDay.objects.get().count == 2


def test_an_edit_shows_at_once_on_the_cached_home_page(client):
    client.get("/")
    LinkFactory(title="Sở Giáo dục và Đào tạo")
    assert "Sở Giáo dục và Đào tạo" in client.get("/").content.decode()


def test_staff_always_get_a_fresh_page(client, staff_user, django_assert_max_num_queries):
    client.get("/")
    client.force_login(staff_user)
    html = client.get("/").content.decode()
    assert "csrfmiddlewaretoken" not in html
    with django_assert_max_num_queries(20) as queries:
        client.get("/")
    assert len(queries) > 1


def test_a_query_string_is_never_served_from_the_cache(client, django_assert_max_num_queries):
    client.get("/")
    with django_assert_max_num_queries(20) as queries:
        client.get("/?utm_source=bao-lam-dong")
    assert len(queries) > 1
