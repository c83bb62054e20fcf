"""The English section (NĐ 42/2022 Điều 7): the introduction pages and the
association's name and address in English under /en/, each page and its
Vietnamese version naming each other, the rest of the site in Vietnamese."""

import re
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.cache import clear_all
from core.models import Status
from sitecontent.models import ContactList, Page, SiteProfile

from .factories import ContactPointFactory, EnglishPageFactory, PageFactory

pytestmark = pytest.mark.django_db


def about_page(**kwargs):
    return EnglishPageFactory(
        **{
            "title": "Giới thiệu chung",
            "title_en": "About us",
            "summary_en": "Who we are.",
            "body_en": "<p>The Union was founded in 1994.</p>",
            **kwargs,
        }
    )


def html_lang(html):
    return re.search(r'<html lang="([^"]+)">', html)[1]


def alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def test_a_translated_page_is_in_english_at_its_english_address(client):
    page = about_page()
    assert page.slug_en == "about-us"
    assert page.get_english_url() == "/en/about-us/"
    response = client.get("/en/about-us/")
    html = response.content.decode()
    assert html_lang(html) == "en"
    assert '<h1 class="article__title">About us</h1>' in html
    assert "The Union was founded in 1994." in html


def test_the_english_page_and_the_vietnamese_page_name_each_other(client):
    page = about_page()
    english = client.get("/en/about-us/").content.decode()
    vietnamese = client.get(page.get_absolute_url()).content.decode()
    expected = {
        "vi": "http://testserver/gioi-thieu/gioi-thieu-chung/",
        "en": "http://testserver/en/about-us/",
    }
    assert alternates(english) == expected
    assert alternates(vietnamese) == expected
    assert html_lang(vietnamese) == "vi"


def test_the_language_switch_leads_to_the_same_page_in_the_other_language(client):
    page = about_page()
    vietnamese = client.get(page.get_absolute_url()).content.decode()
    switch = '<a class="language-switch" href="/en/about-us/" hreflang="en" lang="en">English</a>'
    assert switch in vietnamese
    english = client.get("/en/about-us/").content.decode()
    assert (
        '<a class="language-switch" href="/gioi-thieu/gioi-thieu-chung/" hreflang="vi" lang="vi">'
        "Tiếng Việt</a>" in english
    )


def test_a_page_without_translation_switches_to_the_english_home(client):
    page = PageFactory(title="Điều lệ")
    html = client.get(page.get_absolute_url()).content.decode()
    assert 'class="language-switch" href="/en/"' in html
    assert alternates(html) == {}


def test_english_pages_have_an_english_header_menu_and_footer(client):
    SiteProfile(
        name="Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Lâm Đồng",
        name_en="Lam Dong Union of Science and Technology Associations",
        address="Số 35 Trần Hưng Đạo, Phường 10, Thành phố Đà Lạt",
        address_en="35 Tran Hung Dao Street, Ward 10, Da Lat City",
        phone="0263 3822 466",
    ).save()
    about_page(order=1)
    EnglishPageFactory(title="Liên hệ", title_en="Contact", order=2)
    html = client.get("/en/about-us/").content.decode()
    header = html.split('class="site-header site-header--english">')[1].split("</header>")[0]
    footer = html.split('<footer class="site-footer">')[1].split("</footer>")[0]
    assert "Lam Dong Union of Science and Technology Associations" in header
    assert 'aria-label="Main menu"' in header
    assert '<a href="/en/">Home</a>' in header
    assert '<a href="/en/about-us/" aria-current="page">About us</a>' in header
    assert '<a href="/en/contact/">Contact</a>' in header
    assert "Address: 35 Tran Hung Dao Street, Ward 10, Da Lat City" in footer
    assert "Phone:" in footer
    assert "Skip to main content" in html
    assert "Bỏ qua, tới nội dung chính" not in html
    assert "Tìm kiếm" not in header


def test_the_english_date_is_written_in_english(client):
    about_page()
    html = client.get("/en/about-us/").content.decode()
    date = re.search(r'<p class="site-header__date"><time [^>]*>([^<]+)</time>', html)[1]
    assert re.fullmatch(
        r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \d{1,2} \w+ \d{4}", date
    )


def test_the_english_home_introduces_the_association_and_lists_the_english_pages(client):
    SiteProfile(name="Liên hiệp Hội", name_en="Lam Dong Union").save()
    about_page(order=1)
    PageFactory(title="Điều lệ", order=2)
    response = client.get("/en/")
    html = response.content.decode()
    assert html_lang(html) == "en"
    assert '<h1 class="article__title">Lam Dong Union</h1>' in html
    assert '<a href="/en/about-us/">About us</a>' in html
    assert "Who we are." in html
    assert "Điều lệ" not in html.split('<main id="content"')[1].split("</main>")[0]
    assert alternates(html) == {"vi": "http://testserver/", "en": "http://testserver/en/"}


def test_the_vietnamese_home_names_the_english_home(client):
    html = client.get("/").content.decode()
    assert alternates(html) == {"vi": "http://testserver/", "en": "http://testserver/en/"}
    assert html_lang(html) == "vi"


def test_an_untranslated_page_falls_back_to_vietnamese_with_a_note(client):
    page = PageFactory(title="Điều lệ", body="<p>Điều 1. Tên gọi.</p>")
    response = client.get(f"/en/{page.slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html_lang(html) == "en"
    assert "This page has not been translated into English yet." in html
    assert '<div lang="vi">' in html
    assert "Điều 1. Tên gọi." in html
    # Not a translation: search engines index the Vietnamese page.
    assert '<meta name="robots" content="noindex">' in html
    assert '<link rel="canonical" href="http://testserver/gioi-thieu/dieu-le/">' in html
    assert alternates(html) == {}


def test_a_translated_page_asked_for_by_its_vietnamese_slug_moves_to_its_english_one(client):
    about_page()
    response = client.get("/en/gioi-thieu-chung/")
    assert response.status_code == 301
    assert response["Location"] == "/en/about-us/"


def test_a_missing_english_page_answers_404_in_english(client):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert html_lang(html) == "en"
    assert "Page not found" in html


@pytest.mark.parametrize(
    "path", ["/en/<script>/", "/en/%00/", "/en/a/b/", "/en/about-us/?page=x&lang=<b>", "/en/-/"]
)
def test_odd_english_addresses_never_fail(client, path):
    about_page()
    assert client.get(path).status_code in (200, 301, 404)


def test_a_draft_page_is_404_in_english_too(client):
    page = about_page(status=Status.DRAFT)
    assert client.get(page.get_english_url()).status_code == 404
    assert client.get(f"/en/{page.slug}/").status_code == 404


def test_staff_preview_a_draft_in_english(admin_client):
    page = about_page(status=Status.DRAFT)
    html = admin_client.get(page.get_english_url()).content.decode()
    assert "Preview: this page is a draft" in html


def test_the_english_contact_page_shows_english_titles_and_units(client):
    page = EnglishPageFactory(
        title="Liên hệ", title_en="Contact", contact_list=ContactList.OFFICIALS
    )
    ContactPointFactory(name="Bà Lê Thị Thu Hà", title_en="Head of Office", unit_en="Office")
    ContactPointFactory(name="Ông Chưa Dịch", title="Chuyên viên", unit="Văn phòng")
    html = client.get(page.get_english_url()).content.decode()
    officials = html.split('id="contacts-officials"')[1].split("</section>")[0]
    assert "Contact officials" in officials
    assert "Head of Office – Office" in officials
    # What is not translated yet is said in Vietnamese, marked as such.
    assert '<span lang="vi">Chuyên viên</span> – <span lang="vi">Văn phòng</span>' in officials
    assert "<dt>Phone</dt>" in officials


def test_the_english_structure_page_has_the_organisation_chart(client):
    page = EnglishPageFactory(
        title="Cơ cấu tổ chức", title_en="Structure", contact_list=ContactList.LEADERS
    )
    ContactPointFactory(leader=True, title_en="Chairwoman", unit_en="Standing Committee")
    html = client.get(page.get_english_url()).content.decode()
    assert "Leadership" in html and "Organisation chart" in html
    assert '<h3 class="org-chart__name">Standing Committee</h3>' in html


def test_the_rest_of_the_site_stays_vietnamese_after_an_english_page(client):
    about_page()
    client.get("/en/about-us/")
    for path in ["/", "/tin-tuc/", "/gioi-thieu/gioi-thieu-chung/", "/khong-co/"]:
        html = client.get(path).content.decode()
        assert html_lang(html) == "vi", path
    assert "Bỏ qua, tới nội dung chính" in client.get("/tin-tuc/").content.decode()


def test_the_english_body_is_sanitized_on_save():
    page = about_page(body_en='<p onclick="x()">Hello</p><script>alert(1)</script>')
    page.refresh_from_db()
    assert page.body_en == "<p>Hello</p>"


def test_english_text_without_an_english_title_is_refused():
    page = PageFactory.build(title="Điều lệ", body_en="<p>The charter.</p>")
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "tiêu đề tiếng Anh" in str(error.value.message_dict["title_en"])


def test_the_english_slug_is_unique_and_kept_when_the_title_changes():
    first = about_page()
    second = EnglishPageFactory(title="Giới thiệu khác", title_en="About us")
    assert (first.slug_en, second.slug_en) == ("about-us", "about-us-2")
    first.title_en = "About the Union"
    first.save()
    assert first.slug_en == "about-us"


def test_a_taken_english_slug_typed_in_the_admin_gets_a_vietnamese_message(admin_client):
    about_page()
    other = PageFactory(title="Liên hệ")
    response = admin_client.post(
        f"/admin/sitecontent/page/{other.pk}/change/",
        {
            "title": other.title,
            "slug": other.slug,
            "summary": "",
            "body": other.body,
            "title_en": "Contact",
            "slug_en": "about-us",
            "summary_en": "",
            "body_en": "",
            "contact_list": "",
            "order": 0,
            "is_in_menu": "on",
            "_save": "Lưu",
        },
    )
    assert response.status_code == 200
    assert "Đường dẫn tiếng Anh này đã có trang khác dùng." in response.content.decode()
    assert Page.objects.get(pk=other.pk).title_en == ""


def test_staff_edit_the_english_text_beside_the_vietnamese(admin_client):
    page = PageFactory(title="Chức năng nhiệm vụ")
    html = admin_client.get(f"/admin/sitecontent/page/{page.pk}/change/").content.decode()
    assert html.index('name="body"') < html.index('name="title_en"') < html.index('name="body_en"')
    assert "Bản tiếng Anh (mục English, /en/)" in html


def test_the_sitemap_lists_english_pages_with_their_alternates(client):
    about_page()
    PageFactory(title="Điều lệ")
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/en/about-us/</loc>" in xml
    assert (
        '<xhtml:link rel="alternate" hreflang="en" href="http://testserver/en/about-us/"/>' in xml
    )
    assert "<loc>http://testserver/en/</loc>" in xml
    assert "/en/dieu-le/" not in xml


@pytest.mark.parametrize("path", ["/en/", "/en/about-us/"])
def test_english_pages_run_the_same_queries_for_few_and_many_pages(client, path):
    about_page(order=0)
    clear_all()
    with CaptureQueriesContext(connection) as few:
        assert client.get(path).status_code == 200
    for n in range(20):
        EnglishPageFactory(order=n + 1)
    clear_all()
    with CaptureQueriesContext(connection) as many:
        html = client.get(path).content.decode()
    assert html.count("English page") >= 20
    assert len(many) == len(few)


def test_an_expired_page_still_answers_in_english_and_says_it_expired(client):
    about_page(
        published_at=timezone.now() - timedelta(days=10),
        expires_at=timezone.now() - timedelta(minutes=5),
    )
    response = client.get("/en/about-us/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "This page is no longer current" in html
    assert '<meta name="robots" content="noindex">' in html
