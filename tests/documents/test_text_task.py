"""A file's text is read by the worker after the upload is committed; until
then the page says so and search does not know the text."""

import pytest

from documents.models import Document

from .factories import DocumentFileFactory, pdf_upload

pytestmark = pytest.mark.django_db(transaction=True)

PENDING = "đang xử lý nội dung để tra cứu"


@pytest.fixture
def uploaded(queue):
    """A PDF just uploaded, its text not read yet (the worker has not run)."""
    return DocumentFileFactory(
        file=pdf_upload(lines=["Ban giam khao gom bay thanh vien"]), worker=False
    )


def test_the_upload_is_saved_without_reading_its_text(uploaded, queue):
    uploaded.refresh_from_db()
    assert uploaded.is_text_pending is True
    assert uploaded.text == ""
    assert uploaded.size > 0 and uploaded.kind == "pdf"
    assert queue.huey.pending_count() == 1


def test_the_page_says_the_text_is_being_processed(client, uploaded):
    html = client.get(uploaded.document.get_absolute_url()).content.decode()
    assert PENDING in html
    assert list(Document.objects.search("giam khao")) == []


def test_the_worker_reads_the_text_into_the_page_and_both_searches(client, uploaded, queue):
    url = uploaded.document.get_absolute_url()
    client.get(url)  # the page as cached before the worker ran
    assert queue.run() == 1
    uploaded.refresh_from_db()
    assert uploaded.is_text_pending is False
    assert "Ban giam khao" in uploaded.text
    assert uploaded.has_text_layer is True
    assert PENDING not in client.get(url).content.decode()
    assert list(Document.objects.search("giám khảo")) == [uploaded.document]
    results = client.get("/tim-kiem/", {"q": "giám khảo"}).content.decode()
    assert url in results


def test_a_broken_file_is_flagged_by_the_worker(queue):
    from django.core.files.base import ContentFile

    broken = DocumentFileFactory(
        file=ContentFile(b"%PDF-1.4\n" + b"\x00" * 200, name="hong.pdf"), worker=False
    )
    queue.run()
    broken.refresh_from_db()
    assert broken.is_text_pending is False
    assert "Không đọc được nội dung tệp" in broken.extraction_error
