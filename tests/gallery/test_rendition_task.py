"""A photo's renditions are made by the worker after the upload is
committed; until then their addresses answer a "đang xử lý" picture."""

import pytest
from django.core.files.storage import default_storage

from .factories import PhotoFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_upload_is_saved_and_its_renditions_queued(queue):
    photo = PhotoFactory()
    assert default_storage.exists(photo.image.name)
    assert not default_storage.exists(photo.thumbnail.name)
    # One task for the photo, not one per rendition.
    assert queue.huey.pending_count() == 1


def test_a_rendition_not_made_yet_shows_processing(client, queue):
    photo = PhotoFactory()
    response = client.get(photo.thumbnail.url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")
    assert "Ảnh đang xử lý" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_the_worker_makes_every_rendition(client, queue):
    photo = PhotoFactory()
    assert queue.run() == 1
    for rendition in (photo.thumbnail, photo.card, photo.large):
        assert default_storage.exists(rendition.name)
        response = client.get(rendition.url)
        assert response["Content-Type"] == "image/jpeg"


def test_a_photo_deleted_before_the_worker_ran_is_skipped(queue):
    photo = PhotoFactory()
    name = photo.thumbnail.name
    photo.delete()
    queue.run()
    assert not default_storage.exists(name)
