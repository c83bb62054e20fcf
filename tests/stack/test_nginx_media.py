"""The shipped nginx block in front of the live site: uploads reach a
visitor only through Django's permission check, never by their address."""

import pytest

from core.models import Status
from tests.documents.factories import DocumentFactory, DocumentFileFactory
from tests.gallery.factories import AlbumFactory, PhotoFactory
from tests.stack.conftest import fetch, staff_cookie

pytestmark = pytest.mark.stack


def test_nginx_serves_uploads_only_through_the_permission_check(nginx):
    public = PhotoFactory()
    draft = PhotoFactory(album=AlbumFactory(status=Status.DRAFT))
    draft_file = DocumentFileFactory(document=DocumentFactory(status=Status.DRAFT))

    status, headers, body = fetch(nginx + public.image.url)
    assert status == 200
    assert headers["Content-Type"] == "image/jpeg"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in headers["Content-Security-Policy"]
    assert body[:2] == b"\xff\xd8"
    assert fetch(nginx + public.thumbnail.url)[0] == 200

    for url in [draft.image.url, draft.thumbnail.url, draft.large.url, draft_file.file.url]:
        assert fetch(nginx + url)[0] == 404, url
    # The internal location is not an address from outside.
    assert fetch(f"{nginx}/_protected-media/{draft.image.name}")[0] == 404
    assert fetch(f"{nginx}/_protected-media/{public.image.name}")[0] == 404

    cookie = staff_cookie()
    status, headers, body = fetch(nginx + draft.image.url, cookie)
    assert status == 200 and body[:2] == b"\xff\xd8"
    assert "no-store" in headers["Cache-Control"]
    status, headers, body = fetch(nginx + draft_file.file.url, cookie)
    assert status == 200 and body.startswith(b"%PDF-")


def test_a_download_through_nginx_keeps_its_name(nginx):
    document_file = DocumentFileFactory()
    status, headers, body = fetch(nginx + document_file.get_absolute_url())
    assert status == 200
    assert body.startswith(b"%PDF-")
    assert headers["Content-Disposition"] == 'attachment; filename="van-ban.pdf"'
