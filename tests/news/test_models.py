import unicodedata
from datetime import timedelta
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from news.models import Article, Category

from .factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db


def test_published_excludes_drafts_and_future_articles():
    visible = ArticleFactory()
    ArticleFactory(draft=True)
    ArticleFactory(scheduled=True)
    assert list(Article.objects.published()) == [visible]


def test_scheduled_article_appears_once_its_time_has_passed():
    article = ArticleFactory(published_at=timezone.now() + timedelta(minutes=1))
    assert article not in Article.objects.published()
    later = timezone.now() + timedelta(minutes=2)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert article in Article.objects.published()


def test_published_articles_are_newest_first():
    old = ArticleFactory(published_at=timezone.now() - timedelta(days=3))
    new = ArticleFactory(published_at=timezone.now() - timedelta(days=1))
    assert list(Article.objects.published()) == [new, old]


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Liên hiệp Hội Lâm Đồng", "lien-hiep-hoi-lam-dong"),
        ("ĐẠI HỘI đại biểu lần thứ V", "dai-hoi-dai-bieu-lan-thu-v"),
        ("Đà Lạt – đường đèo Prenn", "da-lat-duong-deo-prenn"),
        ("Khoa học & Công nghệ", "khoa-hoc-cong-nghe"),
        ("a á à ả ã ạ ă ắ ằ ẳ ẵ ặ â ấ ầ ẩ ẫ ậ", "a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a"),
        ("e é è ẻ ẽ ẹ ê ế ề ể ễ ệ", "e-e-e-e-e-e-e-e-e-e-e-e"),
        ("i í ì ỉ ĩ ị y ý ỳ ỷ ỹ ỵ", "i-i-i-i-i-i-y-y-y-y-y-y"),
        ("o ó ò ỏ õ ọ ô ố ồ ổ ỗ ộ ơ ớ ờ ở ỡ ợ", "o-o-o-o-o-o-o-o-o-o-o-o-o-o-o-o-o-o"),
        ("u ú ù ủ ũ ụ ư ứ ừ ử ữ ự", "u-u-u-u-u-u-u-u-u-u-u-u"),
        ("Ứng Dụng Ở Quảng Trị Ữ Ỹ", "ung-dung-o-quang-tri-u-y"),
    ],
)
def test_slug_folds_vietnamese_letters_and_tones(title, slug):
    assert ArticleFactory(title=title).slug == slug


def test_slug_of_decomposed_text_is_the_same_as_of_composed_text():
    title = "Hội nghị Đại biểu tỉnh Lâm Đồng"
    assert ArticleFactory(title=unicodedata.normalize("NFD", title)).slug == (
        "hoi-nghi-dai-bieu-tinh-lam-dong"
    )


def test_article_url_lives_below_tin_tuc_with_its_category():
    category = CategoryFactory(name="Đại hội")
    article = ArticleFactory(title="Đại hội lần thứ V", category=category)
    assert article.get_absolute_url() == "/tin-tuc/dai-hoi/dai-hoi-lan-thu-v/"


def test_body_is_sanitized_when_saved():
    article = ArticleFactory(body='<p onclick="x()">Chào<script>alert(1)</script></p>')
    article.refresh_from_db()
    assert article.body == "<p>Chào</p>"


def test_category_may_not_have_a_grandparent():
    top = CategoryFactory()
    child = CategoryFactory(parent=top)
    grandchild = Category(name="Cấp ba", parent=child)
    with pytest.raises(ValidationError) as error:
        grandchild.full_clean()
    assert "Chỉ được chọn chuyên mục cấp một" in str(error.value)


def test_category_with_children_may_not_get_a_parent():
    top = CategoryFactory()
    CategoryFactory(parent=top)
    other = CategoryFactory()
    top.parent = other
    with pytest.raises(ValidationError) as error:
        top.full_clean()
    assert "đang có chuyên mục con" in str(error.value)


def test_in_category_includes_the_children_articles():
    parent = CategoryFactory()
    child = CategoryFactory(parent=parent)
    own = ArticleFactory(category=parent)
    childs = ArticleFactory(category=child)
    ArticleFactory()
    assert set(Article.objects.in_category(parent)) == {own, childs}


def test_others_than_lists_older_published_articles_of_the_same_category():
    category = CategoryFactory()
    article = ArticleFactory(category=category, published_at=timezone.now() - timedelta(days=2))
    older = ArticleFactory(category=category, published_at=timezone.now() - timedelta(days=5))
    ArticleFactory(category=category, published_at=timezone.now() - timedelta(days=1))
    ArticleFactory(category=category, published_at=timezone.now() - timedelta(days=6), draft=True)
    ArticleFactory(published_at=timezone.now() - timedelta(days=7))
    assert list(Article.objects.published().others_than(article)) == [older]


def test_others_than_breaks_a_tie_of_publication_time_by_id():
    category = CategoryFactory()
    moment = timezone.now() - timedelta(days=2)
    first = ArticleFactory(category=category, published_at=moment)
    article = ArticleFactory(category=category, published_at=moment)
    ArticleFactory(category=category, published_at=moment)
    assert list(Article.objects.published().others_than(article)) == [first]


def test_notices_are_the_articles_of_notice_categories():
    notice = ArticleFactory(category=CategoryFactory(is_notice=True))
    ArticleFactory()
    assert list(Article.objects.notices()) == [notice]


def test_home_blocks_group_children_under_their_home_parent():
    general = CategoryFactory(name="Tin tức tổng hợp", is_shown_on_home=True, order=2)
    science = CategoryFactory(name="Khoa học & Công nghệ", parent=general)
    activity = CategoryFactory(name="Tin hoạt động", is_shown_on_home=True, order=1)
    CategoryFactory(name="Không hiện", is_shown_on_home=False)
    science_article = ArticleFactory(category=science)
    activity_article = ArticleFactory(category=activity)
    ArticleFactory(category=activity, draft=True)
    blocks = Category.objects.home_blocks()
    assert [(c, subs, arts) for c, subs, arts in blocks] == [
        (activity, [], [activity_article]),
        (general, [science], [science_article]),
    ]


def test_home_blocks_keep_the_newest_articles_of_each_block():
    category = CategoryFactory(is_shown_on_home=True)
    articles = [
        ArticleFactory(category=category, published_at=timezone.now() - timedelta(days=n))
        for n in range(1, 8)
    ]
    [(_, _, shown)] = Category.objects.home_blocks(per_block=3)
    assert shown == articles[:3]


def test_front_page_splits_featured_from_latest_news():
    old_featured = ArticleFactory(
        is_featured=True, published_at=timezone.now() - timedelta(days=90)
    )
    latest = [ArticleFactory(published_at=timezone.now() - timedelta(days=n)) for n in range(1, 6)]
    ArticleFactory(is_featured=True, draft=True)
    featured, others = Article.objects.published().front_page(featured_count=2, latest_count=3)
    assert featured == [old_featured]
    assert others == latest[:3]
