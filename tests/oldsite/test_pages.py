import datetime

import pytest

from oldsite.addresses import OldSite, address_key
from oldsite.pages import PageError, parse_date
from oldsite.sources import address_of_file


@pytest.mark.parametrize(
    ("raw", "date_format", "expected"),
    [
        ("(13/10/2017 )", "(%d/%m/%Y )", datetime.datetime(2017, 10, 13)),
        ("  (13/10/2017   )", "(%d/%m/%Y )", datetime.datetime(2017, 10, 13)),
        ("Đăng ngày 5/9/2017 lúc 08:30", "%d/%m/%Y", datetime.datetime(2017, 9, 5)),
        ("16/08/2017 07:45", "%d/%m/%Y %H:%M", datetime.datetime(2017, 8, 16, 7, 45)),
    ],
)
def test_dates_are_read_as_the_mapping_writes_them(raw, date_format, expected):
    assert parse_date(raw, date_format) == expected


@pytest.mark.parametrize("raw", ["(31/02/2017 )", "", "hôm qua", "(99/99/9999 )"])
def test_a_broken_date_is_an_error_in_vietnamese(raw):
    with pytest.raises(PageError, match="không đúng định dạng"):
        parse_date(raw, "(%d/%m/%Y )")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("NewsDetail.aspx?Id=9036", ("/NewsDetail.aspx", "Id=9036")),
        ("NewsDetail.aspx@Id=9036", ("/NewsDetail.aspx", "Id=9036")),
        ("NewsDetail.aspx?Id=9036.html", ("/NewsDetail.aspx", "Id=9036")),
        ("Default.aspx.html", ("/Default.aspx", "")),
        ("tin-tuc/index.html", ("/tin-tuc/", "")),
        ("Upload/images/a@b.jpg", ("/Upload/images/a@b.jpg", "")),
    ],
)
def test_wget_file_names_give_the_old_addresses(name, expected):
    assert address_of_file(name) == expected


def test_address_keys_ignore_case_and_parameter_order():
    assert address_key("/NewsDetail.aspx", "Id=9036&Page=2") == address_key(
        "/newsdetail.aspx", "page=2&ID=9036"
    )
    assert address_key("/a.aspx", "q=Đà Lạt") != address_key("/a.aspx", "q=da lat")


def test_only_links_to_the_old_site_are_its_own():
    site = OldSite(["www.lhhlamdong.org.vn"])
    assert site.resolve("NewsDetail.aspx?Id=1", "/tin/a.aspx") == ("/tin/NewsDetail.aspx", "Id=1")
    assert site.resolve("http://WWW.lhhlamdong.org.vn/a.aspx", "/") == ("/a.aspx", "")
    assert site.resolve("http://www.vusta.vn/", "/") is None
    assert site.resolve("javascript:alert(1)", "/") is None
    assert site.resolve("mailto:lhh@example.com", "/") is None
    assert site.resolve("#top", "/") is None
    assert site.resolve("http://[bad", "/") is None


def test_a_selector_may_be_xpath():
    import lxml.html

    from oldsite.pages import first, select

    tree = lxml.html.document_fromstring('<p><span class="NgayDang">(13/10/2017 )</span></p>')
    assert first(tree, "xpath://span[@class='NgayDang']").text == "(13/10/2017 )"
    assert select(tree, "xpath:count(//span)") == []


def test_a_mapping_with_a_wrong_xpath_is_refused():
    from oldsite.mapping import MappingError, parse_mapping

    data = {
        "site": {"hosts": ["old.example"]},
        "news": {"addresses": ["^/x"], "title": "xpath://span[", "body": "div"},
    }
    with pytest.raises(MappingError, match="biểu thức XPath"):
        parse_mapping(data)


def test_a_mapping_with_an_unknown_site_key_is_refused():
    from oldsite.mapping import MappingError, parse_mapping

    data = {"site": {"hosts": ["old.example"], "host": "x"}, "news": {}}
    with pytest.raises(MappingError, match="khóa không biết: host"):
        parse_mapping(data)
