"""A model moved out of lhh keeps its content type, its grants and its history.

Each move is state only (the table keeps its name) plus core.moves, which
renames the content type in place and rewrites the model label stored in
django-reversion's versions. The test goes back to before the move and
forward again, as an upgrade of an existing site does.
"""

import pytest
import reversion
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from reversion.models import Version

from medialibrary.models import MediaItem, MediaUsage
from news.models import Article
from tests.news.factories import ArticleFactory, png_bytes


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()


@pytest.mark.django_db(transaction=True)
def test_the_media_library_moves_out_of_lhh_with_everything_that_points_at_it():
    item = MediaItem(alt_text="Hội thảo nông nghiệp")
    item.file = ContentFile(png_bytes(), name="anh.png")
    with reversion.create_revision():
        item.save()
    article = ArticleFactory(body=f'<p>Mở.</p><img src="{item.file.url}" alt="Hội thảo">')
    content_type = ContentType.objects.get_for_model(MediaItem)
    editors = Group.objects.get(name="Biên tập viên")
    assert editors.permissions.filter(codename="change_mediaitem").exists()

    migrate([("medialibrary", None)])
    content_type.refresh_from_db()
    assert content_type.app_label == "lhh"
    assert '"model": "lhh.mediaitem"' in Version.objects.get().serialized_data

    migrate(None)
    assert ContentType.objects.get_for_model(MediaItem).pk == content_type.pk
    assert not ContentType.objects.filter(app_label="lhh", model="mediaitem").exists()
    # The grant, the usage row and the history are those from before.
    assert editors.permissions.filter(codename="change_mediaitem").exists()
    usage = MediaUsage.objects.get(item=item)
    assert usage.content_object == Article.objects.get(pk=article.pk)
    item.alt_text = "Đổi sau khi nâng cấp"
    item.save()
    Version.objects.get_for_object(item).get().revert()
    item.refresh_from_db()
    assert item.alt_text == "Hội thảo nông nghiệp"


@pytest.mark.django_db(transaction=True)
def test_the_sites_own_content_moves_out_of_lhh_with_its_history_and_grants():
    from sitecontent.models import Page

    with reversion.create_revision():
        page = Page.objects.create(title="Giới thiệu chung", body="<p>Bản đầu.</p>")
    content_type = ContentType.objects.get_for_model(Page)
    editors = Group.objects.get(name="Biên tập viên")
    assert editors.permissions.filter(codename="change_page").exists()

    migrate([("sitecontent", None)])
    content_type.refresh_from_db()
    assert content_type.app_label == "lhh"
    version = Version.objects.get(content_type_id=content_type.pk)
    assert '"model": "lhh.page"' in version.serialized_data

    migrate(None)
    assert ContentType.objects.get_for_model(Page).pk == content_type.pk
    assert editors.permissions.filter(codename="change_page").exists()
    page.body = "<p>Sửa sau khi nâng cấp.</p>"
    page.save()
    Version.objects.get_for_object(page).get().revert()
    page.refresh_from_db()
    assert page.body == "<p>Bản đầu.</p>"


def test_old_admin_addresses_of_moved_models_redirect(admin_client):
    response = admin_client.get("/admin/lhh/siteprofile/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/sitecontent/siteprofile/"
    assert admin_client.get("/admin/lhh/page/add/")["Location"] == "/admin/sitecontent/page/add/"
    # What stays in lhh is not redirected.
    assert admin_client.get("/admin/lhh/loginlog/").status_code == 200


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("app", "model_name"), [("visits", "visitday"), ("search", "searchentry")])
def test_a_moved_model_keeps_its_content_type_and_rows(app, model_name):
    from django.apps import apps

    model = apps.get_model(app, model_name)
    content_type = ContentType.objects.get_for_model(model)
    rows = model.objects.count()

    migrate([(app, None)])
    content_type.refresh_from_db()
    assert content_type.app_label == "lhh"

    migrate(None)
    assert ContentType.objects.get_for_model(model).pk == content_type.pk
    assert model.objects.count() == rows
