"""Preview links for people without an account (core.models.PreviewLink,
core.views.preview_link): made and revoked on the admin form, signed,
expiring, revocable, never indexed or cached, and never showing the
content once they no longer work."""

from datetime import timedelta

import pytest
from django.core import signing
from django.test import Client
from django.utils import timezone

from core import review
from core.models import ReviewStatus
from lhh.groups import APPROVER_GROUP, CONTRIBUTOR_GROUP
from news.models import ArticlePreviewLink
from tests.news.factories import ArticleFactory
from tests.news.test_review import client_for, member
from tests.sitecontent.factories import PageFactory

pytestmark = pytest.mark.django_db

BANNER = "Bản xem trước — chưa đăng"


@pytest.fixture
def contributor(django_user_model):
    return member(django_user_model, CONTRIBUTOR_GROUP, "congtac")


@pytest.fixture
def approver(django_user_model):
    return member(django_user_model, APPROVER_GROUP, "nguoiduyet")


def admin_url(obj, suffix):
    return f"/admin/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/{suffix}"


def share(user, obj):
    """Make a link from the change form's button; its address, as the form lists it."""
    response = client_for(user).post(admin_url(obj, "preview-links/"))
    assert response.status_code == 302
    link = obj.preview_links.get()
    return link, f"/xem-truoc/{link.token}/"


def visit(url):
    return Client().get(url)


def test_a_link_shows_a_draft_under_the_banner_to_someone_without_an_account(contributor, approver):
    article = ArticleFactory(
        draft=True, created_by=contributor, title="Tin chờ lãnh đạo xem", status="pending"
    )
    link, url = share(approver, article)
    response = visit(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tin chờ lãnh đạo xem" in html
    assert BANNER in html
    moment = timezone.localtime(link.expires_at)
    assert f"dùng được đến {moment:%H:%M} ngày {moment:%d/%m/%Y}" in html
    # The draft is still 404 at its own address.
    assert visit(article.get_absolute_url()).status_code == 404


def test_a_link_is_noindex_and_never_kept_by_a_cache(approver):
    article = ArticleFactory(draft=True)
    _, url = share(approver, article)
    response = visit(url)
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    cache_control = response["Cache-Control"]
    assert "no-store" in cache_control and "private" in cache_control
    assert "public" not in cache_control and "s-maxage" not in cache_control
    assert response["Referrer-Policy"] == "no-referrer"
    assert "Set-Cookie" not in response


def test_a_live_article_shows_the_change_waiting_for_approval(contributor, approver):
    article = ArticleFactory(created_by=contributor, title="Tiêu đề đang đăng")
    review.hold_change(article, contributor, {"title": "Tiêu đề chờ duyệt"})
    _, url = share(approver, article)
    html = visit(url).content.decode()
    assert "Tiêu đề chờ duyệt" in html
    assert "trang đang đăng vẫn hiện nội dung cũ" in html
    assert "Tiêu đề chờ duyệt" not in visit(article.get_absolute_url()).content.decode()


def test_a_live_article_without_a_change_sends_to_its_public_page(approver):
    article = ArticleFactory()
    _, url = share(approver, article)
    response = visit(url)
    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url()


def test_a_scheduled_article_is_shown_before_its_time(approver):
    article = ArticleFactory(scheduled=True, title="Tin hẹn giờ")
    _, url = share(approver, article)
    assert "Tin hẹn giờ" in visit(url).content.decode()


def test_a_page_can_be_shared_too(approver):
    page = PageFactory(status=ReviewStatus.PENDING, title="Trang giới thiệu mới")
    _, url = share(approver, page)
    html = visit(url).content.decode()
    assert "Trang giới thiệu mới" in html
    assert BANNER in html


def test_an_expired_link_answers_410_without_the_content(approver):
    article = ArticleFactory(draft=True, title="Nội dung không được lộ")
    link, url = share(approver, article)
    assert visit(url).status_code == 200
    link.expires_at = timezone.now() - timedelta(seconds=1)
    link.save()
    response = visit(url)
    assert response.status_code == 410
    html = response.content.decode()
    assert "Liên kết xem trước đã hết hạn" in html
    assert "Nội dung không được lộ" not in html
    assert "no-store" in response["Cache-Control"]


def test_a_link_expires_after_the_days_set(approver, settings):
    settings.PREVIEW_LINK_DAYS = 3
    link, _ = share(approver, ArticleFactory(draft=True))
    assert link.expires_at - link.created_at == timedelta(days=3)


def test_a_revoked_link_answers_410_at_once(approver):
    article = ArticleFactory(draft=True, title="Nội dung không được lộ")
    link, url = share(approver, article)
    assert visit(url).status_code == 200
    response = client_for(approver).post(admin_url(article, f"preview-links/{link.pk}/revoke/"))
    assert response.status_code == 302
    response = visit(url)
    assert response.status_code == 410
    assert "Liên kết xem trước đã bị thu hồi" in response.content.decode()
    assert "Nội dung không được lộ" not in response.content.decode()
    link.refresh_from_db()
    assert link.revoked_by == approver


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),
        lambda token: signing.dumps(["news.articlepreviewlink", 1], salt="khác"),
        lambda token: signing.dumps(["auth.user", 1], salt="core.preview-link"),
        lambda token: signing.dumps("news.articlepreviewlink", salt="core.preview-link"),
        lambda token: signing.dumps(["không.có", 1], salt="core.preview-link"),
        lambda token: "x" * 300,
        lambda token: "%00",
    ],
    ids=["signature", "salt", "other-model", "shape", "no-model", "long", "nul"],
)
def test_a_changed_link_answers_404_without_the_content(approver, tamper):
    article = ArticleFactory(draft=True, title="Nội dung không được lộ")
    link, _ = share(approver, article)
    response = visit(f"/xem-truoc/{tamper(link.token)}/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Không tìm thấy bản xem trước" in html
    assert "Nội dung không được lộ" not in html


def test_the_link_of_a_deleted_article_answers_404(approver):
    article = ArticleFactory(draft=True)
    _, url = share(approver, article)
    article.delete()
    assert visit(url).status_code == 404


def test_the_form_lists_the_links_with_their_address_and_state(approver):
    article = ArticleFactory(draft=True)
    active, _ = share(approver, article)
    revoked = article.preview_links.create(
        created_by=approver, revoked_at=timezone.now(), revoked_by=approver
    )
    html = client_for(approver).get(admin_url(article, "change/")).content.decode()
    assert "Liên kết xem trước cho người không có tài khoản" in html
    assert f"http://testserver/xem-truoc/{active.token}/" in html
    assert revoked.token not in html
    assert "Còn hiệu lực" in html and "Đã thu hồi" in html


def test_a_contributor_shares_their_own_article_but_not_another_persons(
    contributor, django_user_model
):
    other = member(django_user_model, CONTRIBUTOR_GROUP, "congtac2")
    mine = ArticleFactory(draft=True, created_by=contributor, status=ReviewStatus.PENDING)
    theirs = ArticleFactory(draft=True, created_by=other)
    client = client_for(contributor)
    assert client.post(admin_url(mine, "preview-links/")).status_code == 302
    assert client.post(admin_url(theirs, "preview-links/")).status_code == 403
    link = ArticlePreviewLink.objects.create(target=theirs, created_by=other)
    revoke = admin_url(theirs, f"preview-links/{link.pk}/revoke/")
    assert client.post(revoke).status_code == 403
    link.refresh_from_db()
    assert link.revoked_at is None
    assert not theirs.preview_links.exclude(pk=link.pk).exists()


def test_links_are_made_and_revoked_only_by_post(approver):
    article = ArticleFactory(draft=True)
    client = client_for(approver)
    assert client.get(admin_url(article, "preview-links/")).status_code == 405
    assert not article.preview_links.exists()
    assert visit("/xem-truoc/abc/").status_code == 404
    assert Client().post("/xem-truoc/abc/").status_code in (403, 405)


def test_a_link_shows_the_drafts_cover_which_visitors_cannot_fetch(approver):
    import re
    from urllib.parse import unquote

    from news.models import Article

    article = ArticleFactory(draft=True, with_cover=True)
    link, url = share(approver, article)
    html = visit(url).content.decode()
    cover = re.search(r'<figure class="news-article__cover">\s*<img src="([^"]+)"', html)[1]
    assert unquote(cover).endswith(f"?xem-truoc={link.token}")
    # The rendition the page shows, and the original upload.
    assert visit(cover).status_code == 200
    assert visit(cover.split("?")[0]).status_code == 404
    original = Article.objects.get(pk=article.pk).cover.url
    assert visit(original).status_code == 404
    response = visit(f"{original}?xem-truoc={link.token}")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    link.revoked_at = timezone.now()
    link.save()
    assert visit(f"{original}?xem-truoc={link.token}").status_code == 404
    other = ArticleFactory(draft=True, with_cover=True)
    assert visit(f"{other.cover.url}?xem-truoc={link.token}").status_code == 404
