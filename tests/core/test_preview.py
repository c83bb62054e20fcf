"""core.views.StaffPreviewMixin: staff who may change a model preview what
visitors cannot see yet; everyone else gets 404; a preview is never cached."""

import pytest
from django.contrib.auth.models import AnonymousUser, Permission
from django.http import Http404
from django.template import engines
from django.test import RequestFactory
from django.views.generic import DetailView

from core.models import Status
from core.views import StaffPreviewMixin
from news.models import Article
from tests.documents.factories import DocumentFactory
from tests.gallery.factories import AlbumFactory
from tests.members.factories import OrganizationFactory
from tests.news.factories import ArticleFactory
from tests.qa.factories import QuestionFactory

pytestmark = pytest.mark.django_db


class ArticlePreview(StaffPreviewMixin, DetailView):
    model = Article

    def get_template_names(self):
        # TemplateResponse takes a template object as well as a name.
        return engines["django"].from_string(
            "{{ object.title }}{% if is_preview %} (bản xem trước){% endif %}"
        )


def staff_with(django_user_model, *codenames):
    user = django_user_model.objects.create_user("canbo", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return django_user_model.objects.get(pk=user.pk)  # no cached permissions


def show(article, user):
    request = RequestFactory().get("/")
    request.user = user
    response = ArticlePreview.as_view()(request, pk=article.pk)
    response.render()
    return response


def test_staff_with_only_the_models_change_permission_see_a_draft(django_user_model):
    article = ArticleFactory(title="Tin nháp", draft=True)
    response = show(article, staff_with(django_user_model, "change_article"))
    assert response.content.decode() == "Tin nháp (bản xem trước)"


def test_a_preview_is_never_cached(django_user_model):
    article = ArticleFactory(scheduled=True)
    response = show(article, staff_with(django_user_model, "change_article"))
    assert "no-cache" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_a_public_object_is_no_preview_and_keeps_its_cache_headers(django_user_model):
    article = ArticleFactory(title="Tin đã đăng")
    response = show(article, staff_with(django_user_model, "change_article"))
    assert response.content.decode() == "Tin đã đăng"
    assert not response.has_header("Cache-Control")


def test_staff_who_may_change_another_model_get_404(django_user_model):
    article = ArticleFactory(draft=True)
    with pytest.raises(Http404):
        show(article, staff_with(django_user_model, "change_album", "view_article"))


def test_a_user_who_is_not_staff_gets_404_even_with_the_permission(django_user_model):
    user = staff_with(django_user_model, "change_article")
    user.is_staff = False
    with pytest.raises(Http404):
        show(ArticleFactory(draft=True), user)


def test_visitors_get_404():
    with pytest.raises(Http404):
        show(ArticleFactory(draft=True), AnonymousUser())


# Each page with a preview: something visitors cannot see, the permission
# that lets staff see it, and the notice the page shows them.
HIDDEN = [
    pytest.param(lambda: ArticleFactory(draft=True), "change_article", "Bản xem trước", id="news"),
    pytest.param(
        lambda: DocumentFactory(status=Status.DRAFT),
        "change_document",
        "văn bản này chưa được đăng",
        id="documents",
    ),
    pytest.param(
        lambda: OrganizationFactory(is_active=False),
        "change_organization",
        "Tổ chức này đang ẩn",
        id="members",
    ),
    pytest.param(QuestionFactory, "change_question", "Bản xem trước dành cho cán bộ", id="qa"),
    pytest.param(
        lambda: AlbumFactory(status=Status.DRAFT),
        "change_album",
        "Album chưa được đăng",
        id="gallery",
    ),
]


@pytest.mark.parametrize(("make", "codename", "notice"), HIDDEN)
def test_page_previews_for_staff_who_may_change_it_never_cached(
    client, django_user_model, make, codename, notice
):
    hidden = make()
    client.force_login(staff_with(django_user_model, codename))
    response = client.get(hidden.get_absolute_url())
    assert notice in response.content.decode()
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.parametrize(("make", "codename", "notice"), HIDDEN)
def test_page_is_404_for_staff_who_may_not_change_it(
    client, django_user_model, make, codename, notice
):
    hidden = make()
    client.force_login(staff_with(django_user_model, "change_user"))
    assert client.get(hidden.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(("make", "codename", "notice"), HIDDEN)
def test_page_is_404_for_visitors(client, make, codename, notice):
    assert client.get(make().get_absolute_url()).status_code == 404


def test_a_draft_page_is_previewed_by_staff_who_edit_pages(client, django_user_model):
    from tests.sitecontent.factories import PageFactory

    page = PageFactory(title="Cơ cấu tổ chức", status=Status.DRAFT)
    url = page.get_absolute_url()
    assert client.get(url).status_code == 404
    editor = django_user_model.objects.create_user("trang", password="x", is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="change_page"))
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 200
    assert "Bản xem trước: trang này là bản nháp" in response.content.decode()
    assert "no-cache" in response["Cache-Control"]
