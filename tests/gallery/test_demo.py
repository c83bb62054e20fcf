import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from gallery.models import Album, Photo

pytestmark = pytest.mark.django_db


def test_demo_seed_makes_two_linked_albums_and_is_idempotent():
    call_command("seed_demo", verbosity=0)
    albums = list(Album.objects.published())
    assert len(albums) == 2
    for album in albums:
        assert 8 <= album.photos.count() <= 12
        assert album.article is not None
        assert album.cover.album_id == album.pk
    assert not Photo.objects.filter(caption="").exists()
    call_command("seed_demo", verbosity=0)
    assert Album.objects.count() == 2
    assert Photo.objects.count() == sum(a.photos.count() for a in albums)


def test_editors_may_manage_albums_and_photos():
    codenames = set(
        Group.objects.get(name="Biên tập viên").permissions.values_list("codename", flat=True)
    )
    assert {"add_album", "change_album", "delete_album", "add_photo", "change_photo"} <= codenames
