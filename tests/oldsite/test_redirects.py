import pytest
from django.http import HttpResponse, HttpResponseNotFound
from django.test import RequestFactory

from core.models import Status
from oldsite.middleware import OldAddressRedirectMiddleware
from oldsite.models import Kind, OldAddress
from tests.news.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def redirect(address, target, **fields):
    return OldAddress.objects.create(address=address, target_url=target, **fields)


def test_an_imported_old_address_answers_301_to_its_page(client, imported):
    article = OldAddress.objects.get(address="/NewsDetail.aspx?Id=9036").content_object
    response = client.get("/NewsDetail.aspx?Id=9036")
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()
    assert client.get(response["Location"]).status_code == 200


def test_every_imported_address_of_the_fixture_redirects_to_a_live_page(client, imported):
    for row in OldAddress.objects.exclude(kind=Kind.IMAGE):
        response = client.get(row.address)
        assert response.status_code == 301, row.address
        assert client.get(response["Location"]).status_code == 200, row.address


def test_old_addresses_match_whatever_the_case_and_parameter_order(client):
    redirect("/NewsList.aspx?CatId=2&Page=3", "/tin-tuc/")
    response = client.get("/newslist.aspx?page=3&catid=2")
    assert response.status_code == 301 and response["Location"] == "/tin-tuc/"


def test_a_path_redirect_without_query_string(client):
    redirect("/Gioithieu.aspx", "/gioi-thieu/gioi-thieu-chung/", reason="Trang giới thiệu cũ")
    response = client.get("/Gioithieu.aspx")
    assert response.status_code == 301
    assert response["Location"] == "/gioi-thieu/gioi-thieu-chung/"


def test_a_path_redirect_answers_any_query_string_it_has_none_for(client):
    redirect("/Gioithieu.aspx", "/gioi-thieu/gioi-thieu-chung/")
    redirect("/Gioithieu.aspx?Id=3", "/gioi-thieu/dieu-le/")
    assert client.get("/Gioithieu.aspx?Id=3")["Location"] == "/gioi-thieu/dieu-le/"
    assert client.get("/Gioithieu.aspx?Id=9")["Location"] == "/gioi-thieu/gioi-thieu-chung/"


def test_an_unknown_old_address_stays_a_vietnamese_404(client, imported):
    response = client.get("/NewsDetail.aspx?Id=1")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_an_address_of_a_live_page_is_never_redirected(client, imported):
    redirect("/tin-tuc/", "/van-ban/")
    assert client.get("/tin-tuc/").status_code == 200


def test_an_unpublished_article_is_not_redirected_to(client, imported):
    row = OldAddress.objects.get(address="/NewsDetail.aspx?Id=9036")
    row.content_object.status = Status.DRAFT
    row.content_object.save()
    assert client.get("/NewsDetail.aspx?Id=9036").status_code == 404


def test_a_deleted_article_leaves_a_404(client, imported):
    OldAddress.objects.get(address="/NewsDetail.aspx?Id=9039").content_object.delete()
    assert client.get("/NewsDetail.aspx?Id=9039").status_code == 404


def test_a_redirect_to_itself_is_not_followed(client):
    row = redirect("/Lap.aspx", "/Lap.aspx")
    assert client.get("/Lap.aspx").status_code == 404
    row.target_url = "javascript:alert(1)"
    row.save()
    assert client.get("/Lap.aspx").status_code == 404


@pytest.mark.parametrize(
    "address",
    [
        "/NewsDetail.aspx?Id=%00",
        "/NewsDetail.aspx?Id=\x00",
        "/News%00Detail.aspx",
        "/NewsDetail.aspx?Id=%E0%A4%A&x=%ZZ",
        "/NewsDetail.aspx?" + "a=1&" * 2000,
        "/" + "x" * 3000,
        "/NewsDetail.aspx?Id=9036'--",
        "/NewsDetail.aspx?Id[]=1&Id[]=2",
    ],
)
def test_odd_addresses_get_a_404_never_a_500(client, imported, address):
    path, _, query = address.partition("?")
    response = client.get(path, QUERY_STRING=query)
    assert response.status_code == 404


def test_other_answers_cost_no_query(django_assert_num_queries):
    middleware = OldAddressRedirectMiddleware(lambda request: HttpResponse("ok"))
    with django_assert_num_queries(0):
        assert middleware(RequestFactory().get("/NewsDetail.aspx?Id=9036")).status_code == 200


def test_a_404_costs_one_query(django_assert_num_queries):
    middleware = OldAddressRedirectMiddleware(lambda request: HttpResponseNotFound())
    with django_assert_num_queries(1):
        assert middleware(RequestFactory().get("/NewsDetail.aspx?Id=1")).status_code == 404


def test_a_redirect_to_an_article_follows_its_current_address(client):
    article = ArticleFactory()
    row = OldAddress(address="/NewsDetail.aspx?Id=7", kind=Kind.ARTICLE, content_object=article)
    row.save()
    assert client.get("/NewsDetail.aspx?Id=7")["Location"] == article.get_absolute_url()


def test_a_404_asked_again_costs_no_query(client, django_assert_num_queries):
    client.get("/NewsDetail.aspx?Id=1")
    middleware = OldAddressRedirectMiddleware(lambda request: HttpResponseNotFound())
    with django_assert_num_queries(0):
        assert middleware(RequestFactory().get("/NewsDetail.aspx?Id=1")).status_code == 404


def test_a_redirect_added_after_a_404_answers_at_once(client):
    assert client.get("/Gioithieu.aspx").status_code == 404
    redirect("/Gioithieu.aspx", "/gioi-thieu/")
    assert client.get("/Gioithieu.aspx").status_code == 301


def test_a_wordpress_address_on_the_home_page_redirects(client):
    redirect("/?p=12", "/tin-tuc/")
    response = client.get("/", QUERY_STRING="p=12")
    assert response.status_code == 301 and response["Location"] == "/tin-tuc/"


def test_the_home_page_with_another_query_string_looks_nothing_up(django_assert_num_queries):
    middleware = OldAddressRedirectMiddleware(lambda request: HttpResponse("ok"))
    with django_assert_num_queries(0):
        assert middleware(RequestFactory().get("/?utm_source=zalo")).status_code == 200


def test_a_redirect_chain_that_comes_back_is_refused_in_the_admin(db):
    from django.core.exceptions import ValidationError

    redirect("/a.aspx", "/b.aspx")
    redirect("/b.aspx", "/c.aspx")
    loop = OldAddress(address="/c.aspx", target_url="/a.aspx")
    with pytest.raises(ValidationError, match="lặp vô tận"):
        loop.full_clean()
    assert OldAddress(address="/c.aspx", target_url="/tin-tuc/").full_clean() is None
