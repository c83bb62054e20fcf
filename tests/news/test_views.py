from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from .factories import ArticleFactory, CategoryFactory

BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0"

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(staff_user):
    staff_user.user_permissions.add(Permission.objects.get(codename="change_article"))
    return staff_user


def test_news_list_shows_titles_newest_first_with_their_date(client):
    old = ArticleFactory(title="Tin cũ hơn", published_at=timezone.now() - timedelta(days=3))
    new = ArticleFactory(title="Tin mới hơn", published_at=timezone.now() - timedelta(days=1))
    html = client.get("/tin-tuc/").content.decode()
    assert html.index(new.title) < html.index(old.title)
    assert (
        f'{new.title}</a> <span class="date">({timezone.localtime(new.published_at):%d/%m/%Y})'
        in html
    )


def test_news_list_leaves_out_drafts_and_scheduled_articles(client):
    ArticleFactory(title="Bản nháp bí mật", draft=True)
    ArticleFactory(title="Tin hẹn giờ đăng", scheduled=True)
    html = client.get("/tin-tuc/").content.decode()
    assert "Bản nháp bí mật" not in html
    assert "Tin hẹn giờ đăng" not in html


def test_news_list_paginates_as_trang_1_of_n(client):
    ArticleFactory.create_batch(25)
    html = client.get("/tin-tuc/").content.decode()
    assert "Trang 1/3 trang" in html
    assert client.get("/tin-tuc/?page=3").content.decode().count('class="news-item"') == 5


@pytest.mark.parametrize("page", ["abc", "0", "99999", "-1", "1e9", "2.5", "%00", "１e3"])
def test_bad_page_values_give_404_never_500(client, page):
    ArticleFactory.create_batch(12)
    assert client.get(f"/tin-tuc/?page={page}").status_code == 404


def test_empty_page_value_shows_the_first_page(client):
    ArticleFactory.create_batch(12)
    assert "Trang 1/2 trang" in client.get("/tin-tuc/?page=").content.decode()


def test_last_page_value_is_accepted(client):
    ArticleFactory.create_batch(12)
    assert "Trang 2/2 trang" in client.get("/tin-tuc/?page=last").content.decode()


def test_category_page_lists_its_own_and_its_children_articles(client):
    parent = CategoryFactory(name="Tin tức tổng hợp")
    child = CategoryFactory(name="Khoa học & Công nghệ", parent=parent)
    ArticleFactory(title="Tin của mục cha", category=parent)
    ArticleFactory(title="Tin của mục con", category=child)
    ArticleFactory(title="Tin của mục khác")
    html = client.get(parent.get_absolute_url()).content.decode()
    assert "Tin của mục cha" in html
    assert "Tin của mục con" in html
    assert "Tin của mục khác" not in html
    assert f'href="{child.get_absolute_url()}"' in html


def test_child_category_page_shows_only_its_articles(client):
    parent = CategoryFactory()
    child = CategoryFactory(parent=parent)
    ArticleFactory(title="Tin của mục cha", category=parent)
    html = client.get(child.get_absolute_url()).content.decode()
    assert "Tin của mục cha" not in html


def test_unknown_category_is_404(client):
    assert client.get("/tin-tuc/khong-co-muc-nay/").status_code == 404


def test_category_page_advertises_its_feed(client):
    category = CategoryFactory(name="Đại hội")
    html = client.get(category.get_absolute_url()).content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/rss/tin-tuc/dai-hoi/"' in html


def test_article_page_shows_title_date_summary_cover_body_and_sign_off(client):
    article = ArticleFactory(
        title="Hội nghị Giao ban",
        summary="Tóm tắt hội nghị.",
        body="<p>Nội dung <strong>chính</strong>.</p>",
        author="NTC",
        with_cover=True,
        cover_caption="Ông Đặng Vũ Minh phát biểu",
        published_at=timezone.make_aware(timezone.datetime(2017, 8, 16, 9, 5)),
    )
    html = client.get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER).content.decode()
    for text in [
        '<h1 class="article__title">Hội nghị Giao ban</h1>',
        "16/08/2017 09:05",
        "Tóm tắt hội nghị.",
        "<figcaption>Ông Đặng Vũ Minh phát biểu</figcaption>",
        "<p>Nội dung <strong>chính</strong>.</p>",
        '<p class="news-article__author">NTC</p>',
        "Lượt xem: 0",
    ]:
        assert text in html


def test_article_page_has_breadcrumbs_print_button_and_share_links(client):
    parent = CategoryFactory(name="Tin tức tổng hợp")
    article = ArticleFactory(category=CategoryFactory(name="Khoa học", parent=parent))
    html = client.get(article.get_absolute_url()).content.decode()
    assert '<a href="/tin-tuc/tin-tuc-tong-hop/">Tin tức tổng hợp</a>' in html
    assert '<a href="/tin-tuc/khoa-hoc/">Khoa học</a>' in html
    assert "data-print" in html and "js/news.js" in html
    assert (
        "https://www.facebook.com/sharer/sharer.php?u=http%3A%2F%2Ftestserver%2Ftin-tuc%2F" in html
    )
    assert "https://zalo.me/share?url=" in html
    assert 'href="mailto:?subject=' in html
    assert "onclick" not in html


def test_article_page_carries_opengraph_and_dublin_core_meta(client):
    article = ArticleFactory(title="Tin có siêu dữ liệu", summary="Mô tả ngắn.", author="NTC")
    html = client.get(article.get_absolute_url()).content.decode()
    url = f"http://testserver{article.get_absolute_url()}"
    for tag in [
        '<meta property="og:type" content="article">',
        '<meta property="og:title" content="Tin có siêu dữ liệu">',
        f'<meta property="og:url" content="{url}">',
        '<meta name="DC.title" content="Tin có siêu dữ liệu">',
        '<meta name="DC.creator" content="NTC">',
        f'<meta name="DC.date" content="{timezone.localtime(article.published_at):%Y-%m-%d}">',
        '<meta name="DC.description" content="Mô tả ngắn.">',
        f'<meta name="DC.identifier" content="{url}">',
        '<meta name="DC.language" content="vi">',
    ]:
        assert tag in html


def read(client, article, user_agent=BROWSER):
    """A reader's browser: the page, then its call to the visit counter."""
    page = client.get(article.get_absolute_url(), HTTP_USER_AGENT=user_agent, follow=True)
    html = page.content.decode()
    assert f'data-visit-article="{article.pk}"' in html
    client.get("/luot-truy-cap/", {"bai": article.pk}, HTTP_USER_AGENT=user_agent)
    return html


def test_article_view_count_goes_up_by_one_per_visit(client):
    article = ArticleFactory()
    read(client, article)
    read(client, article)
    article.refresh_from_db()
    assert article.view_count == 2


def test_an_article_served_from_the_page_cache_still_counts_the_view(
    client, django_assert_num_queries
):
    article = ArticleFactory()
    url = article.get_absolute_url()
    first = read(client, article)
    # Served from the page cache: no query; the count is the counter's.
    with django_assert_num_queries(0):
        again = client.get(url, HTTP_USER_AGENT=BROWSER)
    assert again.content.decode() == first
    with django_assert_num_queries(1):
        client.get("/luot-truy-cap/", {"bai": article.pk}, HTTP_USER_AGENT=BROWSER)
    article.refresh_from_db()
    assert article.view_count == 2
    # A crawler is served the same page and writes nothing.
    with django_assert_num_queries(0):
        client.get(url, HTTP_USER_AGENT="Googlebot/2.1")
        client.get("/luot-truy-cap/", {"bai": article.pk}, HTTP_USER_AGENT="Googlebot/2.1")


def test_without_javascript_the_picture_counts_the_view_only(client):
    article = ArticleFactory()
    html = client.get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER).content.decode()
    picture = f'src="/luot-truy-cap/?anh=1&amp;bai={article.pk}"'
    assert picture in html
    client.get("/luot-truy-cap/", {"anh": 1, "bai": article.pk}, HTTP_USER_AGENT=BROWSER)
    article.refresh_from_db()
    assert article.view_count == 1
    assert "lhh_visit" not in client.cookies  # the visit is the block's picture's


def test_an_edited_article_shows_at_once_despite_the_page_cache(client):
    article = ArticleFactory(title="Tiêu đề cũ")
    client.get(article.get_absolute_url())
    article.title = "Tiêu đề mới"
    article.save()
    assert "Tiêu đề mới" in client.get(article.get_absolute_url()).content.decode()


def test_an_unpublished_article_leaves_the_page_cache_at_once(client):
    article = ArticleFactory()
    client.get(article.get_absolute_url())
    article.status = "draft"
    article.save()
    assert client.get(article.get_absolute_url()).status_code == 404


def test_a_wrong_category_address_counts_the_view_once(client):
    article = ArticleFactory()
    other = CategoryFactory()
    page = client.get(f"/tin-tuc/{other.slug}/{article.slug}/", HTTP_USER_AGENT=BROWSER)
    assert page.status_code == 301
    read(client, article)
    article.refresh_from_db()
    assert article.view_count == 1


def test_crawlers_do_not_count_as_views(client):
    article = ArticleFactory()
    read(client, article, user_agent="Googlebot/2.1")
    read(client, article, user_agent="")
    article.refresh_from_db()
    assert article.view_count == 0


def test_article_under_another_category_slug_redirects_to_its_address(client):
    article = ArticleFactory()
    other = CategoryFactory()
    response = client.get(f"/tin-tuc/{other.slug}/{article.slug}/")
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()


def test_unknown_article_is_404(client):
    category = CategoryFactory()
    assert client.get(f"/tin-tuc/{category.slug}/khong-co-bai-nay/").status_code == 404


def test_other_news_lists_older_articles_of_the_category_without_itself_or_drafts(client):
    category = CategoryFactory()
    article = ArticleFactory(
        title="Tin đang xem", category=category, published_at=timezone.now() - timedelta(days=2)
    )
    ArticleFactory(
        title="Tin cũ cùng mục", category=category, published_at=timezone.now() - timedelta(days=4)
    )
    ArticleFactory(
        title="Bản nháp cùng mục",
        category=category,
        draft=True,
        published_at=timezone.now() - timedelta(days=5),
    )
    ArticleFactory(title="Tin mục khác", published_at=timezone.now() - timedelta(days=6))
    html = client.get(article.get_absolute_url()).content.decode()
    others = html[html.index("Các tin khác") :]
    assert "Tin cũ cùng mục" in others
    assert "Tin đang xem" not in others
    assert "Bản nháp cùng mục" not in others
    assert "Tin mục khác" not in others


@pytest.mark.parametrize("trait", ["draft", "scheduled"])
def test_unpublished_article_is_404_for_visitors(client, trait):
    article = ArticleFactory(**{trait: True})
    assert client.get(article.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("trait", ["draft", "scheduled"])
def test_unpublished_article_is_404_for_staff_without_change_permission(client, staff_user, trait):
    client.force_login(staff_user)
    article = ArticleFactory(**{trait: True})
    assert client.get(article.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("trait", ["draft", "scheduled"])
def test_editor_previews_an_unpublished_article_never_cached(client, editor, trait):
    client.force_login(editor)
    article = ArticleFactory(title="Tin chưa đăng", **{trait: True})
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bản xem trước" in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert "no-cache" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_preview_does_not_count_a_view(client, editor):
    client.force_login(editor)
    article = ArticleFactory(draft=True)
    html = client.get(article.get_absolute_url()).content.decode()
    assert "data-visit-article" not in html
    client.get("/luot-truy-cap/", {"bai": article.pk})
    article.refresh_from_db()
    assert article.view_count == 0


def test_home_shows_featured_article_with_image_and_summary(client):
    ArticleFactory(
        title="Tin nổi bật nhất", summary="Tóm tắt tin nổi bật.", is_featured=True, with_cover=True
    )
    html = client.get("/").content.decode()
    lead = html[html.index('class="home-lead"') :]
    assert "Tin nổi bật nhất" in lead[:2000]
    assert "Tóm tắt tin nổi bật." in lead[:2000]
    assert '<img src="/media/CACHE/images/' in lead[:2000]


def test_home_shows_latest_news_and_a_block_per_home_category(client):
    general = CategoryFactory(name="Tin tức tổng hợp", is_shown_on_home=True)
    science = CategoryFactory(name="Khoa học & Công nghệ", parent=general)
    hidden = CategoryFactory(name="Chuyên mục ẩn")
    ArticleFactory(title="Tin khoa học", category=science)
    ArticleFactory(title="Tin chuyên mục ẩn", category=hidden)
    html = client.get("/").content.decode()
    assert "TIN MỚI" in html
    assert "TIN TỨC TỔNG HỢP" in html
    block = html[html.index('id="home-block-tin-tuc-tong-hop"') :]
    assert "Khoa học &amp; Công nghệ" in block
    assert "Tin khoa học" in block
    assert "CHUYÊN MỤC ẨN" not in html


def test_home_and_sidebar_leave_out_drafts_and_scheduled_articles(client):
    notices = CategoryFactory(is_notice=True, is_shown_on_home=True)
    ArticleFactory(title="Nháp nổi bật", draft=True, is_featured=True, category=notices)
    ArticleFactory(title="Hẹn giờ nổi bật", scheduled=True, is_featured=True, category=notices)
    html = client.get("/").content.decode()
    assert "Nháp nổi bật" not in html
    assert "Hẹn giờ nổi bật" not in html


def test_notices_block_lists_published_notices(client):
    notices = CategoryFactory(name="Thông báo", is_notice=True)
    notice = ArticleFactory(title="Thông báo lịch tiếp công dân", category=notices)
    ArticleFactory(title="Thông báo còn nháp", category=notices, draft=True)
    html = client.get("/tin-tuc/").content.decode()
    block = html[html.index('id="block-notices"') :][:1500]
    assert f'<a href="{notice.get_absolute_url()}">Thông báo lịch tiếp công dân</a>' in block
    assert "Thông báo còn nháp" not in block


def test_every_page_advertises_the_news_feed(client):
    html = client.get("/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/rss/tin-tuc/"' in html


def test_html_site_map_lists_sections_pages_and_categories(client):
    parent = CategoryFactory(name="Tin tức tổng hợp")
    CategoryFactory(name="Khoa học & Công nghệ", parent=parent)
    html = client.get("/so-do-trang/").content.decode()
    assert "Sơ đồ trang" in html
    assert 'href="/tin-tuc/tin-tuc-tong-hop/"' in html
    assert 'href="/tin-tuc/khoa-hoc-cong-nghe/"' in html
    assert 'href="/van-ban/"' in html


def test_lost_cover_file_costs_the_picture_not_the_page(client):
    article = ArticleFactory(title="Tin mất ảnh", with_cover=True, is_featured=True)
    article.cover.storage.delete(article.cover.name)
    for url in ["/", "/tin-tuc/", article.get_absolute_url()]:
        response = client.get(url)
        assert response.status_code == 200
        assert "Tin mất ảnh" in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/tin-tuc/l%C3%A2m-%C4%91%E1%BB%93ng/",
        "/tin-tuc/%00/",
        "/tin-tuc/a/b/c/",
        "/tin-tuc/khong-co/khong-co/",
        "/rss/tin-tuc/%27%22%3E/",
        "/tin-tuc/?page=2&page=x",
    ],
)
def test_odd_addresses_give_404_never_500(client, url):
    ArticleFactory()
    assert client.get(url).status_code == 404
