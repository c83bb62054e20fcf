import pytest
from django.apps import apps
from django.core.management import call_command

from sitecontent.models import Link, Page, SiteProfile

pytestmark = pytest.mark.django_db


def row_counts():
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label in {"lhh", "news", "members", "documents", "qa", "gallery"}
    }


def test_seed_demo_twice_gives_the_same_rows():
    call_command("seed_demo", verbosity=0)
    first = row_counts()
    call_command("seed_demo", verbosity=0)
    assert row_counts() == first


def test_seed_demo_loads_the_lam_dong_profile_pages_and_links():
    call_command("seed_demo", verbosity=0)
    profile = SiteProfile.load()
    assert profile.name == "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Lâm Đồng"
    assert profile.visit_base == 538980
    assert list(Page.objects.published().values_list("title", flat=True)) == [
        "Giới thiệu chung",
        "Cơ cấu tổ chức",
        "Chức năng nhiệm vụ",
        "Điều lệ",
        "Liên hệ",
        "Chính sách bảo vệ dữ liệu cá nhân",
    ]
    assert list(Link.objects.values_list("title", flat=True)) == [
        "Liên hiệp hội Việt Nam",
        "UBND tỉnh Lâm Đồng",
        "Sở KHCN Lâm Đồng",
        "Tỉnh đoàn Lâm Đồng",
        "Sở tư pháp Lâm Đồng",
    ]


def test_seed_demo_keeps_what_staff_edited():
    call_command("seed_demo", verbosity=0)
    Page.objects.filter(slug="lien-he").update(title="Liên hệ với chúng tôi")
    call_command("seed_demo", verbosity=0)
    assert Page.objects.get(slug="lien-he").title == "Liên hệ với chúng tôi"


def test_seed_demo_admin_creates_the_demo_account_once(django_user_model):
    call_command("seed_demo", "--admin", verbosity=0)
    call_command("seed_demo", "--admin", verbosity=0)
    assert django_user_model.objects.filter(username="admin", is_superuser=True).count() == 1
    # One staff account per group, to try the admin as each role.
    staff = django_user_model.objects.filter(is_staff=True, is_superuser=False)
    assert {(user.username, user.groups.get().name) for user in staff} == {
        ("congtacvien", "Cộng tác viên"),
        ("bientap", "Biên tập viên"),
        ("duyet", "Người duyệt"),
        ("vanthu", "Văn thư"),
        ("hoidap", "Cán bộ hỏi đáp"),
        ("thidua", "Cán bộ cuộc thi"),
    }
    assert all(user.check_password("lhh-demo-2026") for user in staff)


def test_seed_demo_admin_prints_every_demo_account(capsys):
    call_command("seed_demo", "--admin", verbosity=1)
    printed = capsys.readouterr().out
    for account in ("admin / lhh-demo-2026", "congtacvien (Cộng tác viên)", "duyet (Người duyệt)"):
        assert account in printed


def test_seed_demo_admin_leaves_two_articles_waiting_and_one_returned_with_a_comment():
    from core.models import ReviewStatus
    from news.models import Article

    call_command("seed_demo", "--admin", verbosity=0)
    call_command("seed_demo", "--admin", verbosity=0)
    waiting = Article.objects.filter(status=ReviewStatus.PENDING)
    returned = Article.objects.get(status=ReviewStatus.RETURNED)
    assert waiting.count() == 2
    assert {a.created_by.username for a in [*waiting, returned]} == {"congtacvien"}
    assert all(a.submitted_at for a in waiting)
    event = returned.review_events.first()
    assert (event.user.username, event.to_status) == ("bientap", ReviewStatus.RETURNED)
    assert "ảnh đại diện" in event.comment
    # Waiting is not published: nothing of it is on the site.
    assert not Article.objects.published().filter(status=ReviewStatus.PENDING).exists()


def test_seed_demo_has_an_expired_notice_that_is_out_of_the_lists():
    from news.models import Article

    call_command("seed_demo", verbosity=0)
    expired = Article.objects.get(title="Thông báo lịch nghỉ Tết Dương lịch năm 2026")
    assert expired.is_expired
    assert not Article.objects.published().filter(pk=expired.pk).exists()
    assert Article.objects.reachable().filter(pk=expired.pk).exists()


def test_demo_images_have_their_size_stored():
    from members.models import Organization
    from news.models import Article
    from sitecontent.models import Banner

    call_command("seed_demo", verbosity=0)
    assert not Banner.objects.filter(image_width__isnull=True).exists()
    assert not Organization.objects.exclude(logo="").filter(logo_width__isnull=True).exists()
    assert not Article.objects.exclude(cover="").filter(cover_width__isnull=True).exists()
