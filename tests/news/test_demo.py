import pytest
from django.core.management import call_command
from django.utils import timezone

from news.models import Article, Category

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    call_command("seed_demo", verbosity=0)


def test_demo_creates_the_six_categories(seeded):
    assert list(Category.objects.values_list("name", flat=True).order_by("pk")) == [
        "Tin hoạt động Liên hiệp Hội",
        "Tin hoạt động LHH Việt Nam",
        "Tin tức tổng hợp",
        "Khoa học & Công nghệ",
        "Đại hội",
        "Thông báo",
    ]
    assert Category.objects.get(name="Khoa học & Công nghệ").parent.name == "Tin tức tổng hợp"
    assert Category.objects.get(is_notice=True).name == "Thông báo"


def test_demo_has_the_reference_articles_with_their_dates(seeded):
    giao_ban = Article.objects.get(title="Hội nghị Giao ban toàn quốc Liên hiệp Hội Việt Nam 2017")
    assert timezone.localtime(giao_ban.published_at).strftime("%d/%m/%Y") == "16/08/2017"
    assert giao_ban.category.name == "Tin hoạt động LHH Việt Nam"
    assert giao_ban.author == "NTC"
    assert giao_ban.cover_caption == "Ông Đặng Vũ Minh - Chủ tịch LHH VN phát biểu khai mạc"
    assert "Kết luận hội nghị, ông Đặng Vũ Minh nhấn mạnh" in giao_ban.body
    lam_dong = Article.objects.get(slug__startswith="lien-hiep-hoi-lam-dong-tiep-tuc-vuon-len")
    assert timezone.localtime(lam_dong.published_at).strftime("%d/%m/%Y") == "13/10/2017"
    assert lam_dong.category.name == "Khoa học & Công nghệ"
    assert "chúng ta có quyền hy vọng" in lam_dong.body


def test_demo_has_enough_articles_over_several_years_and_three_notices(seeded):
    published = Article.objects.published()
    assert published.exclude(category__is_notice=True).count() >= 32
    assert published.notices().count() == 3
    years = {timezone.localtime(a.published_at).year for a in published}
    assert len(years) >= 5
    assert published.exclude(cover="").count() >= 8


def test_demo_seed_twice_changes_nothing(seeded):
    before = (Category.objects.count(), Article.objects.count())
    call_command("seed_demo", verbosity=0)
    assert (Category.objects.count(), Article.objects.count()) == before


def test_demo_news_list_paginates(seeded, client):
    assert "Trang 1/4 trang" in client.get("/tin-tuc/").content.decode()
